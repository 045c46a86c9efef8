namespace AlgoSpace.Grains.Components.Synergy;

/// <summary>The three signal types, as named in SYNERGY_DETECTED's signal_sequence.</summary>
public static class SignalTypes
{
    public const string Mlmi = "mlmi";
    public const string Nwrqk = "nwrqk";
    public const string Fvg = "fvg";
}
