using System.Globalization;
using AlgoSpace.Grains.Interfaces.Kernel;

namespace AlgoSpace.Client.Rendering;

/// <summary>How numbers, times and states read in every view (invariant culture: output is the same everywhere).</summary>
public static class Formats
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Money(double value) => value.ToString("#,##0.00;-#,##0.00;0.00", Invariant);

    /// <summary>P&amp;L with its sign always shown: +250.00, -12.50.</summary>
    public static string Pnl(double value) => value.ToString("+#,##0.00;-#,##0.00;0.00", Invariant);

    public static Tone PnlTone(double value) => value > 0 ? Tone.Good : value < 0 ? Tone.Bad : Tone.Normal;

    public static string Price(double value) => value.ToString("0.00###", Invariant);

    public static string Price(double? value) => value is { } v ? Price(v) : "-";

    public static string Count(long value) => value.ToString("#,##0", Invariant);

    public static string Rate(double perSecond) => perSecond.ToString(perSecond >= 100 ? "#,##0" : "0.0", Invariant);

    /// <summary>Microseconds as µs below a millisecond, ms above (ASCII "us" so plain output stays ASCII).</summary>
    public static string Latency(double microseconds) =>
        microseconds < 1000 ? $"{microseconds.ToString("0", Invariant)} us" : $"{(microseconds / 1000).ToString("0.00", Invariant)} ms";

    public static string Duration(TimeSpan span) =>
        span.TotalDays >= 1
            ? $"{(int)span.TotalDays}d {span:hh\\:mm\\:ss}"
            : span.ToString("hh\\:mm\\:ss", Invariant);

    public static string Utc(DateTime time) => time.ToString("yyyy-MM-dd HH:mm:ss'Z'", Invariant);

    public static Tone Of(SystemState state) => state switch
    {
        SystemState.Running or SystemState.Stopped => Tone.Good,
        SystemState.Degraded or SystemState.Stopping or SystemState.Switching or SystemState.Initializing or SystemState.Starting or SystemState.Recovering => Tone.Warning,
        SystemState.Faulted => Tone.Bad,
        _ => Tone.Normal,
    };

    public static Tone Of(ComponentState state) => state switch
    {
        ComponentState.Running => Tone.Good,
        ComponentState.Degraded => Tone.Warning,
        ComponentState.Failed => Tone.Bad,
        ComponentState.Stopped => Tone.Muted,
        _ => Tone.Normal,
    };
}
