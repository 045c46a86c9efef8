using System.Diagnostics;
using AlgoSpace.Grains.Interfaces.Components;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Interfaces.Events;
using AlgoSpace.MarketData;
using AlgoSpace.MarketData.Files;
using AlgoSpace.MarketData.Replay;
using static AlgoSpace.Grains.Interfaces.Events.EventTypes;

namespace AlgoSpace.Grains.Components.Data;

/// <summary>
/// The backtest DataHandler (component-contracts 2.1): replays a tick or OHLCV bar CSV (optionally gzip) as
/// NEW_TICK events, validated, in file order, each publish awaited (lockstep), then BACKTEST_COMPLETE. For a
/// portfolio (data_handler.backtest_files) it replays every symbol's file as one stream in time order
/// (<see cref="TickMerge"/>, its tie rule), so the portfolio's components see the same interleaving on every run. With
/// event_bus.tick_batch_size &gt; 1 (and no pacing) consecutive ticks travel in one NEW_TICK as a
/// <see cref="TickBatchPayload"/>, cut by <see cref="TickBatcher"/> so that only a batch's first tick can close a
/// bar; validation and counters stay per tick. Rows it
/// cannot use are counted and reported with their line numbers, or stop the run when
/// data_handler.rejected_rows_fatal is true. Its position is saved state, so a restarted run resumes.
/// </summary>
[ComponentKind("backtest_data_handler", Role = ComponentRole.DataHandler, Modes = ComponentMode.Backtest,
    Produces = [NewTick, BacktestComplete, SystemError],
    Description = "Replays a tick or OHLCV bar CSV as NEW_TICK events.",
    HandlerBudgetMs = 1)]
public sealed partial class BacktestDataHandler : ComponentAdapter<BacktestDataHandlerState>, ISourceComponent
{
    /// <summary>Rejections and warnings logged one by one; after these only the counts grow (and the summary tells).</summary>
    public const int LoggedIssues = 100;

    /// <summary>Examples listed in the end-of-run summary.</summary>
    public const int SummaryExamples = 20;

    private TickMerge? _source;
    // The issues outlive the source (closed at stop), so the rows a finished run rejected can still be asked for.
    private IReadOnlyList<RowIssueLog>? _issues;
    private BacktestDataHandlerState? _restored;
    private bool _completePublished;
    private TickBatcher? _batcher;
    private TickBatchPayload? _restoredHeld;
    // A portfolio's windows (TickWindow): the batches of a window cut but not yet published go out first.
    private TickWindow? _window;
    private readonly Queue<TickBatchPayload> _pending = new();
    private IReadOnlyList<TickBatchPayload>? _restoredPending;
    private TimeProvider _time = TimeProvider.System;

    /// <summary>The clock used for pacing; tests may replace it before the run.</summary>
    public TimeProvider Time { get => _time; init => _time = value; }

    private ILogger Logger => Context.Logger;

    public BacktestDataHandler(IComponentContext context) : base(context)
    {
        var settings = context.Settings;
        if (settings.Symbols.Count == 0) throw new DataFileException("symbols is empty; the data handler publishes ticks for the symbols listed there.");

        // Missing, empty or unrecognisable files throw DataFileException here: a critical initialisation failure.
        var opened = new List<(string, TickSource)>();
        try
        {
            foreach (var (symbol, path) in settings.DataHandler.FilesFor(settings.Symbols))
            {
                if (path is null && settings.DataHandler.BacktestFiles.Count > 0)
                {
                    throw new DataFileException($"No backtest file for {symbol}: data_handler.backtest_files needs an entry for every symbol of symbols.");
                }
                var source = TickSource.Open(path, settings.DataHandler.Format, settings.Backtesting.StartDate, settings.Backtesting.EndDate,
                    TimeSpan.FromHours(settings.DataHandler.MaxTimeJumpHours));
                opened.Add((symbol, source));
                LogOpened(Logger, source.File.Path, source.File.Describe(), symbol,
                    settings.Backtesting.StartDate?.ToString("yyyy-MM-dd") ?? "start", settings.Backtesting.EndDate?.ToString("yyyy-MM-dd") ?? "end");
            }
        }
        catch
        {
            foreach (var (_, source) in opened) source.Dispose();
            throw;
        }

        _source = new TickMerge(opened);
        _issues = opened.Select(o => o.Item2.Issues).ToList();
    }

    public async Task RunAsync(CancellationToken cancellation)
    {
        var source = _source ?? throw new InvalidOperationException("The data handler was stopped; it cannot run again.");
        var settings = Context.Settings.DataHandler;
        var bus = Context.Bus;
        Resume(source);
        if (_completePublished)
        {
            LogAlreadyComplete(Logger, string.Join(", ", source.Lanes.Select(l => l.Source.File.Path)));
            return;
        }

        var batchSize = Context.Settings.EventBus.TickBatchSize;
        var batched = batchSize > 1 && settings.ReplaySpeed <= 0;
        var pacer = new ReplayPacer(settings.ReplaySpeed, _time);
        if (source.Lanes.Count > 1)
        {
            _window = new TickWindow(Context.Settings.Symbols, Context.Settings.Timeframes, batched ? batchSize : 1);
            foreach (var batch in _restoredPending ?? []) _pending.Enqueue(batch);
            if (_restoredHeld is { } held) _window.Restore(held);
            (_restoredPending, _restoredHeld) = (null, null);
            await PublishPendingAsync(bus, batched, pacer, cancellation);
        }
        else
        {
            _batcher = batched ? new TickBatcher(Context.Settings.Timeframes, batchSize) : null;
            await PublishRestoredHeldAsync(bus);
        }

        var started = Stopwatch.GetTimestamp();
        var lastProgress = started;
        var publishedHere = 0L;
        var publishedAtLastProgress = 0L;
        var logEvery = Math.Max(1, settings.LogEvery);
        Action<TickMerge.Lane, RowIssue> report = (lane, issue) => Report(issue, lane.Source, settings.RejectedRowsFatal);
        while (true)
        {
            if (cancellation.IsCancellationRequested)
            {
                // Ticks already accepted are published whatever happens (see below), so a batch being gathered goes out
                // first. Not a portfolio's window being gathered: where it ends decides the order of its ticks, so it
                // stays held (saved) and is completed when the run resumes.
                await PublishHeldAsync(bus);
                cancellation.ThrowIfCancellationRequested();
            }

            if (source.Next(report) is not { } payload) break;

            // The source already counts this tick consumed (its cursor is past it), so from here it is published
            // whatever happens: a save taken while this publish is in flight resumes after it, as the bus's
            // sequence number does.
            var handed = source.Handed;
            if (_window is { } window)
            {
                foreach (var batch in window.Add(payload, handed) ?? []) _pending.Enqueue(batch);
                await PublishPendingAsync(bus, batched, pacer, cancellation);
            }
            else
            {
                await PublishTickAsync(bus, payload, payload.Timestamp, handed, pacer, cancellation);
            }

            publishedHere++;
            if (handed % logEvery == 0)
            {
                var now = Stopwatch.GetTimestamp();
                LogProgress(Logger, handed, payload.Timestamp, (publishedHere - publishedAtLastProgress) / Seconds(lastProgress, now), publishedHere / Seconds(started, now));
                lastProgress = now;
                publishedAtLastProgress = publishedHere;
            }
        }

        await PublishHeldAsync(bus);
        foreach (var batch in _window?.Take() ?? []) _pending.Enqueue(batch);
        await PublishPendingAsync(bus, batched, pacer, CancellationToken.None);
        _completePublished = true;
        var seconds = Seconds(started, Stopwatch.GetTimestamp());
        foreach (var lane in source.Lanes) LogSummary(lane.Source, seconds, publishedHere);
        await bus.PublishAsync(BacktestComplete, new BacktestCompletePayload(source.Rows, source.RejectedCount, source.Handed),
            source.LastTickTime ?? default, correlationId: null);
    }

    /// <summary>
    /// One accepted tick: into the batch being gathered (publishing the batch it ends, and the batch once full), or,
    /// without batching, paced and published on its own.
    /// </summary>
    private async Task PublishTickAsync(IEventBus bus, TickPayload payload, DateTime time, long accepted, ReplayPacer pacer, CancellationToken cancellation)
    {
        if (_batcher is { } batcher)
        {
            if (batcher.Add(payload, accepted) is { } ended) await PublishBatchAsync(bus, ended);
            if (batcher.IsFull) await PublishHeldAsync(bus);
        }
        else
        {
            await pacer.WaitAsync(time, cancellation);
            await bus.PublishAsync(NewTick, payload, time, correlationId: null);
        }
    }

    /// <summary>
    /// A portfolio's cut windows, batch by batch (or tick by tick when not batched). Each leaves the queue before it is
    /// published, as a tick leaves its source: a save taken during the publish resumes after it.
    /// </summary>
    private async Task PublishPendingAsync(IEventBus bus, bool batched, ReplayPacer pacer, CancellationToken cancellation)
    {
        while (_pending.TryDequeue(out var batch))
        {
            if (batched)
            {
                await PublishBatchAsync(bus, batch);
                continue;
            }

            foreach (var tick in batch.Ticks)
            {
                await pacer.WaitAsync(tick.Timestamp, cancellation);
                await bus.PublishAsync(NewTick, tick, tick.Timestamp, correlationId: null);
            }
        }
    }

    private Task PublishHeldAsync(IEventBus bus) =>
        _batcher?.Take() is { } batch ? PublishBatchAsync(bus, batch) : Task.CompletedTask;

    private static async Task PublishBatchAsync(IEventBus bus, TickBatchPayload batch) =>
        await bus.PublishAsync(NewTick, batch, batch.Ticks[0].Timestamp, correlationId: null);

    /// <summary>
    /// Ticks a saved run had accepted but not published: out first, as the batch they were (or one by one when
    /// this run does not batch), before anything new is read.
    /// </summary>
    private async Task PublishRestoredHeldAsync(IEventBus bus)
    {
        if (_restoredHeld is not { } held) return;
        _restoredHeld = null;
        if (_batcher is not null)
        {
            await PublishBatchAsync(bus, held);
            return;
        }

        foreach (var tick in held.Ticks) await bus.PublishAsync(NewTick, tick, tick.Timestamp, correlationId: null);
    }

    public override ValueTask StopAsync(CancellationToken cancellation)
    {
        _source?.Dispose();
        _source = null;
        return ValueTask.CompletedTask;
    }

    /// <summary>One file's position is saved as it always was (Source); a portfolio's are saved lane by lane.</summary>
    protected override BacktestDataHandlerState? Save()
    {
        if (_source is null) return _restored;
        var lanes = _source.Snapshot();
        if (lanes.Count == 1) return new BacktestDataHandlerState(lanes[0].Source, _completePublished, _batcher?.Held() ?? _restoredHeld);
        var pending = _window is null ? _restoredPending : _pending.ToList();
        return new BacktestDataHandlerState(lanes[0].Source, _completePublished, _window?.Held() ?? _restoredHeld, lanes, pending);
    }

    /// <summary>The position is applied when the run starts (a saved run may be one that had already completed).</summary>
    protected override void Restore(BacktestDataHandlerState state) => _restored = state;

    public override string Query(string question) => question switch
    {
        "status" when _source is { } s =>
            $"rows={s.Rows} published={s.Handed} rejected={s.RejectedCount} warnings={s.Lanes.Sum(l => l.Source.Issues.WarningCount)} outOfRange={s.Lanes.Sum(l => l.Source.OutOfRange)} last={s.LastTickTime:O} complete={_completePublished}",
        "rejections" when _issues is { } issues => string.Join('\n', issues.SelectMany(i => i.Rejections)),
        // Read by the silo's progress display a few times a second; nothing in the replay loop writes for it.
        "progress" when _source is { } s => ReplayProgress.Format(s.BytesRead, s.Length, s.Handed, s.LastTickTime, _completePublished),
        _ => "",
    };

    private void Resume(TickMerge source)
    {
        if (_restored is not { } saved) return;
        _restored = null;
        var lanes = saved.Lanes ?? [new TickMergeLaneState(source.Lanes[0].Symbol, saved.Source, null)];
        if (source.TryResume(lanes, out var reason))
        {
            _completePublished = saved.CompletePublished;
            _restoredHeld = saved.Held;
            _restoredPending = saved.Pending;
            foreach (var lane in lanes)
            {
                LogResumed(Logger, lane.Source.FilePath, lane.Source.Cursor.DataLines, lane.Source.Cursor.Parts, lane.Source.Accepted, lane.Source.LastTickTime);
            }
        }
        else
        {
            LogStartingOver(Logger, reason!);
        }
    }

    private void Report(RowIssue issue, TickSource source, bool fatal)
    {
        var file = source.File.Path;
        if (issue.Kind.IsRejection())
        {
            if (fatal)
            {
                throw new FatalComponentException($"{file}: line {issue.Line} rejected ({issue.Kind}): {issue.Detail}; data_handler.rejected_rows_fatal is true.");
            }

            if (source.Issues.RejectedCount <= LoggedIssues) LogRejected(Logger, file, issue.Line, issue.Kind, issue.Detail);
            if (source.Issues.RejectedCount == LoggedIssues) LogIssueLimit(Logger, LoggedIssues);
        }
        else if (source.Issues.WarningCount <= LoggedIssues)
        {
            LogWarning(Logger, file, issue.Line, issue.Kind, issue.Detail);
        }
    }

    private void LogSummary(TickSource source, double seconds, long publishedHere)
    {
        LogComplete(Logger, source.File.Path, source.Rows, source.Accepted, source.Issues.RejectedCount, source.Issues.WarningCount,
            source.OutOfRange, source.BlankLines, source.LevelShifts, source.TimeJumps, seconds, publishedHere / Math.Max(seconds, 1e-9));
        foreach (var (kind, count) in source.Issues.Counts()) LogIssueCount(Logger, kind, count, kind.IsRejection() ? "rejected" : "warning");
        foreach (var example in source.Issues.Rejections.Take(SummaryExamples)) LogExample(Logger, example.Line, example.Kind, example.Detail);
        if (source.Issues.RejectedCount > SummaryExamples)
        {
            LogMoreExamples(Logger, source.Issues.RejectedCount - SummaryExamples, Math.Min(source.Issues.Rejections.Count, RowIssueLog.MaxExamples));
        }
    }

    private static double Seconds(long from, long to) => Math.Max(Stopwatch.GetElapsedTime(from, to).TotalSeconds, 1e-9);

    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Data handler replays {Path} ({Layout}) as {Symbol} ticks, dates {From} to {Until}")]
    private static partial void LogOpened(ILogger logger, string path, string layout, string symbol, string from, string until);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Data handler resumes {Path} after {DataLines} data lines (+{Parts} ticks of the next bar): {Published} ticks already published, last at {LastTick:O}")]
    private static partial void LogResumed(ILogger logger, string path, long dataLines, int parts, long published, DateTime? lastTick);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Data handler starts its file over: {Reason}")]
    private static partial void LogStartingOver(ILogger logger, string reason);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Data handler already completed {Path}; nothing to replay")]
    private static partial void LogAlreadyComplete(ILogger logger, string path);

    // Per-N-tick lines are for debugging the replay: on INFO they would flood the log (1,887 lines on a week of SPY);
    // people see progress from the silo's display or its progress lines instead.
    [LoggerMessage(EventId = 1004, Level = LogLevel.Debug, Message = "Data handler: {Published} ticks published, sim time {SimTime:yyyy-MM-dd HH:mm:ss}, {Rate:F0} ticks/s (run average {AverageRate:F0} ticks/s)")]
    private static partial void LogProgress(ILogger logger, long published, DateTime simTime, double rate, double averageRate);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning, Message = "{Path}:{Line}: rejected ({Kind}): {Detail}")]
    private static partial void LogRejected(ILogger logger, string path, long line, RowIssueKind kind, string detail);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Warning, Message = "{Path}:{Line}: {Kind}: {Detail}")]
    private static partial void LogWarning(ILogger logger, string path, long line, RowIssueKind kind, string detail);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Warning, Message = "Data handler: {Limit} rejected rows logged; further ones are only counted (see the summary at the end)")]
    private static partial void LogIssueLimit(ILogger logger, int limit);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Information, Message = "Data handler reached the end of {Path}: {Rows} rows, {Published} ticks published, {Rejected} rejected, {Warnings} warnings, {OutOfRange} outside the dates, {Blank} blank lines, {LevelShifts} level shifts and {TimeJumps} jumps in time accepted; {Seconds:F2} s, {Rate:F0} ticks/s")]
    private static partial void LogComplete(ILogger logger, string path, long rows, long published, long rejected, long warnings, long outOfRange, long blank, long levelShifts, long timeJumps, double seconds, double rate);

    [LoggerMessage(EventId = 1009, Level = LogLevel.Information, Message = "Data handler: {Count} {Kind} ({Severity})")]
    private static partial void LogIssueCount(ILogger logger, RowIssueKind kind, long count, string severity);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Information, Message = "Data handler: rejected line {Line} ({Kind}): {Detail}")]
    private static partial void LogExample(ILogger logger, long line, RowIssueKind kind, string detail);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Information, Message = "Data handler: {More} more rejected rows; the first {Kept} are kept (query 'rejections')")]
    private static partial void LogMoreExamples(ILogger logger, long more, int kept);
}
