using AlgoSpace.Grains.Components;
using AlgoSpace.Grains.Interfaces.Components;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Interfaces.Kernel;
using AlgoSpace.Grains.Kernel;
using AlgoSpace.Silo.Configuration;
using AlgoSpace.Silo.Hosting;
using AlgoSpace.Silo.Lifecycle;
using AlgoSpace.TestComponents;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace AlgoSpace.Tests.Kernel;

/// <summary>
/// A real Orleans cluster (in-process silos) running the AlgoSpace system from a settings file written by the
/// test, validated by the same loader as production, with components found by the same registry.
/// </summary>
public sealed class TestSystem : IAsyncDisposable
{
    private TestSystem(InProcessTestCluster cluster, AlgoSpaceSettings settings, string root)
    {
        Cluster = cluster;
        Settings = settings;
        Root = root;
    }

    public InProcessTestCluster Cluster { get; }
    public AlgoSpaceSettings Settings { get; }
    public string Root { get; }

    public IKernelGrain Kernel => Cluster.Client.GetGrain<IKernelGrain>(KernelKeys.Kernel);

    /// <summary>The same kernel as the operator's console sees it.</summary>
    public IKernelOperatorGrain Operator => Cluster.Client.GetGrain<IKernelOperatorGrain>(KernelKeys.Kernel);

    public IComponentHostGrain Component(string name) => Cluster.Client.GetGrain<IComponentHostGrain>(name);

    /// <summary>Validated settings from YAML, in a fresh project tree (a data file, models/, settings/).</summary>
    /// <param name="environment">
    /// Variables the settings' ${env:NAME} references see before the process environment: tests run in parallel,
    /// so they hand their variables in here rather than setting them on the shared process.
    /// </param>
    public static AlgoSpaceSettings LoadSettings(string yaml, string root, IReadOnlyDictionary<string, string>? environment = null)
    {
        Directory.CreateDirectory(Path.Combine(root, "data"));
        Directory.CreateDirectory(Path.Combine(root, "models"));
        Directory.CreateDirectory(Path.Combine(root, "settings"));
        File.WriteAllText(Path.Combine(root, ".algospace-root"), "");
        File.WriteAllText(Path.Combine(root, "data", "ticks.csv"), "timestamp,price,volume\n");
        var path = Path.Combine(root, "settings", "test.yaml");
        File.WriteAllText(path, yaml);
        Func<string, string?>? lookup = environment is null ? null : name => environment.TryGetValue(name, out var value) ? value : Environment.GetEnvironmentVariable(name);
        var loaded = SettingsLoader.Load(path, environment: lookup, catalog: Registry.Catalog);
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Errors));
        return loaded.Settings!;
    }

    public static ComponentRegistry Registry { get; } = ComponentRegistry.FromLoadedAssemblies([typeof(TestSource).Assembly]);

    /// <summary>Starts a cluster of <paramref name="silos"/> silos running the settings; deploy fails if the system cannot start.</summary>
    /// <param name="prepare">Runs on the project root after the settings are loaded and before the cluster starts (to write data files).</param>
    /// <param name="operatorToken">The operator token the silos accept (as ALGOSPACE_OPERATOR_TOKEN would set it); none: operator commands are refused.</param>
    /// <param name="environment">Variables for the settings' ${env:NAME} references (see <see cref="LoadSettings"/>).</param>
    public static async Task<TestSystem> StartAsync(
        string yaml, int silos = 1, string? root = null, Action<string>? prepare = null, string? operatorToken = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        root ??= Directory.CreateTempSubdirectory("algospace-kernel-").FullName;
        var settings = LoadSettings(yaml, root, environment);
        prepare?.Invoke(root);
        var cluster = Build(settings, silos, operatorToken);
        await cluster.DeployAsync();
        return new TestSystem(cluster, settings, root);
    }

    public static InProcessTestCluster Build(AlgoSpaceSettings settings, int silos, string? operatorToken = null)
    {
        var builder = new InProcessTestClusterBuilder((short)silos);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddAlgoSpace(settings, Registry, new SiloHostingOptions { StopHostWhenSystemStops = false });
            // Registered after AddAlgoSpace's (from the environment), so it is the one the kernel resolves.
            silo.Services.AddSingleton(new OperatorAuthorization(operatorToken));
        });
        return builder.Build();
    }

    /// <summary>Polls the kernel until the system reaches one of the states, or fails with the last status.</summary>
    public async Task<KernelStatus> WaitForAsync(TimeSpan timeout, params SystemState[] states)
    {
        var deadline = DateTime.UtcNow + timeout;
        KernelStatus status;
        while (Array.IndexOf(states, (status = await Kernel.GetStatusAsync()).State) < 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"System is {status.State}, expected {string.Join(" or ", states)}. Transitions:\n{string.Join("\n", status.Transitions.Select(t => $"{t.From}->{t.To}: {t.Cause}"))}");
            }

            await Task.Delay(20);
        }

        return status;
    }

    /// <summary>Asks a component <paramref name="question"/> until its answer satisfies the condition, or fails with the last answer.</summary>
    public async Task<string> WaitForAnswerAsync(string component, string question, Func<string, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        string answer;
        while (!condition(answer = await Component(component).QueryAsync(question)))
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"{component} answered '{answer}' to '{question}' after {timeout}");
            await Task.Delay(20);
        }

        return answer;
    }

    /// <summary>Polls the operator's status until operation <paramref name="operation"/> has logged step <paramref name="step"/>.</summary>
    public async Task WaitForStepAsync(string operation, string step, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!(await Operator.GetSystemStatusAsync()).Steps.Any(s => s.Operation == operation && s.Step == step))
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"no step '{step}' of '{operation}' after {timeout}");
            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Cluster.StopAllSilosAsync();
        }
        catch (Exception)
        {
            // A test that already stopped or killed silos leaves nothing to stop.
        }

        await Cluster.DisposeAsync();
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
