namespace AlgoSpace.Tests.Recovery;

/// <summary>
/// The recovery tests start and kill dozens of silo processes that each run the whole default job, and the cluster
/// tests run several silo processes at once (scripts/cluster.sh, rolling restarts): they run on their own, one at a
/// time, after the parallel tests, so that on 2 cores none slows another's processes past its bounds.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RecoveryCollection
{
    public const string Name = "Process recovery";
}
