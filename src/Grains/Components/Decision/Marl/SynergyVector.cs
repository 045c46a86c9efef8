using AlgoSpace.Grains.Interfaces.Events;

namespace AlgoSpace.Grains.Components.Decision.Marl;

/// <summary>
/// synergy_vector[30] of component-contracts 2.7, in the code's layout with its reserved constants. The three
/// per-signal triples (17-25) follow the order the signals arrived in (signal_sequence), as the code reads them;
/// the pattern type (0-3) says which order that was.
/// </summary>
public static class SynergyVector
{
    public const int Length = 30;

    private static readonly string[] Types = ["TYPE_1", "TYPE_2", "TYPE_3", "TYPE_4"];

    public static float[] Build(SynergyDetectedPayload synergy)
    {
        ArgumentNullException.ThrowIfNull(synergy);
        var v = new float[Length];
        var type = Array.IndexOf(Types, synergy.SynergyType);
        if (type >= 0) v[type] = 1;
        v[4] = synergy.Direction > 0 ? 1 : 0;
        v[5] = 1;
        var strengths = synergy.SignalStrengths;
        v[6] = (float)((strengths.Mlmi + strengths.Nwrqk + strengths.Fvg) / 3);
        var market = synergy.MarketContext;
        v[7] = (float)(market.Volatility / 50);
        v[8] = (float)(market.VolumeRatio / 2);
        v[9] = (float)(market.PriceMomentum5 / 10);
        v[10] = (float)(market.Rsi / 100);
        v[11] = (float)market.Spread;
        for (var i = 12; i <= 16; i++) v[i] = 0.5f;
        for (var s = 0; s < 3; s++)
        {
            var at = 17 + (3 * s);
            if (s >= synergy.SignalSequence.Count) continue;
            var signal = synergy.SignalSequence[s];
            v[at] = (float)NormalizedValue(signal);
            v[at + 1] = (float)signal.Strength;
            v[at + 2] = 1;
        }

        v[26] = 0.5f;
        v[27] = synergy.Metadata.BarsToComplete / 10f;
        v[28] = 1;
        v[29] = 0.5f;
        return v;
    }

    /// <summary>mlmi (v − 50)/50; nwrqk slope/2; fvg (size/price)/0.01.</summary>
    public static double NormalizedValue(SynergySignal signal) => signal.Type switch
    {
        "mlmi" => (signal.Value - 50) / 50,
        "nwrqk" => signal.Value / 2,
        "fvg" => signal.Value / 0.01,
        _ => 0,
    };
}
