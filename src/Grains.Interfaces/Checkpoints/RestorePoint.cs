namespace AlgoSpace.Grains.Interfaces.Checkpoints;

/// <summary>
/// Where a component host starts from. A new run discards whatever was saved; a resumed run restores the
/// component's piece of the committed checkpoint <see cref="Epoch"/> (0: none was committed yet, so the run starts
/// from its beginning) and hands its component the journal written since that checkpoint. <see cref="Recovery"/>
/// counts the kernel's restores of the run inside the cluster (recoveries and rebalances): a host that is still alive
/// restores again when it grows.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RestorePoint([property: Id(0)] bool Resume, [property: Id(1)] long Epoch, [property: Id(2)] int Recovery = 0)
{
    public static RestorePoint NewRun { get; } = new(false, 0);
}
