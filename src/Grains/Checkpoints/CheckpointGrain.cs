using AlgoSpace.Grains.Components;
using AlgoSpace.Grains.Interfaces.Checkpoints;

namespace AlgoSpace.Grains.Checkpoints;

/// <summary>Keeps the commit record of the run's last complete checkpoint; see <see cref="ICheckpointGrain"/>.</summary>
public sealed class CheckpointGrain(
    [PersistentState("checkpoint", StorageNames.State)] IPersistentState<CheckpointCommitState> state) : Grain, ICheckpointGrain
{
    public Task<CheckpointCommit> GetCommittedAsync() => Task.FromResult(state.State.Commit ?? CheckpointCommit.None(""));

    public async Task CommitAsync(CheckpointCommit commit)
    {
        var previous = state.State.Commit;
        state.State.Commit = commit;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Not durable, so not committed: the previous record stays the one this grain answers with.
            state.State.Commit = previous;
            throw;
        }
    }

    public async Task ResetAsync(string runId)
    {
        state.State.Commit = CheckpointCommit.None(runId);
        await state.WriteStateAsync();
    }
}

/// <summary>The state of <see cref="CheckpointGrain"/>.</summary>
[GenerateSerializer]
public sealed class CheckpointCommitState
{
    [Id(0)] public CheckpointCommit? Commit { get; set; }
}
