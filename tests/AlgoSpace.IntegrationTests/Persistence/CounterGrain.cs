using AlgoSpace.Grains.Components;

namespace AlgoSpace.Tests.Persistence;

/// <summary>State of the test grain: Orleans-serializable, with a collection and a decimal to show more than ints survive.</summary>
[GenerateSerializer]
public sealed record CounterState
{
    [Id(0)] public int Count { get; init; }

    [Id(1)] public decimal Total { get; init; }

    [Id(2)] public List<string> Notes { get; init; } = [];
}

public interface ICounterGrain : IGrainWithStringKey
{
    Task<CounterState> Add(decimal amount, string note);

    Task<CounterState> Get();

    Task<bool> RecordExists();
}

/// <summary>A grain that saves its state through the silo's "state" provider on every change.</summary>
public sealed class CounterGrain([PersistentState("counter", StorageNames.State)] IPersistentState<CounterState> state) : Grain, ICounterGrain
{
    public async Task<CounterState> Add(decimal amount, string note)
    {
        state.State = state.State with { Count = state.State.Count + 1, Total = state.State.Total + amount, Notes = [.. state.State.Notes, note] };
        await state.WriteStateAsync();
        return state.State;
    }

    public Task<CounterState> Get() => Task.FromResult(state.State);

    public Task<bool> RecordExists() => Task.FromResult(state.RecordExists);
}
