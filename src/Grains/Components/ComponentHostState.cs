namespace AlgoSpace.Components;

/// <summary>
/// What a component host saves: the component's own snapshot, the last sequence number it published (so a
/// restart continues the sequence) and the last it handled from each source (so a replayed event is a duplicate).
/// </summary>
[GenerateSerializer]
public sealed class ComponentHostState
{
    [Id(0)] public ComponentSpec? Spec { get; set; }
    [Id(1)] public object? Snapshot { get; set; }
    [Id(2)] public long LastSeq { get; set; }
    [Id(3)] public Dictionary<string, long> LastHandled { get; set; } = new(StringComparer.Ordinal);
    [Id(4)] public DateTime? SavedAtUtc { get; set; }
}
