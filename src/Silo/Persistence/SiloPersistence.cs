using AlgoSpace.Grains.Components;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Silo.Configuration;
using Orleans.Persistence;
using StackExchange.Redis;

namespace AlgoSpace.Silo.Persistence;

/// <summary>
/// Registers the grain storage providers that <c>persistence.provider</c> names: <see cref="StorageNames.State"/> for
/// the grains, and <see cref="StorageNames.PubSub"/> for the subscriptions of Orleans streams, on the same backend.
/// </summary>
public static class SiloPersistence
{
    public static void Configure(ISiloBuilder silo, AlgoSpaceSettings settings)
    {
        var persistence = settings.Persistence;
        string location;
        switch (persistence.Provider)
        {
            case PersistenceProvider.File:
                var directory = persistence.Directory ?? Path.Combine(settings.System.OutputDir, "state");
                var pubSubDirectory = Path.Combine(directory, "pubsub");
                silo.AddFileGrainStorage(StorageNames.State, o => o.Directory = directory);
                silo.AddFileGrainStorage(StorageNames.PubSub, o => o.Directory = pubSubDirectory);
                location = $"state files in {directory}, stream subscriptions in {pubSubDirectory}";
                break;

            case PersistenceProvider.Memory:
                silo.AddMemoryGrainStorage(StorageNames.State);
                silo.AddMemoryGrainStorage(StorageNames.PubSub);
                location = "in silo memory: state is lost when the cluster stops";
                break;

            case PersistenceProvider.Redis:
                // The loader guarantees a connection string for provider: redis. Each provider parses its own copy:
                // StackExchange.Redis options are mutable and a multiplexer may change them.
                var connection = persistence.RedisConnection
                    ?? throw new InvalidOperationException("persistence.redis_connection is required for provider: redis.");
                silo.AddRedisGrainStorage(StorageNames.State, o => ConfigureRedis(o, connection));
                silo.AddRedisGrainStorage(StorageNames.PubSub, o => ConfigureRedis(o, connection));
                // The connection string is a credential: only its endpoints are printed.
                location = $"Redis at {string.Join(", ", ConfigurationOptions.Parse(connection).EndPoints.Select(EndPointCollection.ToString))}";
                break;

            default:
                throw new ArgumentOutOfRangeException(nameof(settings), persistence.Provider, "Unknown persistence provider.");
        }

        var provider = SettingMember.EnumName(persistence.Provider);
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(services =>
            new PersistenceStartupLog(services.GetRequiredService<ILogger<PersistenceStartupLog>>(), provider, location));
    }

    private static void ConfigureRedis(RedisStorageOptions options, string connection)
    {
        options.ConfigurationOptions = ConfigurationOptions.Parse(connection);

        // A cleared grain has no state, as with the file provider, instead of an empty entry.
        options.DeleteStateOnClear = true;
    }
}
