using AlgoSpace.Grains.Interfaces.Events;

namespace AlgoSpace.Grains.Components.Decision;

/// <summary>
/// The decision components' mirror of the account, from TRADE_CLOSED and POSITION_UPDATE: equity and its drawdown,
/// open positions, the simulation day's realized P&amp;L, and the last closed trades. The execution handler
/// publishes TRADE_CLOSED before the POSITION_UPDATE of the same close; the ledger books the trade's net P&amp;L at
/// TRADE_CLOSED and then takes the execution handler's figures from POSITION_UPDATE, which agree, so the order of
/// the two never matters for the result.
/// </summary>
public sealed class AccountLedger
{
    private readonly double _initialCapital;
    private readonly double _pointValue;
    private readonly int _historyLength;
    private readonly Queue<TradeOutcome> _outcomes = new();

    public AccountLedger(double initialCapital, double pointValue, int historyLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(initialCapital);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(historyLength);
        _initialCapital = initialCapital;
        _pointValue = pointValue;
        _historyLength = historyLength;
        Equity = PeakEquity = initialCapital;
    }

    public double InitialCapital => _initialCapital;
    public double Equity { get; private set; }
    public double PeakEquity { get; private set; }
    public double MaxDrawdown { get; private set; }
    public int OpenPositions { get; private set; }
    public DateOnly Day { get; private set; }
    public long TotalTrades { get; private set; }
    public long Wins { get; private set; }
    public double TotalNetPnl { get; private set; }

    /// <summary>(peak − equity) / peak.</summary>
    public double CurrentDrawdown => PeakEquity > 0 ? Math.Max(0, (PeakEquity - Equity) / PeakEquity) : 0;

    /// <summary>The last closed trades, oldest first (at most the history length).</summary>
    public IReadOnlyList<TradeOutcome> Outcomes => _outcomes.ToArray();

    private double _dayPnl;

    /// <summary>The realized net P&amp;L of simulation day <paramref name="day"/> (0 for a day nothing closed on).</summary>
    public double DayPnl(DateOnly day) => day == Day ? _dayPnl : 0;

    public void OnTradeClosed(TradeClosedPayload closed)
    {
        var result = closed.TradeResult;
        var plannedRisk = result.SlDistance * _pointValue * result.PositionSize;
        var outcome = new TradeOutcome(result.HitStop, result.HitTarget, result.NetPnl, result.PositionSize, result.SlDistance, result.TpDistance,
            plannedRisk > 0 ? result.NetPnl / plannedRisk : 0);
        _outcomes.Enqueue(outcome);
        while (_outcomes.Count > _historyLength) _outcomes.Dequeue();

        TotalTrades++;
        if (result.NetPnl > 0) Wins++;
        TotalNetPnl += result.NetPnl;
        AddToDay(DateOnly.FromDateTime(closed.Exit.Timestamp), result.NetPnl);
        SetEquity(Equity + result.NetPnl);
    }

    public void OnPositionUpdate(PositionUpdatePayload update)
    {
        OpenPositions = update.OpenPositions;
        Day = DateOnly.FromDateTime(update.Timestamp);
        _dayPnl = update.RealizedPnlDay;
        SetEquity(update.Equity);
    }

    public AccountLedgerState SaveState() =>
        new(Equity, PeakEquity, MaxDrawdown, OpenPositions, Day, _dayPnl, _outcomes.ToArray(), TotalTrades, Wins, TotalNetPnl);

    public void RestoreState(AccountLedgerState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        (Equity, PeakEquity, MaxDrawdown, OpenPositions, Day, _dayPnl) = (state.Equity, state.PeakEquity, state.MaxDrawdown, state.OpenPositions, state.Day, state.DayPnl);
        (TotalTrades, Wins, TotalNetPnl) = (state.TotalTrades, state.Wins, state.TotalNetPnl);
        _outcomes.Clear();
        foreach (var outcome in state.Outcomes.TakeLast(_historyLength)) _outcomes.Enqueue(outcome);
    }

    private void AddToDay(DateOnly day, double pnl)
    {
        if (day != Day)
        {
            Day = day;
            _dayPnl = 0;
        }

        _dayPnl += pnl;
    }

    private void SetEquity(double equity)
    {
        Equity = equity;
        PeakEquity = Math.Max(PeakEquity, equity);
        MaxDrawdown = Math.Max(MaxDrawdown, CurrentDrawdown);
    }
}
