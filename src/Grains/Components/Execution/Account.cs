namespace AlgoSpace.Grains.Components.Execution;

/// <summary>
/// Realized results: equity is the initial capital plus every closed trade's net P&amp;L; the day's realized
/// P&amp;L starts again at 0 when the simulation date changes.
/// </summary>
public sealed class Account(double initialCapital)
{
    public double InitialCapital { get; } = initialCapital;
    public double RealizedTotal { get; private set; }
    public double RealizedDay { get; private set; }

    /// <summary>The simulation date <see cref="RealizedDay"/> belongs to; null before the first event.</summary>
    public DateTime? Day { get; private set; }

    public double Equity => InitialCapital + RealizedTotal;

    /// <summary>Moves to the date of <paramref name="time"/> if it is a later date.</summary>
    public void Observe(DateTime time)
    {
        if (Day is { } day && time.Date <= day) return;
        Day = time.Date;
        RealizedDay = 0;
    }

    /// <summary>Books a closed trade's net P&amp;L on the day it closed.</summary>
    public void Realize(double net, DateTime time)
    {
        Observe(time);
        RealizedTotal += net;
        RealizedDay += net;
    }

    public AccountState Save() => new(RealizedTotal, RealizedDay, Day);

    public void Restore(AccountState state)
    {
        RealizedTotal = state.RealizedTotal;
        RealizedDay = state.RealizedDay;
        Day = state.Day;
    }
}
