namespace AlgoSpace.Tests.Recovery;

/// <summary>
/// The recovery tests start and kill dozens of silo processes that each run the whole default job: they run on their
/// own, after the parallel tests, so that neither slows the other's processes past its bounds.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RecoveryCollection
{
    public const string Name = "Process recovery";
}
