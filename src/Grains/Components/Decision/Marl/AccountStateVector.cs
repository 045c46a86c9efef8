namespace AlgoSpace.Grains.Components.Decision.Marl;

/// <summary>
/// account_state_vector[10] of component-contracts 2.7 from the live account mirror. With no closed trades yet the
/// trade statistics are neutral: win rate 0.5, profit factor 1, Sortino 0, mean R 0.
/// </summary>
public static class AccountStateVector
{
    public const int Length = 10;

    public static float[] Build(AccountLedger ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var last20 = ledger.Outcomes.TakeLast(20).Select(o => o.NetPnl).ToArray();
        var last5 = ledger.Outcomes.TakeLast(5).Select(o => o.RMultiple).ToArray();
        return
        [
            (float)(ledger.Equity / ledger.InitialCapital),
            (float)ledger.CurrentDrawdown,
            (float)ledger.MaxDrawdown,
            (float)WinRate(last20),
            (float)ProfitFactor(last20),
            (float)Sortino(last20),
            ledger.TotalTrades / 100f,
            (float)(last5.Length == 0 ? 0 : Math.Clamp(last5.Average(), -1, 1)),
            0.5f,
            0.5f,
        ];
    }

    public static double WinRate(IReadOnlyList<double> pnls) => pnls.Count == 0 ? 0.5 : pnls.Count(p => p > 0) / (double)pnls.Count;

    /// <summary>Gross profit / gross loss, capped at 5 (5 when there are wins and no losses).</summary>
    public static double ProfitFactor(IReadOnlyList<double> pnls)
    {
        if (pnls.Count == 0) return 1;
        var gains = pnls.Where(p => p > 0).Sum();
        var losses = -pnls.Where(p => p < 0).Sum();
        if (losses == 0) return gains > 0 ? 5 : 1;
        return Math.Min(gains / losses, 5);
    }

    /// <summary>Mean P&amp;L / downside deviation (√ mean of min(pnl, 0)²), clipped to ±5; 0 for fewer than two trades.</summary>
    public static double Sortino(IReadOnlyList<double> pnls)
    {
        if (pnls.Count < 2) return 0;
        var mean = pnls.Average();
        var downside = Math.Sqrt(pnls.Select(p => Math.Min(p, 0) * Math.Min(p, 0)).Average());
        if (downside == 0) return mean > 0 ? 5 : 0;
        return Math.Clamp(mean / downside, -5, 5);
    }
}
