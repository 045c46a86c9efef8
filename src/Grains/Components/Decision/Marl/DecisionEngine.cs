using System.Diagnostics;
using System.Globalization;
using AlgoSpace.Grains.Components.Execution;
using AlgoSpace.Grains.Interfaces.Components.Calls;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Interfaces.Events;
using AlgoSpace.Grains.Models;
using static AlgoSpace.Grains.Interfaces.Events.EventTypes;

namespace AlgoSpace.Grains.Components.Decision.Marl;

/// <summary>
/// The Main MARL Core's flow (component-contracts 2.7) as plain logic: inputs through calls, embedders, the shared
/// policy under MC dropout, the risk proposal, the decision gate, the safety checks, and the resulting event.
/// Rejection stages: inputs that are not ready (matrix, regime) and a degraded core are gate2, like a policy or
/// gate refusal: gate 2 could not qualify the synergy. Any exception is stage error (the caller adds the
/// SYSTEM_ERROR). Daily counters follow the simulation date of the synergy.
/// </summary>
public sealed class DecisionEngine
{
    private readonly AlgoSpaceSettings _settings;
    private readonly DecisionModels? _models;
    private readonly string? _degradedReason;
    private readonly IComponentCalls _calls;
    private DateOnly _tradingDay;
    private int _dailyTrades;
    private long _decisions;
    private long _executions;
    private readonly string? _instrument;
    private readonly string _symbol;
    private long _rejections;

    // The ids decided on _tradingDay; null after restoring a state saved without them (see CountForgotten).
    private HashSet<string>? _executedToday = new(StringComparer.Ordinal);

    /// <param name="symbol">The instrument this engine decides for (its pipeline's); null: the first of settings.symbols.</param>
    public DecisionEngine(AlgoSpaceSettings settings, DecisionModels? models, string? degradedReason, IComponentCalls calls, string? symbol = null)
    {
        _settings = settings;
        _models = models;
        _degradedReason = models is null ? degradedReason ?? "models not loaded" : null;
        _calls = calls;
        _instrument = symbol;
        _symbol = symbol ?? settings.Symbols.FirstOrDefault() ?? "";
        var pointValue = new InstrumentTable(settings.Instruments).Find(_symbol)?.PointValue ?? 0;
        Ledger = new AccountLedger(settings.Backtesting.InitialCapital, pointValue, 20);
    }

    public AccountLedger Ledger { get; }

    public bool Degraded => _models is null;

    public long Executions => _executions;

    public long Rejections => _rejections;

    /// <summary>Decides one synergy: EXECUTE_TRADE or TRADE_REJECTED. Throws on unexpected failures (the caller reports them).</summary>
    public async Task<PublishedEvent> DecideAsync(SynergyDetectedPayload synergy, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(synergy);
        var started = Stopwatch.GetTimestamp();
        _decisions++;
        var day = DateOnly.FromDateTime(synergy.Timestamp);
        EnterTradingDay(day);
        if (_models is not { } models) return Reject(synergy, TradeRejectedPayload.StageGate2, [$"degraded: {_degradedReason}"], 0, null);
        CheckSynergy(synergy);

        var m30 = await MatrixAsync("matrix_assembler_30m", synergy.FeaturesSeq);
        var m5 = await MatrixAsync("matrix_assembler_5m", synergy.FeaturesSeq);
        var regime = await _calls.CallAsync<RegimeVectorReply>(ComponentDirectory.NameOfKind(_settings, "rde"), new RegimeVectorRequest(synergy.FeaturesSeq));
        var notReady = new List<string>();
        if (!m30.Ready) notReady.Add($"30m matrix not ready: {m30.Reason}");
        if (!m5.Ready) notReady.Add($"5m matrix not ready: {m5.Reason}");
        if (!regime.Valid) notReady.Add($"regime vector not valid: {regime.Reason}");
        if (notReady.Count > 0) return Reject(synergy, TradeRejectedPayload.StageGate2, notReady, 0, null);

        var u = Embed(models, m30.Values, m5.Values, regime.Vector, LvnVector.Build(synergy.MarketContext));
        var mc = _settings.MainMarlCore.McDropout;
        var verdict = McDropoutPolicy.Run(models.SharedPolicy, u, mc.NSamples, mc.Temperature, _settings.System.RunSeed, synergy.FeaturesSeq);
        if (!verdict.Qualifies(mc.ConfidenceThreshold))
        {
            return Reject(synergy, TradeRejectedPayload.StageGate2,
                [string.Create(CultureInfo.InvariantCulture, $"policy: p(QUALIFY) {verdict.Mean[0]:F4} (threshold {mc.ConfidenceThreshold}, p(PASS) {verdict.Mean[1]:F4})")],
                verdict.Mean[0], null);
        }

        var qualification = new TradeQualification(SynergyVector.Build(synergy), AccountStateVector.Build(Ledger), synergy.MarketContext.CurrentPrice,
            synergy.Direction > 0 ? TradeQualification.Long : TradeQualification.Short, synergy.MarketContext.Atr, synergy.Symbol, synergy.Timestamp,
            verdict.Mean[0], synergy.SynergyType);
        var proposal = (await _calls.CallAsync<RiskProposalReply>(ComponentDirectory.NameOfKind(_settings, "m_rms"), new RiskProposalRequest(qualification))).Proposal;

        var rho = RiskVector.Build(proposal, _settings.MRms.MaxPositionSize);
        var gate = Softmax(models.DecisionGate.Forward([.. u, .. rho]));
        var gateThreshold = _settings.MainMarlCore.DecisionGate.GateThreshold;
        if (!(gate[0] > gateThreshold))
        {
            return Reject(synergy, TradeRejectedPayload.StageGate2,
                [string.Create(CultureInfo.InvariantCulture, $"decision gate: p(EXECUTE) {gate[0]:F4} not above {gateThreshold}")], verdict.Mean[0], proposal);
        }

        var failures = SafetyChecks.Failures(_settings, _dailyTrades, Ledger.OpenPositions, Ledger.DayPnl(day), proposal);
        if (failures.Count > 0) return Reject(synergy, TradeRejectedPayload.StageSafety, failures, verdict.Mean[0], proposal);

        _executions++;
        _dailyTrades++;
        return Execute(synergy, proposal, verdict, gate[0], regime.Vector, started);
    }

    /// <summary>A new simulation day starts the daily trade count again.</summary>
    private void EnterTradingDay(DateOnly day)
    {
        if (day != _tradingDay)
        {
            _tradingDay = day;
            _dailyTrades = 0;
            _executedToday = new HashSet<string>(StringComparer.Ordinal);
        }
    }

    /// <summary>
    /// A closed trade of this core's instrument, decided on its trading day (or later) under an id it did not decide:
    /// after a live restore, an execution made between the checkpoint and the crash, which the account's journal tells
    /// again (the feed cannot replay what caused it). It counts toward the day's trades and the execution numbers, as
    /// it did before the crash, so the daily limit still holds and new ids do not reuse its number. In a run without a
    /// restore every closed trade is one this core decided, so nothing changes.
    /// </summary>
    private void CountForgotten(TradeClosedPayload closed)
    {
        if (closed.Symbol != _symbol || !ExecutionIds.TryParseDay(closed.ExecutionId, out var day) || day < _tradingDay) return;
        EnterTradingDay(day);
        if (_executedToday is null || !_executedToday.Add(closed.ExecutionId)) return;
        _executions++;
        _dailyTrades++;
    }

    /// <summary>
    /// The EXECUTE_TRADE for a synergy that passed every gate, numbered by the execution count the caller has just
    /// raised; its metadata carries the time the decision took since <paramref name="started"/>.
    /// </summary>
    private PublishedEvent Execute(SynergyDetectedPayload synergy, RiskProposal proposal, McDropoutResult verdict, double gate, float[] regime, long started)
    {
        var metadata = new DecisionMetadata(verdict.Mean[0], verdict.Std[0], gate,
            new McDropoutMetrics(verdict.MeanStd, verdict.MaxStd, verdict.Entropy), regime.Select(v => (double)v).ToArray(),
            Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        var executionId = ExecutionIds.Format(synergy.Timestamp, _executions, _instrument);
        _executedToday?.Add(executionId);
        var command = new ExecuteTradePayload(
            executionId,
            new TradeSpecification(synergy.Symbol, synergy.Direction, synergy.MarketContext.CurrentPrice, synergy.SynergyType),
            new RiskParameters(proposal.PositionSize, proposal.StopLossPrice, proposal.TakeProfitPrice, _settings.MRms.MaxBarsInTrade,
                proposal.RiskAmount, proposal.RewardAmount, new Dictionary<string, double>()),
            metadata,
            new TrackingData(proposal.RiskRewardRatio, (0.6 * proposal.RewardAmount) - (0.4 * proposal.RiskAmount), _decisions, _dailyTrades));
        return new PublishedEvent(ExecuteTrade, command, synergy.Timestamp);
    }

    /// <summary>Books a closed trade; every tenth closed trade returns a PERFORMANCE_UPDATE.</summary>
    public PerformanceUpdatePayload? OnTradeClosed(TradeClosedPayload closed)
    {
        CountForgotten(closed);
        Ledger.OnTradeClosed(closed);
        if (Ledger.TotalTrades % 10 != 0) return null;
        return new PerformanceUpdatePayload((int)Ledger.TotalTrades, Ledger.Wins / (double)Ledger.TotalTrades, Ledger.TotalNetPnl, Ledger.TotalNetPnl / Ledger.TotalTrades);
    }

    public void OnPositionUpdate(PositionUpdatePayload update) => Ledger.OnPositionUpdate(update);

    /// <summary>The TRADE_REJECTED for a synergy whose decision threw.</summary>
    public PublishedEvent ErrorRejection(SynergyDetectedPayload synergy, Exception error) =>
        Reject(synergy, TradeRejectedPayload.StageError, [$"{error.GetType().Name}: {error.Message}"], 0, null);

    public MarlState SaveState() => new(_tradingDay, _dailyTrades, _decisions, _executions, _rejections, Ledger.SaveState(),
        _executedToday?.Order(StringComparer.Ordinal).ToList());

    public void RestoreState(MarlState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        (_tradingDay, _dailyTrades, _decisions, _executions, _rejections) = (state.TradingDay, state.DailyTrades, state.Decisions, state.Executions, state.Rejections);
        _executedToday = state.ExecutedToday is { } ids ? new HashSet<string>(ids, StringComparer.Ordinal) : null;
        Ledger.RestoreState(state.Ledger);
    }

    public static string SynergyRef(SynergyDetectedPayload synergy) =>
        string.Create(CultureInfo.InvariantCulture, $"{synergy.SynergyType}@{synergy.FeaturesSeq}@{synergy.Timestamp:yyyy-MM-ddTHH:mm:ss}");

    private static float[] Embed(DecisionModels models, float[] m30, float[] m5, float[] regime, float[] lvn) =>
        Embed(models.StructureEmbedder, models.TacticalEmbedder, models.RegimeEmbedder, models.LvnEmbedder, m30, m5, regime, lvn);

    /// <summary>
    /// u = structure ‖ tactical ‖ regime ‖ lvn embeddings (component-contracts 2.7 step 2). Also used by training,
    /// which has the four embedders before it has the policy and the gate.
    /// </summary>
    public static float[] Embed(LoadedModel structure, LoadedModel tactical, LoadedModel regimeEmbedder, LoadedModel lvnEmbedder,
        float[] m30, float[] m5, float[] regime, float[] lvn) =>
        [.. structure.Forward(m30), .. tactical.Forward(m5), .. regimeEmbedder.Forward(regime), .. lvnEmbedder.Forward(lvn)];

    private async Task<MatrixReply> MatrixAsync(string kind, long asOfSeq) =>
        await _calls.CallAsync<MatrixReply>(ComponentDirectory.NameOfKind(_settings, kind), new MatrixRequest(asOfSeq));

    private PublishedEvent Reject(SynergyDetectedPayload synergy, string stage, IReadOnlyList<string> reasons, double consensus, RiskProposal? proposal)
    {
        _rejections++;
        var summary = proposal is null ? null : string.Create(CultureInfo.InvariantCulture,
            $"size {proposal.PositionSize}, stop {proposal.StopLossPrice}, target {proposal.TakeProfitPrice}, risk {proposal.RiskAmount:F2} USD, rr {proposal.RiskRewardRatio:F2}, rejected {proposal.Rejected}{(proposal.Fallback ? ", fallback" : "")}");
        return new PublishedEvent(TradeRejected, new TradeRejectedPayload(SynergyRef(synergy), stage, reasons, consensus, summary), synergy.Timestamp);
    }

    private static void CheckSynergy(SynergyDetectedPayload synergy)
    {
        if (synergy.Direction is not (1 or -1)) throw new ArgumentException($"synergy {SynergyRef(synergy)}: direction {synergy.Direction} is not +1 or -1");
        if (!(synergy.MarketContext.CurrentPrice > 0)) throw new ArgumentException($"synergy {SynergyRef(synergy)}: current price {synergy.MarketContext.CurrentPrice} is not positive");
    }

    private static double[] Softmax(float[] logits)
    {
        var max = logits.Max();
        var exp = logits.Select(l => Math.Exp(l - max)).ToArray();
        var total = exp.Sum();
        return exp.Select(e => e / total).ToArray();
    }
}
