using AlgoSpace.Grains.Components;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace AlgoSpace.Tests.Recovery;

/// <summary>
/// Decorates the silo's real "state" grain storage (the file provider, here) so that a test can make writes of one
/// state name fail on demand, as a full disk or a lost Redis connection would.
/// </summary>
public sealed class FaultInjectingStorage(IGrainStorage inner, StorageFaults faults) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    /// <summary>The file provider creates its folder in the silo's lifecycle; the decorator passes that on.</summary>
    public void Participate(ISiloLifecycle lifecycle) => (inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(lifecycle);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ReadStateAsync(stateName, grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        faults.ThrowIfFailing(stateName, grainId);
        return inner.WriteStateAsync(stateName, grainId, grainState);
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ClearStateAsync(stateName, grainId, grainState);

    /// <summary>Replaces the registered "state" storage of a silo's services with this decorator around it.</summary>
    public static void Decorate(IServiceCollection services, StorageFaults faults)
    {
        var original = services.Last(d => d.ServiceType == typeof(IGrainStorage) && Equals(d.ServiceKey, StorageNames.State));
        var factory = original.KeyedImplementationFactory ?? throw new InvalidOperationException("the state storage is not registered by a factory");
        services.AddKeyedSingleton<IGrainStorage>(StorageNames.State, (provider, key) =>
            new FaultInjectingStorage((IGrainStorage)factory(provider, key), faults));
    }
}

/// <summary>Which writes fail: those of <see cref="StateName"/> while <see cref="FailuresLeft"/> is above zero.</summary>
public sealed class StorageFaults
{
    private int _failuresLeft;
    private int _injected;

    public string StateName { get; set; } = "component";

    /// <summary>Writes still to fail; int.MaxValue for every one from now on.</summary>
    public int FailuresLeft { get => Volatile.Read(ref _failuresLeft); set => Volatile.Write(ref _failuresLeft, value); }

    public int Injected => Volatile.Read(ref _injected);

    public void ThrowIfFailing(string stateName, GrainId grainId)
    {
        if (stateName != StateName) return;
        while (true)
        {
            var left = FailuresLeft;
            if (left <= 0) return;
            if (Interlocked.CompareExchange(ref _failuresLeft, left == int.MaxValue ? left : left - 1, left) == left) break;
        }

        Interlocked.Increment(ref _injected);
        throw new IOException($"injected write failure: state '{stateName}' of {grainId} (No space left on device)");
    }
}
