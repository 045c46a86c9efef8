using AlgoSpace.Grains.Interfaces.Events;

namespace AlgoSpace.Grains.Components.Execution;

/// <summary>
/// Whether an EXECUTE_TRADE is a well-formed command (component-contracts 2.9, "invalid command → ORDER_REJECTED"):
/// a known symbol, a direction of ±1, at least one contract, positive prices with the stop and the target on their
/// sides of the entry. A malformed command is a producer's bug, not a risk event, so it raises no RISK_BREACH.
/// </summary>
public static class TradeCommandValidator
{
    /// <summary>What is wrong with the command, or null when nothing is.</summary>
    public static string? Validate(ExecuteTradePayload command, InstrumentTable instruments)
    {
        if (string.IsNullOrWhiteSpace(command.ExecutionId)) return "the execution id is empty";
        if (command.TradeSpecification is not { } spec) return "the trade specification is missing";
        if (command.RiskParameters is not { } risk) return "the risk parameters are missing";
        if (instruments.Find(spec.Symbol) is null) return $"symbol '{spec.Symbol}' has no tick size and point value";
        if (spec.Direction is not (1 or -1)) return $"direction {spec.Direction} is neither 1 (long) nor -1 (short)";
        if (risk.PositionSize < 1) return $"position size {risk.PositionSize} is below 1";
        if (risk.MaxHoldTime < 0) return $"max hold time {risk.MaxHoldTime} is negative";
        if (!IsPrice(spec.EntryPrice) || !IsPrice(risk.StopLoss) || !IsPrice(risk.TakeProfit))
        {
            return $"entry {spec.EntryPrice}, stop {risk.StopLoss} and target {risk.TakeProfit} must be positive numbers";
        }

        // Long: stop below the entry, target above; short: the mirror image.
        var d = spec.Direction;
        if ((spec.EntryPrice - risk.StopLoss) * d <= 0 || (risk.TakeProfit - spec.EntryPrice) * d <= 0)
        {
            return $"for a {(d > 0 ? "long" : "short")} trade the stop {risk.StopLoss} and target {risk.TakeProfit} are on the wrong side of the entry {spec.EntryPrice}";
        }

        return null;
    }

    private static bool IsPrice(double value) => double.IsFinite(value) && value > 0;
}
