using System.Diagnostics;
using AlgoSpace.Grains.Components;
using AlgoSpace.Grains.Interfaces.Components;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Kernel;
using AlgoSpace.MarketData.Replay;
using AlgoSpace.Silo.Lifecycle;

namespace AlgoSpace.Silo.Reporting;

/// <summary>
/// Shows a backtest's progress while it runs: a timer, off the hot path, asks the data handler how far it has
/// read (its "progress" query) and redraws a bar in place on a terminal, or logs a line every few seconds when
/// the output is redirected. It stops when the replay completes or the silo shuts down.
/// </summary>
public sealed partial class ProgressMonitor(
    AlgoSpaceSettings settings, ComponentRegistry registry, IGrainFactory grains, ILogger<ProgressMonitor> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    private static readonly TimeSpan BarPeriod = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan LogPeriod = TimeSpan.FromSeconds(2);

    private readonly Lock _console = new();
    // A bar only on a terminal, and never among JSON log lines.
    private readonly bool _terminal = !Console.IsOutputRedirected && settings.System.LogFormat != LogFormat.Json;
    private CancellationTokenSource? _stop;
    private Task _loop = Task.CompletedTask;
    private bool _barShown;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(ProgressMonitor), AlgoSpaceStages.Progress, _ => StartAsync(), _ => StopAsync());

    /// <summary>Ends the bar's line, so that what is written next starts on a line of its own.</summary>
    public void Finish()
    {
        lock (_console)
        {
            if (!_barShown) return;
            Console.Out.Write('\n');
            Console.Out.Flush();
            _barShown = false;
        }
    }

    private Task StartAsync()
    {
        if (settings.System.Mode != TradingMode.Backtest) return Task.CompletedTask;
        var source = StartupPlan.For(settings, settings.System.Mode, registry.Catalog).StartOrder
            .FirstOrDefault(c => registry.Catalog.Find(c.Type)?.Role == ComponentRole.DataHandler);
        if (source is null) return Task.CompletedTask;
        _stop = new CancellationTokenSource();
        _loop = Task.Run(() => RunAsync(grains.GetGrain<IComponentHostGrain>(source.Name), _stop.Token));
        return Task.CompletedTask;
    }

    private async Task StopAsync()
    {
        if (_stop is null) return;
        await _stop.CancelAsync();
        await _loop;
        Finish();
    }

    private async Task RunAsync(IComponentHostGrain source, CancellationToken stop)
    {
        var started = Stopwatch.GetTimestamp();
        using var timer = new PeriodicTimer(_terminal ? BarPeriod : LogPeriod);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                if (ReplayProgress.Parse(await source.QueryAsync("progress")) is not { } progress) continue;
                Show(progress, Stopwatch.GetElapsedTime(started));
                if (progress.Complete) return;
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            // Progress is a display: a failed query never disturbs the run.
            LogProgressFailed(logger, ex.Message);
        }
        finally
        {
            Finish();
        }
    }

    private void Show(ReplayProgress progress, TimeSpan elapsed)
    {
        if (!_terminal)
        {
            LogProgress(logger, ProgressLine.Sentence(progress, elapsed));
            return;
        }

        lock (_console)
        {
            // Erase the line, draw, and return to its start: a log line written meanwhile overwrites the bar
            // instead of being appended to it, and the next tick redraws the bar below it.
            Console.Out.Write("\u001b[2K\r" + ProgressLine.Bar(progress, elapsed) + "\r");
            Console.Out.Flush();
            _barShown = true;
        }
    }

    [LoggerMessage(EventId = 1520, Level = LogLevel.Information, Message = "{Progress}")]
    private static partial void LogProgress(ILogger logger, string progress);

    [LoggerMessage(EventId = 1521, Level = LogLevel.Debug, Message = "Progress display stopped: {Error}")]
    private static partial void LogProgressFailed(ILogger logger, string error);
}
