namespace AlgoSpace.Grains.Components.Execution;

/// <summary>
/// P&amp;L of one closed trade (component-contracts 2.9): points = (exit − entry) · direction; gross = points ·
/// quantity · point value; net = gross − both sides' commission; percent = 100 · points / entry.
/// </summary>
public sealed record TradePnl(double Points, double Gross, double Commission, double Net, double Percent)
{
    public static TradePnl Compute(double entry, double exit, int direction, int quantity, double pointValue, double entryCommission, double exitCommission)
    {
        var points = (exit - entry) * direction;
        var gross = points * quantity * pointValue;
        var commission = entryCommission + exitCommission;
        return new TradePnl(points, gross, commission, gross - commission, 100 * points / entry);
    }
}
