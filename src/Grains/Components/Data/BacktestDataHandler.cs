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
/// NEW_TICK events, validated, in file order, each publish awaited (lockstep), then BACKTEST_COMPLETE. With
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

    private TickSource? _source;
    // The issues outlive the source (closed at stop), so the rows a finished run rejected can still be asked for.
    private RowIssueLog? _issues;
    private BacktestDataHandlerState? _restored;
    private bool _completePublished;
    private TickBatcher? _batcher;
    private TickBatchPayload? _restoredHeld;
    private readonly string _symbol;
    private TimeProvider _time = TimeProvider.System;

    /// <summary>The clock used for pacing; tests may replace it before the run.</summary>
    public TimeProvider Time { get => _time; init => _time = value; }

    private ILogger Logger => Context.Logger;

    public BacktestDataHandler(IComponentContext context) : base(context)
    {
        var settings = context.Settings;
        _symbol = settings.Symbols.Count > 0 ? settings.Symbols[0] : throw new DataFileException("symbols is empty; the data handler publishes ticks for symbols[0].");

        // Missing, empty or unrecognisable files throw DataFileException here: a critical initialisation failure.
        _source = TickSource.Open(settings.DataHandler.BacktestFile, settings.DataHandler.Format, settings.Backtesting.StartDate, settings.Backtesting.EndDate,
            TimeSpan.FromHours(settings.DataHandler.MaxTimeJumpHours));
        _issues = _source.Issues;
        LogOpened(Logger, _source.File.Path, _source.File.Describe(), _symbol,
            settings.Backtesting.StartDate?.ToString("yyyy-MM-dd") ?? "start", settings.Backtesting.EndDate?.ToString("yyyy-MM-dd") ?? "end");
    }

    public async Task RunAsync(CancellationToken cancellation)
    {
        var source = _source ?? throw new InvalidOperationException("The data handler was stopped; it cannot run again.");
        var settings = Context.Settings.DataHandler;
        var bus = Context.Bus;
        Resume(source);
        if (_completePublished)
        {
            LogAlreadyComplete(Logger, source.File.Path);
            return;
        }

        var batchSize = Context.Settings.EventBus.TickBatchSize;
        _batcher = batchSize > 1 && settings.ReplaySpeed <= 0 ? new TickBatcher(Context.Settings.Timeframes, batchSize) : null;
        await PublishRestoredHeldAsync(bus);
        var pacer = new ReplayPacer(settings.ReplaySpeed, _time);
        var started = Stopwatch.GetTimestamp();
        var lastProgress = started;
        var publishedHere = 0L;
        var publishedAtLastProgress = 0L;
        var logEvery = Math.Max(1, settings.LogEvery);
        while (true)
        {
            if (cancellation.IsCancellationRequested)
            {
                // Ticks already accepted are published whatever happens (see below), so a batch being gathered goes out first.
                await PublishHeldAsync(bus);
                cancellation.ThrowIfCancellationRequested();
            }

            var read = source.Read();
            if (read.Status == TickReadStatus.End) break;
            if (read.Issue is { } issue) Report(issue, source, settings.RejectedRowsFatal);
            if (read.Status != TickReadStatus.Tick) continue;

            // The source already counts this tick consumed (its cursor is past it), so from here it is published
            // whatever happens: a save taken while this publish is in flight resumes after it, as the bus's
            // sequence number does.
            var tick = read.Tick.Tick;
            var payload = new TickPayload(_symbol, tick.Timestamp, tick.Price, tick.Volume, tick.Bid, tick.Ask);
            await PublishTickAsync(bus, payload, tick.Timestamp, source.Accepted, pacer, cancellation);
            publishedHere++;
            if (source.Accepted % logEvery == 0)
            {
                var now = Stopwatch.GetTimestamp();
                LogProgress(Logger, source.Accepted, tick.Timestamp, (publishedHere - publishedAtLastProgress) / Seconds(lastProgress, now), publishedHere / Seconds(started, now));
                lastProgress = now;
                publishedAtLastProgress = publishedHere;
            }
        }

        await PublishHeldAsync(bus);
        _completePublished = true;
        LogSummary(source, Seconds(started, Stopwatch.GetTimestamp()), publishedHere);
        await bus.PublishAsync(BacktestComplete, new BacktestCompletePayload(source.Rows, source.Issues.RejectedCount, source.Accepted),
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

    protected override BacktestDataHandlerState? Save() =>
        _source is null ? _restored : new BacktestDataHandlerState(_source.Snapshot(), _completePublished, _batcher?.Held() ?? _restoredHeld);

    /// <summary>The position is applied when the run starts (a saved run may be one that had already completed).</summary>
    protected override void Restore(BacktestDataHandlerState state) => _restored = state;

    public override string Query(string question) => question switch
    {
        "status" when _source is { } s =>
            $"rows={s.Rows} published={s.Accepted} rejected={s.Issues.RejectedCount} warnings={s.Issues.WarningCount} outOfRange={s.OutOfRange} last={s.LastTickTime:O} complete={_completePublished}",
        "rejections" when _issues is { } issues => string.Join('\n', issues.Rejections),
        // Read by the silo's progress display a few times a second; nothing in the replay loop writes for it.
        "progress" when _source is { } s => ReplayProgress.Format(s.BytesRead, s.File.Length, s.Accepted, s.LastTickTime, _completePublished),
        _ => "",
    };

    private void Resume(TickSource source)
    {
        if (_restored is not { } saved) return;
        _restored = null;
        if (source.TryResume(saved.Source, out var reason))
        {
            _completePublished = saved.CompletePublished;
            _restoredHeld = saved.Held;
            LogResumed(Logger, source.File.Path, saved.Source.Cursor.DataLines, saved.Source.Cursor.Parts, source.Accepted, source.LastTickTime);
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
