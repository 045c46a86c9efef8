namespace AlgoSpace.Grains.Interfaces.Checkpoints;

/// <summary>
/// The commit record of a checkpoint, written last: a restore takes only the epoch named here, so a crash while
/// the pieces are being written leaves the previous checkpoint the one restored.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CheckpointCommit(
    [property: Id(0)] string RunId,
    [property: Id(1)] long Epoch,
    [property: Id(2)] DateTime SimTime,
    [property: Id(3)] IReadOnlyList<string> Components,
    [property: Id(4)] DateTime CommittedAtUtc)
{
    /// <summary>The record of a run that has no checkpoint yet: a restore starts it from its beginning.</summary>
    public static CheckpointCommit None(string runId) => new(runId, 0, default, [], default);
}
