using System.Diagnostics;
using AlgoSpace.Grains.Components;
using AlgoSpace.Grains.Interfaces;
using AlgoSpace.Grains.Interfaces.Kernel;
using AlgoSpace.Grains.Reporting;
using AlgoSpace.Silo.Configuration;
using AlgoSpace.Silo.Lifecycle;
using AlgoSpace.Silo.Reporting;
using AlgoSpace.Silo.Terminal;
using OpenTelemetry.Metrics;

namespace AlgoSpace.Silo.Hosting;

/// <summary>Builds and runs the silo's generic host from validated settings.</summary>
public static partial class SiloHost
{
    public static async Task<int> RunAsync(LoadedSettings loaded, SiloOptions options, ComponentRegistry registry, CancellationToken cancellation)
    {
        var settings = loaded.Settings!;
        // Created before the host and disposed after it, so that the host's start and end are in the log file.
        using var console = SiloConsole.Create(settings.System, options.Display, options.EnvironmentVariables);
        using var app = Build(loaded, options, registry, console);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("AlgoSpace.Silo");
        var exit = app.Services.GetRequiredService<SystemExit>();
        LogConfiguration(logger, loaded, options);
        ApplyWorkerThreads(logger, settings.EventBus.WorkerThreads);

        try
        {
            await app.StartAsync(cancellation);
            await LogReadyAsync(app, logger);
            await app.WaitForShutdownAsync(cancellation);
        }
        catch (CriticalComponentFailedException ex)
        {
            LogCriticalFailure(logger, ex.Message);
            exit.Report(ExitCodes.CriticalComponentFailed, ex.Message);
            await StopQuietlyAsync(app);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && FindCritical(ex) is { } critical)
        {
            LogCriticalFailure(logger, critical.Message);
            exit.Report(ExitCodes.CriticalComponentFailed, critical.Message);
            await StopQuietlyAsync(app);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && Find<InvalidDataException>(ex) is { } unreadable)
        {
            // Saved state from an incompatible version or a damaged file: say which file and what to do, rather
            // than guessing (a silently discarded state could lose a position).
            LogUnreadableState(logger, unreadable.Message, settings.Persistence.Directory ?? Path.Combine(settings.System.OutputDir, "state"));
            exit.Report(ExitCodes.CriticalComponentFailed, unreadable.Message);
            await StopQuietlyAsync(app);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogCrash(logger, ex);
            exit.Report(ExitCodes.Crash, ex.Message);
            await StopQuietlyAsync(app);
        }

        console.Display?.Close();
        if (console.LogFile.Path is { } log) LogFullLog(logger, log);
        LogStopped(logger, exit.Code, exit.Reason ?? "");
        return exit.Code;
    }

    /// <summary>One line once everything (silo, system, HTTP endpoints) is up: how long it took from process start.</summary>
    private static async Task LogReadyAsync(WebApplication app, ILogger logger)
    {
        var status = await app.Services.GetRequiredService<IGrainFactory>().GetGrain<IKernelGrain>(KernelKeys.Kernel).GetStatusAsync();
        var sinceStart = DateTime.Now - Process.GetCurrentProcess().StartTime;
        LogReady(logger, (long)sinceStart.TotalMilliseconds, status.State, status.Mode, status.RunId, string.Join(", ", app.Urls));
    }

    private static T? Find<T>(Exception ex) where T : Exception => ex switch
    {
        T found => found,
        AggregateException aggregate => aggregate.InnerExceptions.Select(Find<T>).FirstOrDefault(c => c is not null),
        { InnerException: { } inner } => Find<T>(inner),
        _ => null,
    };

    private static CriticalComponentFailedException? FindCritical(Exception ex) => ex switch
    {
        CriticalComponentFailedException critical => critical,
        AggregateException aggregate => aggregate.InnerExceptions.Select(FindCritical).FirstOrDefault(c => c is not null),
        { InnerException: { } inner } => FindCritical(inner),
        _ => null,
    };

    private static async Task StopQuietlyAsync(WebApplication app)
    {
        try
        {
            await app.StopAsync(CancellationToken.None);
        }
        catch (Exception)
        {
            // The host failed to start; stopping what did start is best effort, and the exit code says why.
        }
    }

    private static WebApplication Build(LoadedSettings loaded, SiloOptions options, ComponentRegistry registry, SiloConsole console)
    {
        var settings = loaded.Settings!;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = loaded.ProjectRoot });
        LoggingSetup.Configure(builder.Logging, settings.System, options.Debug, console);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(console);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(settings.System.ShutdownTimeout));
        builder.Services.AddSingleton<IHostLifetime, SignalLifetime>();
        // This process has a console: the run's progress and figures while it runs, and the summary at its end.
        builder.Services.AddSingleton<RunMonitor>();
        builder.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<RunMonitor>());
        builder.Services.AddSingleton<IRunReportSink, ConsoleReportSink>();
        builder.UseOrleans(silo =>
        {
            SiloConfiguration.Configure(silo, settings);
            silo.AddAlgoSpace(settings, registry);
        });

        var telemetry = settings.Telemetry;
        builder.WebHost.UseUrls(telemetry.Enabled ? $"http://{FormatHost(telemetry.HttpAddress)}:{telemetry.HttpPort}" : "http://127.0.0.1:0");
        // System.Runtime: the runtime's own meter (GC heap after the last collection, working set, ...), no package.
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter("Microsoft.Orleans", "AlgoSpace", "System.Runtime")
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

    [LoggerMessage(EventId = 110, Level = LogLevel.Information, Message = "AlgoSpace ready in {ElapsedMs} ms: system {State}, mode {Mode}, run {RunId}, endpoints {Urls}")]
    private static partial void LogReady(ILogger logger, long elapsedMs, SystemState state, string mode, string runId, string urls);

    [LoggerMessage(EventId = 111, Level = LogLevel.Critical, Message = "A critical component failed to start: {Reason}")]
    private static partial void LogCriticalFailure(ILogger logger, string reason);

    [LoggerMessage(EventId = 114, Level = LogLevel.Information, Message = "Full log: {Path}")]
    private static partial void LogFullLog(ILogger logger, string path);

    [LoggerMessage(EventId = 112, Level = LogLevel.Information, Message = "AlgoSpace stopped with exit code {ExitCode}: {Reason}")]
    private static partial void LogStopped(ILogger logger, int exitCode, string reason);

    [LoggerMessage(EventId = 191, Level = LogLevel.Critical, Message = "Saved state cannot be read ({Error}): it was written by another version or is damaged. To start a new run, move the state folder {StateDirectory} away (it is kept, not deleted, so nothing is lost).")]
    private static partial void LogUnreadableState(ILogger logger, string error, string stateDirectory);

    [LoggerMessage(EventId = 190, Level = LogLevel.Critical, Message = "AlgoSpace crashed")]
    private static partial void LogCrash(ILogger logger, Exception exception);
}
