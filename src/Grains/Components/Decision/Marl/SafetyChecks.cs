using AlgoSpace.Grains.Interfaces.Components.Calls;
using AlgoSpace.Grains.Interfaces.Configuration;

namespace AlgoSpace.Grains.Components.Decision.Marl;

/// <summary>The hard checks of component-contracts 2.7 step 7; every failing check is one reason.</summary>
public static class SafetyChecks
{
    public static IReadOnlyList<string> Failures(AlgoSpaceSettings settings, int dailyTrades, int openPositions, double dayPnl, RiskProposal proposal)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(proposal);
        var reasons = new List<string>();
        var maxTrades = settings.MainMarlCore.Safety.MaxDailyTrades;
        if (dailyTrades >= maxTrades) reasons.Add($"{dailyTrades} trades today; the limit is {maxTrades}");
        var maxOpen = settings.MRms.MaxOpenPositions;
        if (openPositions >= maxOpen) reasons.Add($"{openPositions} positions open; the limit is {maxOpen}");
        var maxLoss = settings.RiskManagement.MaxDailyLoss;
        if (dayPnl <= -maxLoss) reasons.Add($"the day's P&L is {dayPnl:F2} USD; trading stops at -{maxLoss:F2} USD");
        if (proposal.Rejected) reasons.Add($"the risk proposal was rejected: {proposal.RejectionReason}");
        if (proposal.PositionSize < 1) reasons.Add($"the proposed size is {proposal.PositionSize} contracts");
        return reasons;
    }
}
