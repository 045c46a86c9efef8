using System.Globalization;
using AlgoSpace.Grains.Interfaces.Components;
using AlgoSpace.Grains.Interfaces.Components.Calls;
using AlgoSpace.Grains.Interfaces.Events;
using static AlgoSpace.Grains.Interfaces.Events.EventTypes;

namespace AlgoSpace.Grains.Components.Performance;

/// <summary>
/// The performance_tracker component: a thin adapter from TRADE_CLOSED and NEW_5MIN_BAR to
/// <see cref="PerformanceLedger"/>, answering <see cref="PerformanceReportRequest"/> with the trades, the equity
/// curve and the statistics (the kernel asks at the end of a backtest). Bars are read only for their times: they
/// give the simulated span (the denominator of exposure) and the simulation dates (the daily return series); the
/// tracker does not read every tick, which would cost a delivery per tick.
/// </summary>
[ComponentKind("performance_tracker",
    Role = ComponentRole.PerformanceTracker,
    Consumes = [TradeClosed, New5MinBar],
    Produces = [SystemError],
    Description = "Keeps the trades, the equity curve and the run statistics; answers PerformanceReportRequest.")]
public sealed partial class PerformanceTracker(IComponentContext context) : ComponentAdapter<PerformanceTrackerState>(context), ICallableComponent
{
    private PerformanceLedger Ledger { get; } = new(context.Settings.Backtesting.InitialCapital);

    protected override int BadInputEventId => 1502;

    protected override async ValueTask OnEventAsync(EventEnvelope envelope, CancellationToken cancellation)
    {
        switch (envelope)
        {
            case { Type: TradeClosed, Payload: TradeClosedPayload trade }:
                await OnTradeClosedAsync(trade, envelope);
                break;
            case { Type: New5MinBar, Payload: BarPayload bar }:
                Ledger.ObserveBar(bar.Timestamp, bar.CloseTime, !bar.IsSynthetic);
                break;
            default:
                await ReportProblemAsync(envelope, $"carried {Carried(envelope)}");
                break;
        }
    }

    public ValueTask<ComponentReply> AnswerAsync(ComponentRequest request, CancellationToken cancellation) => request switch
    {
        PerformanceReportRequest => ValueTask.FromResult<ComponentReply>(Ledger.Report()),
        _ => throw new ComponentCallException($"{Context.Spec.Name} (performance_tracker) answers PerformanceReportRequest, not {request.GetType().Name}."),
    };

    protected override PerformanceTrackerState Save() => Ledger.SaveState();

    protected override void Restore(PerformanceTrackerState state) => Ledger.RestoreState(state);

    public override string Query(string question) => question switch
    {
        "statistics" => Describe(Ledger.Report().Statistics),
        _ => "",
    };

    private async Task OnTradeClosedAsync(TradeClosedPayload trade, EventEnvelope envelope)
    {
        // A trade with a P&L that is not a number would poison every sum after it: reported, not counted.
        if (!double.IsFinite(trade.Performance.NetPnl) || !double.IsFinite(trade.Performance.CommissionPaid))
        {
            await ReportProblemAsync(envelope, $"trade {trade.ExecutionId} has net P&L {trade.Performance.NetPnl} and commission {trade.Performance.CommissionPaid}; not counted");
            return;
        }

        if (trade.Exit.Timestamp < trade.Entry.Timestamp)
        {
            await ReportProblemAsync(envelope, $"trade {trade.ExecutionId} exits at {trade.Exit.Timestamp:O}, before its entry at {trade.Entry.Timestamp:O}; not counted");
            return;
        }

        if (!Ledger.AddTrade(trade))
        {
            LogDuplicateTrade(Context.Logger, trade.ExecutionId, envelope.Source, envelope.Seq);
            return;
        }

        LogTradeRecorded(Context.Logger, trade.ExecutionId, trade.Performance.NetPnl, Ledger.Trades.Count);
    }

    /// <summary>An event the tracker cannot use is a producer bug: logged and reported, and the run goes on.</summary>
    private ValueTask ReportProblemAsync(EventEnvelope envelope, string problem) =>
        ReportBadInputAsync(envelope, $"{envelope.Type} #{envelope.Seq} from {envelope.Source} {problem}.");

    private static string Describe(PerformanceStatistics s) => string.Create(CultureInfo.InvariantCulture,
        $"trades={s.Trades} wins={s.Wins} losses={s.Losses} net={s.NetPnl:F2} maxDrawdown={s.MaxDrawdown:F2} maxDrawdownPct={s.MaxDrawdownPercent:F2} equity={s.FinalEquity:F2}");

    [LoggerMessage(EventId = 1500, Level = LogLevel.Debug, Message = "Trade {ExecutionId} recorded: net {NetPnl:F2} USD ({Trades} trades so far)")]
    private static partial void LogTradeRecorded(ILogger logger, string executionId, double netPnl, int trades);

    [LoggerMessage(EventId = 1501, Level = LogLevel.Warning, Message = "Trade {ExecutionId} was already recorded; TRADE_CLOSED #{Seq} from {Source} ignored")]
    private static partial void LogDuplicateTrade(ILogger logger, string executionId, string source, long seq);
}
