namespace AlgoSpace.Grains.Interfaces.Checkpoints;

/// <summary>
/// Holds the commit record of the run's last complete checkpoint (key <see cref="AlgoSpace.Grains.Interfaces.Kernel.KernelKeys.Checkpoints"/>).
/// It is its own grain, so that committing never races the kernel's own state writes.
/// </summary>
public interface ICheckpointGrain : IGrainWithStringKey
{
    /// <summary>The last committed checkpoint, or <see cref="CheckpointCommit.None"/> of no run.</summary>
    Task<CheckpointCommit> GetCommittedAsync();

    /// <summary>Writes <paramref name="commit"/> as the committed checkpoint; returns when it is durable.</summary>
    Task CommitAsync(CheckpointCommit commit);

    /// <summary>A new run begins: nothing of the previous run's checkpoints is restorable any more.</summary>
    Task ResetAsync(string runId);
}
