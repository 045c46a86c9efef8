using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Silo.Persistence;

namespace AlgoSpace.Tests.Persistence;

/// <summary>The file provider inside real silos: state written by one cluster is there for the next one.</summary>
public sealed class FilePersistenceClusterTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task State_written_by_a_grain_survives_stopping_the_cluster_and_starting_a_new_one_on_the_same_directory()
    {
        var stateDirectory = _dir.Combine("state");
        var settings = new AlgoSpaceSettings
        {
            System = new SystemSettings { OutputDir = _dir.Path },
            Persistence = new PersistenceSettings { Provider = PersistenceProvider.File, Directory = stateDirectory },
        };
        var serviceId = Guid.NewGuid().ToString("N");

        var first = await PersistenceCluster.StartAsync(settings, serviceId);
        try
        {
            var grain = first.Client.GetGrain<ICounterGrain>("ES");
            Assert.False(await grain.RecordExists());
            await grain.Add(1.5m, "first");
            await grain.Add(2.25m, "second");
        }
        finally
        {
            await PersistenceCluster.StopAsync(first);
        }

        Assert.Single(Directory.GetFiles(stateDirectory, "*" + StateFileName.Extension));

        // A leftover of a write interrupted long ago is swept when the next silo starts; state files are untouched.
        var leftover = Path.Combine(stateDirectory, "counter~ES~counter.state" + FileGrainStorage.TempMarker + "old");
        File.WriteAllText(leftover, "half a write");
        File.SetLastWriteTimeUtc(leftover, DateTime.UtcNow.AddDays(-1));

        var second = await PersistenceCluster.StartAsync(settings, serviceId);
        try
        {
            var grain = second.Client.GetGrain<ICounterGrain>("ES");
            var state = await grain.Get();

            Assert.True(await grain.RecordExists());
            Assert.Equal(2, state.Count);
            Assert.Equal(3.75m, state.Total);
            Assert.Equal(["first", "second"], state.Notes);
            Assert.False(File.Exists(leftover));

            var third = await grain.Add(1m, "third");
            Assert.Equal(3, third.Count);
        }
        finally
        {
            await PersistenceCluster.StopAsync(second);
        }
    }

    [Fact]
    public async Task Without_a_directory_setting_state_goes_to_state_under_the_output_directory()
    {
        var settings = new AlgoSpaceSettings
        {
            System = new SystemSettings { OutputDir = _dir.Path },
            Persistence = new PersistenceSettings { Provider = PersistenceProvider.File },
        };

        var cluster = await PersistenceCluster.StartAsync(settings, Guid.NewGuid().ToString("N"));
        try
        {
            await cluster.Client.GetGrain<ICounterGrain>("NQ").Add(1m, "one");
        }
        finally
        {
            await PersistenceCluster.StopAsync(cluster);
        }

        Assert.True(File.Exists(Path.Combine(_dir.Path, "state", "counter~NQ~counter.state")));
        Assert.True(Directory.Exists(Path.Combine(_dir.Path, "state", "pubsub")));
    }
}
