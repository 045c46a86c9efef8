using AlgoSpace.Grains.Interfaces.Configuration;

namespace AlgoSpace.Tests.Persistence;

/// <summary>The Redis provider, chosen by settings, against a real redis-server started for the test.</summary>
public sealed class RedisPersistenceClusterTests
{
    [Fact]
    public async Task State_written_through_the_redis_provider_survives_a_cluster_restart()
    {
        using var redis = await RedisServer.StartAsync();
        using var output = new TempDirectory();
        var settings = new AlgoSpaceSettings
        {
            System = new SystemSettings { OutputDir = output.Path },
            Persistence = new PersistenceSettings { Provider = PersistenceProvider.Redis, RedisConnection = redis.ConnectionString },
        };
        var serviceId = Guid.NewGuid().ToString("N");

        var first = await PersistenceCluster.StartAsync(settings, serviceId);
        try
        {
            var grain = first.Client.GetGrain<ICounterGrain>("CL");
            Assert.False(await grain.RecordExists());
            await grain.Add(10m, "opened");
            await grain.Add(-4.5m, "reduced");
        }
        finally
        {
            await PersistenceCluster.StopAsync(first);
        }

        var second = await PersistenceCluster.StartAsync(settings, serviceId);
        try
        {
            var grain = second.Client.GetGrain<ICounterGrain>("CL");
            var state = await grain.Get();

            Assert.True(await grain.RecordExists());
            Assert.Equal(2, state.Count);
            Assert.Equal(5.5m, state.Total);
            Assert.Equal(["opened", "reduced"], state.Notes);
        }
        finally
        {
            await PersistenceCluster.StopAsync(second);
        }

        // The state lived in Redis, not in files.
        Assert.Empty(Directory.GetFileSystemEntries(output.Path));
    }
}
