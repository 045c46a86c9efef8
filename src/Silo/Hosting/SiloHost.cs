using System.Diagnostics;
using AlgoSpace.Configuration;
using AlgoSpace.Silo.Configuration;
using OpenTelemetry.Metrics;

namespace AlgoSpace.Silo.Hosting;

/// <summary>Builds and runs the silo's generic host from validated settings.</summary>
public static partial class SiloHost
{
    public static async Task<int> RunAsync(LoadedSettings loaded, SiloOptions options, CancellationToken cancellation)
    {
        var settings = loaded.Settings!;
        using var app = Build(loaded, options);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("AlgoSpace.Silo");
        LogConfiguration(logger, loaded, options);
        ApplyWorkerThreads(logger, settings.EventBus.WorkerThreads);

        try
        {
            await app.StartAsync(cancellation);
            var sinceStart = DateTime.Now - Process.GetCurrentProcess().StartTime;
            LogReady(logger, (long)sinceStart.TotalMilliseconds, SettingMember.EnumName(settings.System.Mode), settings.Cluster.ClusterId,
                string.Join(", ", app.Urls));

            if (settings.System.Mode == TradingMode.Backtest)
            {
                // Nothing replays ticks until the pipeline's components are registered; a backtest with no
                // data handler implementation is complete as soon as it starts.
                LogBacktestComplete(logger);
                await app.StopAsync(CancellationToken.None);
            }
            else
            {
                await app.WaitForShutdownAsync(cancellation);
            }

            LogStopped(logger);
            return ExitCodes.Success;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogCrash(logger, ex);
            return ExitCodes.Crash;
        }
    }

    private static WebApplication Build(LoadedSettings loaded, SiloOptions options)
    {
        var settings = loaded.Settings!;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = loaded.ProjectRoot });
        LoggingSetup.Configure(builder.Logging, settings.System, options.Debug);
        builder.Services.AddSingleton(settings);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(settings.System.ShutdownTimeout));
        builder.UseOrleans(silo => SiloConfiguration.Configure(silo, settings));

        var telemetry = settings.Telemetry;
        builder.WebHost.UseUrls(telemetry.Enabled ? $"http://{FormatHost(telemetry.HttpAddress)}:{telemetry.HttpPort}" : "http://127.0.0.1:0");
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter("Microsoft.Orleans", "AlgoSpace")
            .AddPrometheusExporter());

        var app = builder.Build();
        if (telemetry.Enabled)
        {
            app.MapPrometheusScrapingEndpoint("/metrics");
            app.MapGet("/health", () => Results.Json(new HealthReport("Healthy", SettingMember.EnumName(settings.System.Mode))));
        }

        return app;
    }

    private static string FormatHost(string address) => address.Contains(':') ? $"[{address}]" : address;

    private static void LogConfiguration(ILogger logger, LoadedSettings loaded, SiloOptions options)
    {
        var s = loaded.Settings!;
        LogConfigurationLoaded(logger, loaded.ConfigFile, SettingMember.EnumName(s.System.Mode), s.Components.Count, loaded.Warnings.Count());
        foreach (var warning in loaded.Warnings) LogConfigurationWarning(logger, warning.ToString());
        if (options.Debug) LogEffectiveConfiguration(logger, SettingsPrinter.ToYaml(s));
    }

    private static void ApplyWorkerThreads(ILogger logger, int workerThreads)
    {
        // Orleans schedules grain turns on the .NET thread pool; a floor of ready workers avoids the pool's
        // slow thread injection when many handlers become runnable at once.
        ThreadPool.GetMinThreads(out _, out var completionPorts);
        ThreadPool.SetMinThreads(workerThreads, completionPorts);
        LogWorkerThreads(logger, workerThreads);
    }

    private sealed record HealthReport(string Status, string Mode);

    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Configuration loaded from {ConfigFile}: mode {Mode}, {ComponentCount} components, {WarningCount} warnings")]
    private static partial void LogConfigurationLoaded(ILogger logger, string configFile, string mode, int componentCount, int warningCount);

    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "{Warning}")]
    private static partial void LogConfigurationWarning(ILogger logger, string warning);

    [LoggerMessage(EventId = 102, Level = LogLevel.Debug, Message = "Effective configuration (credentials redacted):\n{Configuration}")]
    private static partial void LogEffectiveConfiguration(ILogger logger, string configuration);

    [LoggerMessage(EventId = 103, Level = LogLevel.Information, Message = "Event bus worker threads: thread-pool minimum set to {WorkerThreads}")]
    private static partial void LogWorkerThreads(ILogger logger, int workerThreads);

    [LoggerMessage(EventId = 110, Level = LogLevel.Information, Message = "AlgoSpace ready in {ElapsedMs} ms: mode {Mode}, cluster {ClusterId}, endpoints {Urls}")]
    private static partial void LogReady(ILogger logger, long elapsedMs, string mode, string clusterId, string urls);

    [LoggerMessage(EventId = 111, Level = LogLevel.Information, Message = "Backtest complete: no data handler implementation is registered in this build, so there are no ticks to replay")]
    private static partial void LogBacktestComplete(ILogger logger);

    [LoggerMessage(EventId = 112, Level = LogLevel.Information, Message = "AlgoSpace stopped")]
    private static partial void LogStopped(ILogger logger);

    [LoggerMessage(EventId = 190, Level = LogLevel.Critical, Message = "AlgoSpace crashed")]
    private static partial void LogCrash(ILogger logger, Exception exception);
}
