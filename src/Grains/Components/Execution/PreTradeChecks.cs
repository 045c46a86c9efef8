using System.Globalization;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Interfaces.Events;

namespace AlgoSpace.Grains.Components.Execution;

/// <summary>
/// The pre-trade checks of component-contracts 2.9, in this order: no duplicate execution id within
/// duplicate_order_window; the market is open; |position + direction · size| ≤ max_position_size;
/// size · entry · point value ≤ max_order_value; |entry − last| / last ≤ max_price_deviation. A failure rejects the
/// order and raises RISK_BREACH RISK_CHECK_FAILED.
/// </summary>
/// <param name="sessionOf">The session of a symbol: its own close, or execution.session_close.</param>
public sealed class PreTradeChecks(ExecutionSettings settings, Func<string, SessionCalendar> sessionOf)
{
    /// <param name="position">Signed contracts of the symbol, filled plus entries still waiting for their fill,
    /// so that two decisions in one bar cannot together exceed the limit.</param>
    /// <param name="lastPrice">The last tick price of the symbol; null before the first tick.</param>
    /// <returns>The first failed check, or null when all pass.</returns>
    public PreTradeFailure? Evaluate(ExecuteTradePayload command, Instrument instrument, int position, double? lastPrice, DateTime now, DuplicateWindow duplicates)
    {
        var spec = command.TradeSpecification;
        var size = command.RiskParameters.PositionSize;
        var context = new Dictionary<string, string>
        {
            ["execution_id"] = command.ExecutionId,
            ["symbol"] = spec.Symbol,
        };

        if (duplicates.IsDuplicate(command.ExecutionId, now))
        {
            return Fail(RejectionCodes.DuplicateOrder, $"execution id {command.ExecutionId} was already seen within {settings.DuplicateOrderWindow} s",
                context, settings.DuplicateOrderWindow, null);
        }

        if (lastPrice is not { } last)
        {
            return Fail(RejectionCodes.MarketClosed, $"no tick of {spec.Symbol} has been seen yet", context, null, null);
        }

        if (settings.ForceFlatEod && sessionOf(spec.Symbol) is var session && session.IsAfterClose(now))
        {
            var close = session.Close.ToString("HH:mm", CultureInfo.InvariantCulture);
            return Fail(RejectionCodes.MarketClosed, $"{now:HH:mm:ss} is at or after the session close {close}",
                context, close, now.ToString("HH:mm:ss", CultureInfo.InvariantCulture));
        }

        var after = position + (spec.Direction * size);
        if (Math.Abs(after) > settings.MaxPositionSize)
        {
            return Fail(RejectionCodes.PositionLimit, $"position {position} + {spec.Direction * size} = {after} exceeds ±{settings.MaxPositionSize} contracts",
                context, settings.MaxPositionSize, after);
        }

        var value = size * spec.EntryPrice * instrument.PointValue;
        if (value > settings.MaxOrderValue)
        {
            return Fail(RejectionCodes.OrderValue, $"order value {value:F2} USD exceeds {settings.MaxOrderValue:F2} USD", context, settings.MaxOrderValue, value);
        }

        var deviation = Math.Abs(spec.EntryPrice - last) / last;
        if (deviation > settings.MaxPriceDeviation)
        {
            context["last_price"] = Text(last);
            return Fail(RejectionCodes.PriceDeviation, $"entry {spec.EntryPrice} is {deviation:P2} from the last price {last}, more than {settings.MaxPriceDeviation:P2}",
                context, settings.MaxPriceDeviation, deviation);
        }

        return null;
    }

    /// <summary>
    /// The exposure the position limit is checked against: signed contracts held plus entries waiting for their fill.
    /// </summary>
    internal static int Exposure(IEnumerable<TradeState> trades, string symbol) =>
        trades.Where(t => t.Symbol == symbol).Sum(t => t.Phase == TradePhase.Open ? t.SignedQuantity : t.Direction * t.Quantity);

    /// <summary>
    /// The duplicate check for an execution id whose trade is still open or waiting: the engine knows its trades,
    /// the window in <see cref="DuplicateWindow"/> only knows recent ids; both report DUPLICATE_ORDER alike.
    /// </summary>
    internal static PreTradeFailure ActiveTradeDuplicate(string executionId, string symbol) =>
        new(RejectionCodes.DuplicateOrder, $"execution id {executionId} belongs to a trade that is still active",
            new Dictionary<string, string> { ["check"] = RejectionCodes.DuplicateOrder, ["execution_id"] = executionId, ["symbol"] = symbol });

    private static PreTradeFailure Fail(string code, string message, Dictionary<string, string> context, object? limit, object? actual)
    {
        context["check"] = code;
        if (limit is not null) context["limit"] = Text(limit);
        if (actual is not null) context["actual"] = Text(actual);
        return new PreTradeFailure(code, message, context);
    }

    private static string Text(object value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
}
