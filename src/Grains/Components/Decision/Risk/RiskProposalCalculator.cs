using AlgoSpace.Grains.Components.Execution;
using AlgoSpace.Grains.Interfaces.Components.Calls;
using AlgoSpace.Grains.Interfaces.Configuration;

namespace AlgoSpace.Grains.Components.Decision.Risk;

/// <summary>
/// Turns the model's (or the fallback's) size, stop and target into a bracket and applies the hard limits of
/// component-contracts 2.8. Stops and targets are rounded to the nearest tick (halves away from zero), at least
/// one tick from the entry; risk and reward are measured on the rounded prices, so they are what the bracket
/// really risks.
/// </summary>
public sealed class RiskProposalCalculator(MRmsSettings settings, double maxRiskAmount, InstrumentTable instruments)
{
    /// <summary>The proposal for <paramref name="q"/> given the account: equity, the day's realized P&amp;L and open positions.</summary>
    public RiskProposal Propose(TradeQualification q, RiskModelOutput output, bool fallback, double equity, double dayPnl, int openPositions)
    {
        ArgumentNullException.ThrowIfNull(q);
        ArgumentNullException.ThrowIfNull(output);
        if (InputProblem(q) is { } problem) return Rejected(q, output, fallback, problem);

        var instrument = instruments.Get(q.Symbol);
        var tick = instrument.TickSize;
        var direction = q.Direction == TradeQualification.Long ? 1 : -1;
        var stop = RoundToTick(q.EntryPrice - (direction * output.StopMultiplier * q.Atr), tick);
        var target = RoundToTick(q.EntryPrice + (direction * output.RewardRatio * output.StopMultiplier * q.Atr), tick);
        if (Math.Abs(q.EntryPrice - stop) < tick) stop = RoundToTick(q.EntryPrice - (direction * tick), tick);
        if (Math.Abs(target - q.EntryPrice) < tick) target = RoundToTick(q.EntryPrice + (direction * tick), tick);

        var slPoints = Math.Abs(q.EntryPrice - stop);
        var tpPoints = Math.Abs(target - q.EntryPrice);
        var riskPerContract = slPoints * instrument.PointValue;
        var rewardPerContract = tpPoints * instrument.PointValue;

        // Size: capped at the maximum, then scaled down until the risk is within max_risk_per_trade of equity.
        var byRisk = (int)Math.Min(int.MaxValue, Math.Floor(settings.MaxRiskPerTrade * equity / riskPerContract));
        var maxAllowed = Math.Max(0, Math.Min(settings.MaxPositionSize, byRisk));
        var size = Math.Min(output.Size, maxAllowed);
        var risk = riskPerContract * size;
        var reward = rewardPerContract * size;

        var reasons = new List<string>();
        if (output.Size > 0 && size == 0)
        {
            reasons.Add($"one contract risks {riskPerContract:F2} USD, more than {settings.MaxRiskPerTrade:P1} of equity {equity:F2} USD");
        }

        if (dayPnl - risk < -settings.MaxDailyDrawdown * equity)
        {
            reasons.Add($"the day's P&L {dayPnl:F2} USD minus the risk {risk:F2} USD would pass the daily drawdown limit of {settings.MaxDailyDrawdown:P1} of equity ({-settings.MaxDailyDrawdown * equity:F2} USD)");
        }

        if (openPositions >= settings.MaxOpenPositions)
        {
            reasons.Add($"{openPositions} positions are open; the limit is {settings.MaxOpenPositions}");
        }

        var rejected = reasons.Count > 0;
        var rr = tpPoints / slPoints;
        var metrics = new RiskMetrics(slPoints, tpPoints, riskPerContract, rewardPerContract, maxAllowed,
            size / (double)settings.MaxPositionSize, equity > 0 ? 100 * risk / equity : 0);
        var validation = new RiskValidation(!rejected && size >= 1, risk <= maxRiskAmount, size <= settings.MaxPositionSize, rr >= 1);
        return new RiskProposal(size, stop, target, risk, reward, rr, output.StopMultiplier, output.Confidence, q.Direction, q.EntryPrice, q.Atr,
            rejected, rejected ? string.Join("; ", reasons) : null, fallback, metrics, output.Probabilities, validation);
    }

    /// <summary>The nearest multiple of <paramref name="tick"/>, halves away from zero, without binary noise.</summary>
    public static double RoundToTick(double price, double tick) =>
        Math.Round(Math.Round(price / tick, MidpointRounding.AwayFromZero) * tick, 10);

    private string? InputProblem(TradeQualification q)
    {
        if (q.Direction is not (TradeQualification.Long or TradeQualification.Short)) return $"direction '{q.Direction}' is neither LONG nor SHORT";
        if (!double.IsFinite(q.EntryPrice) || q.EntryPrice <= 0) return $"entry price {q.EntryPrice} is not a positive number";
        if (!double.IsFinite(q.Atr) || q.Atr <= 0) return $"ATR {q.Atr} is not a positive number";
        if (instruments.Find(q.Symbol) is null) return $"symbol '{q.Symbol}' has no tick size and point value";
        return null;
    }

    private static RiskProposal Rejected(TradeQualification q, RiskModelOutput output, bool fallback, string reason) =>
        new(0, 0, 0, 0, 0, 0, output.StopMultiplier, output.Confidence, q.Direction, q.EntryPrice, q.Atr, true, reason, fallback,
            new RiskMetrics(0, 0, 0, 0, 0, 0, 0), output.Probabilities, new RiskValidation(false, true, true, false));
}
