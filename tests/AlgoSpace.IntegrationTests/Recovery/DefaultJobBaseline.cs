namespace AlgoSpace.Tests.Recovery;

/// <summary>
/// The default job run once, uninterrupted, in one silo process: what every interrupted, resumed or recovered run of
/// the recovery collection must reproduce byte for byte. Run at most once per test run, by whichever test needs it first.
/// </summary>
public static class DefaultJobBaseline
{
    public static Lazy<Task<RunFiles>> Uninterrupted { get; } = new(async () =>
    {
        using var tree = new DefaultJobTree();
        var run = new RunInterrupter(tree);
        return await run.FinishAsync();
    });

    /// <summary>settings/portfolio.yaml run to its end on one silo without interruption.</summary>
    public static Lazy<Task<RunFiles>> Portfolio { get; } = new(async () =>
    {
        using var tree = new DefaultJobTree(job: DefaultJobTree.PortfolioJob);
        var run = new RunInterrupter(tree);
        return await run.FinishAsync();
    });
}
