using System.Diagnostics;
using AlgoSpace.Grains.Components;
using AlgoSpace.Grains.Interfaces.Components;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Interfaces.Kernel;
using AlgoSpace.Grains.Kernel;
using AlgoSpace.Grains.Reporting;
using AlgoSpace.MarketData.Replay;
using AlgoSpace.Silo.Lifecycle;
using AlgoSpace.Silo.Terminal;

namespace AlgoSpace.Silo.Reporting;

/// <summary>
/// Watches the run for the people reading this process's output. A timer, off the hot path, asks the kernel for
/// the run and its components, the data handler how far it has come (or the feed how it is), the performance
/// tracker for the trades, and the book for open positions; then redraws the live display on a terminal, or logs
/// a progress line every system.progress_interval seconds (a feed line once a minute in live mode) when the output
/// is redirected. It also opens the run's log file in the run folder once the kernel has named the run.
/// Reading never disturbs the run: every question is a read the grains interleave, and a failed one is skipped.
/// </summary>
public sealed partial class RunMonitor(
    AlgoSpaceSettings settings, ComponentRegistry registry, IGrainFactory grains, SiloConsole console, ILogger<RunMonitor> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    private static readonly TimeSpan DisplayPeriod = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan FiguresPeriod = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan FeedLinePeriod = TimeSpan.FromMinutes(1);

    private readonly PaceMeter _pace = new();
    private readonly Dictionary<(TradingMode Mode, ComponentRole Role), string?> _components = [];
    private readonly long _started = Stopwatch.GetTimestamp();
    private CancellationTokenSource? _stop;
    private Task _loop = Task.CompletedTask;
    private RunFigures? _figures;
    private string? _runId;
    private long _lastFigures;
    private long _lastFeedLine;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(RunMonitor), AlgoSpaceStages.Progress, _ => StartAsync(), _ => StopAsync());

    /// <summary>The last figures read; the report sink leaves them on the screen above the summary table.</summary>
    public RunFigures? Figures => Volatile.Read(ref _figures);

    private Task StartAsync()
    {
        _stop = new CancellationTokenSource();
        _loop = Task.Run(() => RunAsync(_stop.Token));
        return Task.CompletedTask;
    }

    private async Task StopAsync()
    {
        if (_stop is null) return;
        await _stop.CancelAsync();
        await _loop;
        console.Display?.Close(Figures);
    }

    private async Task RunAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(console.Style == ConsoleStyle.Live ? DisplayPeriod : TimeSpan.FromSeconds(settings.System.ProgressInterval));
        try
        {
            do
            {
                if (!await TickAsync()) return;
            }
            while (await timer.WaitForNextTickAsync(stop));
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    /// <summary>One look at the run; false once there is nothing more to show (the display was closed, or a redirected backtest's file is done).</summary>
    private async Task<bool> TickAsync()
    {
        if (console.Display is { } display && _figures is not null && !display.Showing) return false;
        var now = Stopwatch.GetTimestamp();
        var figures = _figures;
        try
        {
            if (figures is null || Stopwatch.GetElapsedTime(_lastFigures, now) >= FiguresPeriod)
            {
                figures = await ReadFiguresAsync(figures);
                _lastFigures = now;
            }

            figures = await ReadSourceAsync(figures);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A display: a failed read (a component stopping, a silo leaving) keeps the last figures.
            LogReadFailed(logger, ex.Message);
            if (figures is null) return true;
        }

        figures = figures with { Elapsed = Stopwatch.GetElapsedTime(_started), Warnings = console.LogFile.Warnings, Errors = console.LogFile.Errors, LogPath = console.LogFile.Path };
        Volatile.Write(ref _figures, figures);
        return Show(figures, now);
    }

    private bool Show(RunFigures figures, long now)
    {
        if (console.Display is { } display)
        {
            display.Show(figures);
            return true;
        }

        if (figures.Replay is { } replay)
        {
            LogProgress(logger, ProgressLine.Sentence(replay, figures.Pace));
            return !replay.Complete;
        }

        // The timer ticks every progress_interval; a feed's line, for a run that may last days, once a minute.
        if (figures.Feed is { } feed && (_lastFeedLine == 0 || Stopwatch.GetElapsedTime(_lastFeedLine, now) >= FeedLinePeriod))
        {
            _lastFeedLine = now;
            LogFeed(logger, ProgressLine.Sentence(feed));
        }

        return true;
    }

    /// <summary>The run, its components, the trades and the book: once a second.</summary>
    private async Task<RunFigures> ReadFiguresAsync(RunFigures? previous)
    {
        var kernel = grains.GetGrain<IKernelOperatorGrain>(KernelKeys.Kernel);
        var status = await kernel.GetKernelStatusAsync();
        OpenLog(status.RunId);
        var mode = status.Mode == "live" ? TradingMode.Live : TradingMode.Backtest;
        var figures = (previous ?? new RunFigures(status.RunId, status.Mode, Source(mode), TimeSpan.Zero)) with
        {
            RunId = status.RunId,
            Mode = status.Mode,
            Source = Source(mode),
            SystemState = status.State.ToString(),
            Components = status.Components.Count,
            NotRunning = [.. status.Components.Where(c => c.State != ComponentState.Running).Select(c => $"{c.Name} ({c.State})")],
        };

        // The trader's figures are for the display; progress lines say how far the data has come.
        if (console.Display is not null && Find(mode, ComponentRole.PerformanceTracker) is { } tracker
            && TradingFigures.Parse(await grains.GetGrain<IComponentHostGrain>(tracker).QueryAsync("statistics")) is { } trading)
        {
            var account = await kernel.GetAccountAsync();
            figures = figures with
            {
                Trading = trading with { OpenPositions = account?.Positions.Count ?? 0, UnrealizedPnl = account?.UnrealizedPnl ?? 0 },
            };
        }

        return figures;
    }

    /// <summary>How far the data has come: the replay's progress, or the live feed's state.</summary>
    private async Task<RunFigures> ReadSourceAsync(RunFigures figures)
    {
        var mode = figures.Mode == "live" ? TradingMode.Live : TradingMode.Backtest;
        if (Find(mode, ComponentRole.DataHandler) is not { } source) return figures;
        var host = grains.GetGrain<IComponentHostGrain>(source);
        if (mode == TradingMode.Live) return figures with { Feed = FeedFigures.Parse(await host.QueryAsync("status")) ?? figures.Feed, Replay = null };
        if (ReplayProgress.Parse(await host.QueryAsync("progress")) is not { } replay) return figures;
        return figures with { Replay = replay, Pace = _pace.Observe(replay, Stopwatch.GetElapsedTime(_started)), Feed = null };
    }

    private void OpenLog(string runId)
    {
        if (runId.Length == 0 || runId == _runId) return;
        _runId = runId;
        var path = console.LogFile.Open(RunFolderWriter.FolderOf(settings.System.OutputDir, runId));
        LogFileOpened(logger, path);
    }

    /// <summary>The component of <paramref name="role"/> in <paramref name="mode"/>'s plan; the plan is fixed by the settings, so it is worked out once per mode and role, not on every look.</summary>
    private string? Find(TradingMode mode, ComponentRole role)
    {
        if (_components.TryGetValue((mode, role), out var name)) return name;
        name = StartupPlan.For(settings, mode, registry.Catalog).StartOrder.FirstOrDefault(c => registry.Catalog.Find(c.Type)?.Role == role)?.Name;
        _components[(mode, role)] = name;
        return name;
    }

    private string Source(TradingMode mode) => mode == TradingMode.Live
        ? settings.DataHandler.Live.Url is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Authority : "the live feed"
        : settings.DataHandler.BacktestFileNames(settings.Symbols) is { Length: > 0 } files ? files : "the backtest file";

    [LoggerMessage(EventId = 1523, Level = LogLevel.Information, Message = "Full log: {Path}")]
    private static partial void LogFileOpened(ILogger logger, string path);

    [LoggerMessage(EventId = 1520, Level = LogLevel.Information, Message = "{Progress}")]
    private static partial void LogProgress(ILogger logger, string progress);

    [LoggerMessage(EventId = 1521, Level = LogLevel.Debug, Message = "Run display: a read failed and was skipped: {Error}")]
    private static partial void LogReadFailed(ILogger logger, string error);

    [LoggerMessage(EventId = 1522, Level = LogLevel.Information, Message = "{Feed}")]
    private static partial void LogFeed(ILogger logger, string feed);
}
