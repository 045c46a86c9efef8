using AlgoSpace.Benchmarks.Components;
using AlgoSpace.Grains.Components;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Silo.Configuration;
using AlgoSpace.Silo.Hosting;
using AlgoSpace.Silo.Lifecycle;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AlgoSpace.Benchmarks.InProcess;

/// <summary>
/// The AlgoSpace system in a silo hosted in this process with the generic host, configured as the real silo
/// configures itself (SiloConfiguration + AddAlgoSpace, settings validated by the same loader), so a measured hop
/// takes the production path: EventBusClient → transport → ComponentHostGrain → component.
/// </summary>
public sealed class BenchSystem : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly string? _root;

    private BenchSystem(IHost host, string? root)
    {
        _host = host;
        _root = root;
    }

    public static ComponentRegistry Registry { get; } = ComponentRegistry.FromLoadedAssemblies([typeof(BenchSource).Assembly]);

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public static async Task<BenchSystem> StartAsync(string yaml)
    {
        var root = Directory.CreateTempSubdirectory("algospace-bench-").FullName;
        try
        {
            var settings = Load(yaml, root);
            // The real host raises the thread-pool floor to event_bus.worker_threads before it starts; so do we.
            ThreadPool.GetMinThreads(out _, out var completionPorts);
            ThreadPool.SetMinThreads(settings.EventBus.WorkerThreads, completionPorts);
            var host = Build(settings, root);
            try
            {
                await host.StartAsync();
            }
            catch
            {
                host.Dispose();
                throw;
            }

            return new BenchSystem(host, root);
        }
        catch
        {
            Directory.Delete(root, recursive: true);
            throw;
        }
    }

    /// <summary>
    /// Starts a silo running already validated settings (their files are the caller's; nothing is deleted at the
    /// end), with the registry they were validated against.
    /// </summary>
    public static async Task<BenchSystem> StartAsync(AlgoSpaceSettings settings, string contentRoot)
    {
        ThreadPool.GetMinThreads(out _, out var completionPorts);
        ThreadPool.SetMinThreads(settings.EventBus.WorkerThreads, completionPorts);
        var host = Build(settings, contentRoot);
        try
        {
            await host.StartAsync();
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return new BenchSystem(host, null);
    }

    private static IHost Build(AlgoSpaceSettings settings, string root)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = root });
        LoggingSetup.Configure(builder.Logging, settings.System, debug: false);
        // Orleans' watchdog warns, when a silo stops, that a check "has not completed" for as long as the machine
        // has been up: a false alarm that would land in the middle of the report.
        builder.Logging.AddFilter("Orleans.Runtime.Watchdog", LogLevel.Error);
        builder.UseOrleans(silo =>
        {
            SiloConfiguration.Configure(silo, settings);
            silo.AddAlgoSpace(settings, Registry, new SiloHostingOptions { StopHostWhenSystemStops = false });
        });
        return builder.Build();
    }

    private static AlgoSpaceSettings Load(string yaml, string root)
    {
        foreach (var folder in new[] { "data", "models", "settings", "output" }) Directory.CreateDirectory(Path.Combine(root, folder));
        File.WriteAllText(Path.Combine(root, ".algospace-root"), "");
        File.WriteAllText(Path.Combine(root, "data", "ticks.csv"), "timestamp,price,volume\n");
        var path = Path.Combine(root, "settings", "bench.yaml");
        File.WriteAllText(path, yaml);
        var loaded = SettingsLoader.Load(path, catalog: Registry.Catalog);
        return loaded.Settings ?? throw new InvalidOperationException("benchmark settings invalid:\n" + string.Join("\n", loaded.Errors));
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _host.StopAsync();
        }
        finally
        {
            _host.Dispose();
            if (_root is not null)
            {
                try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
            }
        }
    }
}
