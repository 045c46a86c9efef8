using AlgoSpace.Grains.Interfaces.Components;

namespace AlgoSpace.Grains.Components;

/// <summary>
/// What a component host saves (state "component"): its spec and its pieces of the run's checkpoints, at most the
/// committed one and one newer that is being written (or whose commit never came). See docs/architecture.md,
/// "Checkpoints and the journal".
/// </summary>
[GenerateSerializer]
public sealed class ComponentHostState
{
    [Id(0)] public ComponentSpec? Spec { get; set; }
    [Id(1)] public List<HostCheckpoint> Checkpoints { get; set; } = [];
}

/// <summary>
/// One component's piece of checkpoint <see cref="Epoch"/>: the component's snapshot, the last sequence number it
/// published (a restore continues the sequence) and the last it handled from each source, all taken at one
/// quiescent moment of the pipeline together with every other component's piece.
/// </summary>
[GenerateSerializer]
public sealed class HostCheckpoint
{
    [Id(0)] public long Epoch { get; set; }
    [Id(1)] public DateTime SimTime { get; set; }
    [Id(2)] public object? Snapshot { get; set; }
    [Id(3)] public long LastSeq { get; set; }
    [Id(4)] public Dictionary<string, long> LastHandled { get; set; } = new(StringComparer.Ordinal);
    [Id(5)] public DateTime SavedAtUtc { get; set; }
}
