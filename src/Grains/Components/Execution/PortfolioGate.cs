using System.Globalization;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Interfaces.Events;

namespace AlgoSpace.Grains.Components.Execution;

/// <summary>
/// The portfolio risk gate: limits across instruments, on top of each instrument's M-RMS sizing, checked by the one
/// account's execution handler after the per-order checks. In this order: the day's realized loss of the whole
/// account (risk_management.max_daily_loss; for a portfolio only, since with one instrument M-RMS already stops
/// at it); the instruments holding positions or waiting entries (max_open_positions); the gross exposure, every
/// active trade's contracts at the last price times the point value, with this order's value added
/// (max_gross_exposure). A failure rejects the order and raises RISK_BREACH RISK_CHECK_FAILED, as a pre-trade check does.
/// </summary>
public sealed class PortfolioGate(RiskManagementSettings limits, bool accountDailyLoss)
{
    public PreTradeFailure? Evaluate(ExecuteTradePayload command, IReadOnlyList<TradeState> active, Func<string, double?> lastPrice, InstrumentTable instruments, double realizedToday)
    {
        var spec = command.TradeSpecification;
        var context = new Dictionary<string, string> { ["execution_id"] = command.ExecutionId, ["symbol"] = spec.Symbol };
        if (accountDailyLoss && realizedToday <= -limits.MaxDailyLoss)
        {
            return Fail(RejectionCodes.DailyLoss, $"the account's realized P&L today is {Text(realizedToday)} USD, at or below -{Text(limits.MaxDailyLoss)} USD",
                context, limits.MaxDailyLoss, realizedToday);
        }

        if (limits.MaxOpenPositions is { } maxOpen)
        {
            var held = active.Select(t => t.Symbol).Distinct(StringComparer.Ordinal).ToList();
            var after = held.Contains(spec.Symbol) ? held.Count : held.Count + 1;
            if (after > maxOpen)
            {
                return Fail(RejectionCodes.OpenPositions, $"{spec.Symbol} would make {after} instruments with positions ({string.Join(", ", held)} already), more than {maxOpen}",
                    context, maxOpen, after);
            }
        }

        if (limits.MaxGrossExposure is { } maxGross)
        {
            var gross = active.Sum(t => Math.Abs(t.Quantity) * (lastPrice(t.Symbol) ?? t.EntryPrice) * instruments.Get(t.Symbol).PointValue)
                + (command.RiskParameters.PositionSize * spec.EntryPrice * instruments.Get(spec.Symbol).PointValue);
            if (gross > maxGross)
            {
                return Fail(RejectionCodes.GrossExposure, $"gross exposure with this order {Text(gross)} USD exceeds {Text(maxGross)} USD", context, maxGross, gross);
            }
        }

        return null;
    }

    private static PreTradeFailure Fail(string code, string message, Dictionary<string, string> context, object limit, object actual)
    {
        context["check"] = code;
        context["limit"] = Convert.ToString(limit, CultureInfo.InvariantCulture) ?? "";
        context["actual"] = Convert.ToString(actual, CultureInfo.InvariantCulture) ?? "";
        return new PreTradeFailure(code, message, context);
    }

    private static string Text(double value) => value.ToString("F2", CultureInfo.InvariantCulture);
}
