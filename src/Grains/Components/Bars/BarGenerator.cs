using AlgoSpace.Grains.Components.Hosting;
using AlgoSpace.Grains.Interfaces.Events;
using static AlgoSpace.Grains.Interfaces.Events.EventTypes;

namespace AlgoSpace.Grains.Components.Bars;

/// <summary>
/// The bar_generator component (component-contracts 2.2): a thin adapter from NEW_TICK to <see cref="BarBuilder"/>
/// and from its bars to NEW_5MIN_BAR and NEW_30MIN_BAR, published with the bar's close time as simulation time.
/// BACKTEST_COMPLETE flushes the working bars, so the final partial bars reach the indicator engine; for that the
/// routing table must subscribe bar_generator to BACKTEST_COMPLETE (the kernel also consumes it and then stops
/// the components, so stopping is too late to publish them). A NEW_TICK may carry one tick or a
/// <see cref="TickBatchPayload"/>; a batch's ticks are taken one by one, in order.
/// </summary>
[ComponentKind("bar_generator",
    Consumes = [NewTick, BacktestComplete],
    Produces = [New5MinBar, New30MinBar, SystemError],
    Description = "Builds clock-aligned 5- and 30-minute bars from ticks.",
    HandlerBudgetMs = 1, TickBudgetMs = 0.1)]
public sealed partial class BarGenerator : ComponentAdapter<BarBuilderState>
{
    /// <summary>The timeframes that have an event type; others in settings.timeframes cannot be published.</summary>
    private static readonly Dictionary<int, string> EventByTimeframe = new() { [5] = New5MinBar, [30] = New30MinBar };

    public BarGenerator(IComponentContext context) : base(context)
    {
        var unsupported = context.Settings.Timeframes.Where(t => !EventByTimeframe.ContainsKey(t)).ToList();
        if (unsupported.Count > 0)
        {
            LogUnsupportedTimeframes(context.Logger, string.Join(", ", unsupported));
        }

        var timeframes = context.Settings.Timeframes.Where(EventByTimeframe.ContainsKey).ToList();
        if (timeframes.Count == 0)
        {
            throw new InvalidOperationException("settings.timeframes has neither 5 nor 30: the bar generator has nothing to publish.");
        }

        Builder = new BarBuilder(timeframes, context.Settings.Bars.MaxGapFillBars);
    }

    private BarBuilder Builder { get; }

    private RepeatedWarning? _badPrices;
    private RepeatedWarning? _gaps;

    private RepeatedWarning BadPrices => _badPrices ??= RepeatedWarning(411, "Ticks with a bad price skipped");

    private RepeatedWarning Gaps => _gaps ??= RepeatedWarning(413, "Bar gaps over bars.max_gap_fill_bars not filled");

    protected override int BadInputEventId => 415;

    protected override async ValueTask OnEventAsync(EventEnvelope envelope, CancellationToken cancellation)
    {
        switch (envelope.Type)
        {
            case NewTick when envelope.Payload is TickPayload tick:
                await OnTickAsync(tick);
                break;
            case NewTick when envelope.Payload is TickBatchPayload batch:
                // One by one, in order: only the first can close bars (the data handler cuts batches so), but
                // every tick updates the working bars exactly as it would alone.
                for (var i = 0; i < batch.Ticks.Count; i++) await OnTickAsync(batch.Ticks[i]);
                break;
            case NewTick:
                // A NEW_TICK without a tick is a producer bug: reported, not fatal, and the stream goes on.
                await ReportBadInputAsync(envelope, $"NEW_TICK #{envelope.Seq} from {envelope.Source} carried {Carried(envelope)}, not a tick.");
                break;
            case BacktestComplete:
                var bars = Builder.Flush();
                LogFlushed(Context.Logger, bars.Count);
                await PublishAsync(bars);
                break;
        }
    }

    protected override BarBuilderState Save() => Builder.SaveState();

    protected override void Restore(BarBuilderState state) => Builder.RestoreState(state);

    public override string Query(string question) => question switch
    {
        "counters" => Builder.Counters.ToString(),
        _ => "",
    };

    private async Task OnTickAsync(TickPayload tick)
    {
        var result = Builder.OnTick(tick);
        switch (result.Outcome)
        {
            case BarTickOutcome.SkippedBadPrice:
                if (BadPrices.Occur($"{tick.Symbol} at {tick.Timestamp:O} price {tick.Price}")) LogBadPrice(Context.Logger, tick.Symbol, tick.Timestamp, tick.Price);
                return;
            case BarTickOutcome.RejectedPast:
                LogPastTick(Context.Logger, tick.Symbol, tick.Timestamp, Builder.Counters.TicksRejectedPast);
                return;
        }

        foreach (var gap in result.SkippedGaps)
        {
            if (Gaps.Occur($"{gap.Symbol} {gap.Timeframe}m: {gap.MissingBars} bars after {gap.After:O}", gap.MissingBars))
            {
                LogGapSkipped(Context.Logger, gap.Symbol, gap.Timeframe, gap.After, gap.Before, gap.MissingBars, Context.Settings.Bars.MaxGapFillBars);
            }
        }

        // Most ticks close no bar: no publish, no await machinery.
        if (result.Bars.Count > 0) await PublishAsync(result.Bars);
    }

    private async Task PublishAsync(IReadOnlyList<BarPayload> bars)
    {
        foreach (var bar in bars)
        {
            await Context.Bus.PublishAsync(EventByTimeframe[bar.Timeframe], bar, bar.CloseTime);
        }
    }

    [LoggerMessage(EventId = 410, Level = LogLevel.Warning, Message = "Timeframes {Timeframes} have no bar event (only 5 and 30 do); they are not built")]
    private static partial void LogUnsupportedTimeframes(ILogger logger, string timeframes);

    [LoggerMessage(EventId = 411, Level = LogLevel.Warning, Message = "Tick {Symbol} at {Timestamp:O} has price {Price}; skipped")]
    private static partial void LogBadPrice(ILogger logger, string symbol, DateTime timestamp, double price);

    [LoggerMessage(EventId = 412, Level = LogLevel.Debug, Message = "Tick {Symbol} at {Timestamp:O} is in the past; rejected ({Rejected} so far)")]
    private static partial void LogPastTick(ILogger logger, string symbol, DateTime timestamp, long rejected);

    [LoggerMessage(EventId = 413, Level = LogLevel.Warning, Message = "{Symbol} {Timeframe}m: gap of {Missing} bars between {After:O} and {Before:O} exceeds bars.max_gap_fill_bars ({Limit}); not filled")]
    private static partial void LogGapSkipped(ILogger logger, string symbol, int timeframe, DateTime after, DateTime before, long missing, int limit);

    [LoggerMessage(EventId = 414, Level = LogLevel.Information, Message = "End of data: flushed {Count} working bars")]
    private static partial void LogFlushed(ILogger logger, int count);
}
