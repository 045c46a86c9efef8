using AlgoSpace.Grains.Interfaces.Events;

namespace AlgoSpace.Grains.Components.Decision.Marl;

/// <summary>
/// The LVN vector [1,5] of component-contracts 2.7 step 1: [s/100, dₙ, (c − p)/c, 1[c &gt; p], (s/100)(1 − dₙ)] with
/// s the nearest LVN's strength (0-100), p its price, c the current price and dₙ = min(|distance|/50, 1).
/// </summary>
public static class LvnVector
{
    public const int Length = 5;

    public static float[] Build(MarketContext market)
    {
        ArgumentNullException.ThrowIfNull(market);
        var lvn = market.NearestLvn;
        var s = lvn.Strength / 100;
        var dn = Math.Min(Math.Abs(lvn.Distance) / 50, 1);
        var c = market.CurrentPrice;
        var relative = c != 0 ? (c - lvn.Price) / c : 0;
        return [(float)s, (float)dn, (float)relative, c > lvn.Price ? 1 : 0, (float)(s * (1 - dn))];
    }
}
