using AlgoSpace.Grains.Components.Execution;
using AlgoSpace.Grains.Interfaces.Components.Calls;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Interfaces.Events;
using AlgoSpace.Grains.Models;

namespace AlgoSpace.Grains.Components.Decision.Risk;

/// <summary>
/// The M-RMS logic (component-contracts 2.8): proposals from the model, or the fallback when the model is missing
/// or fails, against the account mirror kept from TRADE_CLOSED and POSITION_UPDATE.
/// </summary>
public sealed class RiskManager
{
    private readonly AlgoSpaceSettings _settings;
    private readonly RiskProposalCalculator _calculator;
    private readonly LoadedModel? _model;
    private DateOnly? _warnedDay;

    /// <param name="model">The loaded <c>mrms</c> model; null runs on the fallback.</param>
    /// <param name="symbol">The instrument this manager sizes (its pipeline's); null: the first of settings.symbols.</param>
    public RiskManager(AlgoSpaceSettings settings, LoadedModel? model, string? symbol = null)
    {
        _settings = settings;
        var instruments = new InstrumentTable(settings.Instruments);
        _calculator = new RiskProposalCalculator(settings.MRms, settings.RiskManagement.MaxDailyLoss, instruments);
        _model = model is { IsLoaded: true } ? model : null;
        var pointValue = instruments.Find(symbol ?? settings.Symbols.FirstOrDefault() ?? "")?.PointValue ?? 0;
        Ledger = new AccountLedger(settings.Backtesting.InitialCapital, pointValue, settings.MRms.MaxOutcomeHistory);
    }

    public AccountLedger Ledger { get; }

    /// <summary>Why the last proposal fell back, when it did because the model failed; null otherwise.</summary>
    public string? LastModelFailure { get; private set; }

    public RiskProposal Propose(TradeQualification qualification)
    {
        ArgumentNullException.ThrowIfNull(qualification);
        LastModelFailure = null;
        var (output, fallback) = RunModel(qualification);
        var day = DateOnly.FromDateTime(qualification.Timestamp);
        return _calculator.Propose(qualification, output, fallback, Ledger.Equity, Ledger.DayPnl(day), Ledger.OpenPositions);
    }

    /// <summary>Books the event; returns a DRAWDOWN_WARNING the first time in a simulation day that the day's realized
    /// P&amp;L reaches −max_daily_drawdown × equity (from then on every proposal of the day is rejected).</summary>
    public RiskBreachPayload? OnEvent(EventPayload payload)
    {
        switch (payload)
        {
            case TradeClosedPayload closed:
                Ledger.OnTradeClosed(closed);
                break;
            case PositionUpdatePayload update:
                Ledger.OnPositionUpdate(update);
                break;
            default:
                return null;
        }

        var limit = -_settings.MRms.MaxDailyDrawdown * Ledger.Equity;
        var dayPnl = Ledger.DayPnl(Ledger.Day);
        if (dayPnl > limit || _warnedDay == Ledger.Day) return null;

        _warnedDay = Ledger.Day;
        return new RiskBreachPayload("DRAWDOWN_WARNING",
            $"the day's realized P&L {dayPnl:F2} USD reached the daily drawdown limit {limit:F2} USD; new trades are rejected for the rest of {Ledger.Day:yyyy-MM-dd}",
            new Dictionary<string, string>
            {
                ["day"] = Ledger.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ["day_pnl"] = dayPnl.ToString("F2", System.Globalization.CultureInfo.InvariantCulture),
                ["limit"] = limit.ToString("F2", System.Globalization.CultureInfo.InvariantCulture),
                ["equity"] = Ledger.Equity.ToString("F2", System.Globalization.CultureInfo.InvariantCulture),
            });
    }

    public RiskManagerState SaveState() => new(Ledger.SaveState(), _warnedDay);

    public void RestoreState(RiskManagerState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        Ledger.RestoreState(state.Ledger);
        _warnedDay = state.WarnedDay;
    }

    private (RiskModelOutput Output, bool Fallback) RunModel(TradeQualification q)
    {
        if (_model is null) return (RiskModelOutput.Fallback, true);
        try
        {
            if (q.SynergyVector.Count != 30 || q.AccountStateVector.Count != 10)
            {
                throw new ArgumentException($"the qualification carries {q.SynergyVector.Count} synergy and {q.AccountStateVector.Count} account values, expected 30 and 10");
            }

            var input = q.SynergyVector.Concat(q.AccountStateVector).ToArray();
            return (RiskModelOutput.FromRaw(_model.Forward(input)), false);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or ObjectDisposedException or System.Runtime.InteropServices.ExternalException)
        {
            LastModelFailure = ex.Message;
            return (RiskModelOutput.Fallback, true);
        }
    }
}
