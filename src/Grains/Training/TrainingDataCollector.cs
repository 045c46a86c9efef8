using AlgoSpace.Grains.Interfaces.Components.Calls;
using AlgoSpace.Grains.Interfaces.Events;

namespace AlgoSpace.Grains.Training;

/// <summary>
/// Watches a pipeline run (the in-process runner's envelope observer) and keeps what training needs: every
/// regime window (for the RDE autoencoder), every synergy with the matrices as of its features seq, and the
/// 5-minute bars (for the labels). Matrices are read through <paramref name="ask"/> (a direct call into the
/// assembler) at the moment the event is published: a SYNERGY_DETECTED is published after the assemblers have
/// applied the INDICATORS_READY that caused it, because routing delivers to them first.
/// </summary>
/// <param name="ask">Asks the assembler of a kind (matrix_assembler_30m, _5m, _regime) for its matrix.</param>
public sealed class TrainingDataCollector(Func<string, MatrixRequest, MatrixReply> ask)
{
    public const string Structure = "matrix_assembler_30m";
    public const string Tactical = "matrix_assembler_5m";
    public const string Regime = "matrix_assembler_regime";

    private readonly List<BarPayload> _bars = [];
    private readonly List<float[]> _regimeWindows = [];
    private readonly List<SynergySample> _synergies = [];
    private long _lastFeaturesSeq = -1;

    public IReadOnlyList<BarPayload> Bars => _bars;
    public IReadOnlyList<float[]> RegimeWindows => _regimeWindows;
    public IReadOnlyList<SynergySample> Synergies => _synergies;

    /// <summary>INDICATORS_READY events carrying each raw signal (before the detector's thresholds): a run without
    /// synergies says here which signal never came.</summary>
    public (int Mlmi, int Nwrqk, int FvgMitigation) RawSignals { get; private set; }

    /// <summary>Synergies left out because an assembler was not ready yet (the core would have rejected them too).</summary>
    public int SynergiesNotReady { get; private set; }

    public void Observe(EventEnvelope envelope)
    {
        switch (envelope.Payload)
        {
            case BarPayload { Timeframe: 5 } bar:
                _bars.Add(bar);
                break;
            case IndicatorsReadyPayload features:
                CountSignals(features);
                if (features.Trigger != IndicatorsReadyPayload.Trigger30m) break;
                // Published before the assemblers apply it, so the window read here is the previous 30m row's:
                // every window is still collected once, one event late.
                CollectRegimeWindow(features.Seq - 1);
                break;
            case SynergyDetectedPayload synergy:
                CollectSynergy(synergy);
                break;
        }
    }

    private void CountSignals(IndicatorsReadyPayload features)
    {
        var (mlmi, nwrqk, fvg) = RawSignals;
        var thirty = features.Trigger == IndicatorsReadyPayload.Trigger30m;
        RawSignals = (mlmi + (thirty && features.Features30m.MlmiSignal != 0 ? 1 : 0),
            nwrqk + (thirty && features.Features30m.NwrqkSignal != 0 ? 1 : 0),
            fvg + (features.Fvg.MitigationSignal ? 1 : 0));
    }

    private void CollectRegimeWindow(long asOfSeq)
    {
        if (asOfSeq <= _lastFeaturesSeq) return;
        var reply = ask(Regime, new MatrixRequest(asOfSeq));
        if (!reply.Ready) return;
        _lastFeaturesSeq = asOfSeq;
        _regimeWindows.Add(reply.Values);
    }

    private void CollectSynergy(SynergyDetectedPayload synergy)
    {
        var request = new MatrixRequest(synergy.FeaturesSeq);
        var structure = ask(Structure, request);
        var tactical = ask(Tactical, request);
        var regime = ask(Regime, request);
        if (!structure.Ready || !tactical.Ready || !regime.Ready)
        {
            SynergiesNotReady++;
            return;
        }

        // The decision is taken at the synergy's time (a 5-minute close); the trade lives in the bars after it.
        _synergies.Add(new SynergySample(synergy, structure.Values, tactical.Values, regime.Values, _bars.Count));
    }
}
