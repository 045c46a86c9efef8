namespace AlgoSpace.Tests.Pipeline;

/// <summary>
/// The default job itself (settings/settings.yaml, the committed models, the shipped 20-day sample cut at its sixth
/// trading day) gives byte-identical trades.csv, equity.csv and report.json (without its timing object) on 1 and 2
/// silos, on both bus transports, and the in-process runner gives the same trades: determinism and parity over the
/// whole pipeline, from the data handler through indicators, matrices, synergies, RDE, MARL, M-RMS and execution.
/// </summary>
public sealed class DefaultJobDeterminismTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    /// <summary>The first trades of the sample close on 2024-01-08 and 2024-01-09 (RDE warm-up takes the first four days).</summary>
    private const string EndDate = "2024-01-09";

    private static readonly Lazy<Task<JobFiles>> Reference = new(() => RunOrleansAsync(new ClusterShape(1)));

    /// <summary>The default settings, cut at <see cref="EndDate"/>, in memory persistence, without telemetry, on <paramref name="transport"/>.</summary>
    private static string Settings(string transport) => ShippedJobRun.Settings("settings.yaml", transport, EndDate);

    /// <summary>A project tree with the shipped sample and the committed models, as the default job sees them.</summary>
    private static string Tree() => DefaultJobFiles.NewTree("algospace-default-job-");

    private static Task<JobFiles> RunOrleansAsync(ClusterShape shape) =>
        ShippedJobRun.OrleansAsync(Settings(shape.Transport), Tree(), shape.Silos, "output", Timeout);

    [Fact]
    public async Task The_default_job_trades_and_repeats_itself_byte_for_byte_on_one_silo()
    {
        var first = await Reference.Value;
        var second = await RunOrleansAsync(new ClusterShape(1));

        // The decision chain really ran: at least three trades, each with a decision id from simulation time.
        var trades = first.Trades.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        Assert.True(trades.Count >= 3, first.Trades);
        Assert.All(trades, t => Assert.StartsWith("EX_2024010", t, StringComparison.Ordinal));
        Assert.Equal(first, second);
    }

    [Theory]
    [InlineData(2, "broadcast")]
    [InlineData(1, "stream")]
    public async Task Two_silos_and_the_stream_transport_give_the_same_files(int silos, string transport)
    {
        var reference = await Reference.Value;
        var other = await RunOrleansAsync(new ClusterShape(silos, transport));
        Assert.Equal(reference.Trades, other.Trades);
        Assert.Equal(reference.Equity, other.Equity);
        Assert.Equal(reference.Report, other.Report);
    }

    [Fact]
    public async Task The_in_process_runner_makes_the_same_trades()
    {
        var reference = await Reference.Value;
        var (trades, equity) = await ShippedJobRun.InProcessAsync(Settings("broadcast"), Tree());
        Assert.Equal(reference.Trades, trades);
        Assert.Equal(reference.Equity, equity);
    }
}
