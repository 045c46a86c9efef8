using AlgoSpace.Grains.Interfaces;
using AlgoSpace.Grains.Interfaces.Checkpoints;
using AlgoSpace.Grains.Interfaces.Kernel;
using AlgoSpace.Silo.Hosting;
using AlgoSpace.Silo.Lifecycle;
using AlgoSpace.Tests.Kernel;
using Orleans.TestingHost;

namespace AlgoSpace.Tests.Recovery;

/// <summary>
/// Checkpoint writes that fail, on a real Orleans cluster over the file store (decorated to fail on demand): a
/// failure within persistence.checkpoint_attempts is retried and the run goes on; past it the run stops with the
/// emergency path and exit 4, the previous checkpoint stays the committed one, and a restart from it ends with the
/// same trades.
/// </summary>
public sealed class CheckpointFaultTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    /// <summary>The default job cut at its sixth trading day (its first trades close on 2024-01-08 and -09), on the file store.</summary>
    private static string Settings() =>
        File.ReadAllText(RepositoryRoot.File("settings", "settings.yaml"))
            .Replace("backtesting:\n", "backtesting:\n  end_date: 2024-01-09\n", StringComparison.Ordinal)
        + "\ntelemetry:\n  enabled: false\n";

    private static string Tree() => Pipeline.DefaultJobFiles.NewTree("algospace-checkpoint-faults-");

    private static async Task<InProcessTestCluster> StartAsync(string root, StorageFaults faults)
    {
        var settings = TestSystem.LoadSettings(Settings(), root);
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddAlgoSpace(settings, TestSystem.Registry, new SiloHostingOptions { StopHostWhenSystemStops = false });
            FaultInjectingStorage.Decorate(silo.Services, faults);
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    private static async Task<KernelStatus> WaitForAsync(InProcessTestCluster cluster, Func<KernelStatus, bool> condition)
    {
        var kernel = cluster.Client.GetGrain<IKernelGrain>(KernelKeys.Kernel);
        var deadline = DateTime.UtcNow + Timeout;
        KernelStatus status;
        while (!condition(status = await kernel.GetStatusAsync()))
        {
            Assert.True(DateTime.UtcNow < deadline, string.Join("\n", status.Transitions.Select(t => $"{t.From}->{t.To}: {t.Cause}")));
            await Task.Delay(20);
        }

        return status;
    }

    private static async Task<long> CommittedAsync(InProcessTestCluster cluster) =>
        (await cluster.Client.GetGrain<ICheckpointGrain>(KernelKeys.Checkpoints).GetCommittedAsync()).Epoch;

    private static async Task StopAsync(InProcessTestCluster cluster)
    {
        await cluster.StopAllSilosAsync();
        await cluster.DisposeAsync();
    }

    private static (string Trades, string Equity) Files(string root)
    {
        var folder = Assert.Single(Directory.GetDirectories(Path.Combine(root, "output")), d => File.Exists(Path.Combine(d, "trades.csv")));
        return (File.ReadAllText(Path.Combine(folder, "trades.csv")), File.ReadAllText(Path.Combine(folder, "equity.csv")));
    }

    [Fact]
    public async Task A_failed_checkpoint_write_is_retried_and_past_the_limit_stops_the_run_which_resumes_from_the_previous_checkpoint()
    {
        var retried = Tree();
        var stopped = Tree();
        try
        {
            // One failed write: retried, committed, and the run goes on to its end.
            var once = new StorageFaults { FailuresLeft = 1 };
            var cluster = await StartAsync(retried, once);
            var status = await WaitForAsync(cluster, s => s.State is SystemState.Stopped or SystemState.Faulted);
            Assert.True((status.State, status.ExitCode) == (SystemState.Stopped, ExitCodes.Success), string.Join("\n", status.Transitions.Select(t => $"{t.From}->{t.To}: {t.Cause}")));
            Assert.Equal(1, once.Injected);
            Assert.True(await CommittedAsync(cluster) >= 4, "a checkpoint per simulated day");
            await StopAsync(cluster);
            var expected = Files(retried);

            // Every write fails from the third checkpoint on: three attempts, then the emergency path.
            var always = new StorageFaults();
            cluster = await StartAsync(stopped, always);
            var deadline = DateTime.UtcNow + Timeout;
            while (await CommittedAsync(cluster) < 2)
            {
                Assert.True(DateTime.UtcNow < deadline, "no second checkpoint");
                await Task.Delay(5);
            }

            always.FailuresLeft = int.MaxValue;
            status = await WaitForAsync(cluster, s => s.State is SystemState.Stopped or SystemState.Faulted);
            Assert.Equal((SystemState.Faulted, (int?)ExitCodes.EmergencyShutdown), (status.State, status.ExitCode));
            Assert.Contains(status.Transitions, t => t.Cause.Contains("could not be written", StringComparison.Ordinal));
            var committed = await CommittedAsync(cluster);
            Assert.InRange(committed, 2, 3);
            Assert.True(always.Injected >= 3, $"{always.Injected} failures injected");
            await StopAsync(cluster);

            // A restart without faults restores the last committed checkpoint and ends with the same trades.
            cluster = await StartAsync(stopped, new StorageFaults());
            status = await WaitForAsync(cluster, s => s.State is SystemState.Stopped or SystemState.Faulted);
            Assert.Equal(SystemState.Stopped, status.State);
            Assert.Equal(1, status.Restarts);
            await StopAsync(cluster);
            Assert.Equal(expected, Files(stopped));
        }
        finally
        {
            Directory.Delete(retried, recursive: true);
            Directory.Delete(stopped, recursive: true);
        }
    }
}
