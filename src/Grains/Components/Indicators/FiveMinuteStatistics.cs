using AlgoSpace.Grains.Interfaces.Events;

namespace AlgoSpace.Grains.Components.Indicators;

/// <summary>
/// The derived statistics of 5-minute bars (component-contracts 2.3.7): price_momentum_5 = 100(C/C₋₅ − 1) clipped
/// to ±10 (0 until six bars), and volume_ratio = V / EMA₀.₀₂(V), where the EMA starts at the first volume and already
/// includes the current bar (so the first ratio is 1).
/// </summary>
public sealed class FiveMinuteStatistics
{
    public const double VolumeEmaAlpha = 0.02;
    private const int MomentumBars = 5;
    private const double MomentumClip = 10;

    private readonly RingBuffer _closes = new(MomentumBars + 1);
    private double? _volumeEma;

    public (double Momentum5, double VolumeRatio) Update(BarPayload bar)
    {
        _closes.Add(bar.Close);
        var momentum = _closes.IsFull
            ? Math.Clamp(100 * (bar.Close / FeatureMath.NonZero(_closes[MomentumBars]) - 1), -MomentumClip, MomentumClip)
            : 0;
        var ema = _volumeEma is { } previous ? VolumeEmaAlpha * bar.Volume + (1 - VolumeEmaAlpha) * previous : bar.Volume;
        _volumeEma = ema;
        return (momentum, bar.Volume / FeatureMath.NonZero(ema));
    }

    public FiveMinuteStatisticsState SaveState() => new(_closes.ToArray(), _volumeEma);

    public void RestoreState(FiveMinuteStatisticsState state)
    {
        _closes.Restore(state.Closes);
        _volumeEma = state.VolumeEma;
    }
}

/// <summary>The last six 5-minute closes (oldest first) and the volume EMA.</summary>
[GenerateSerializer, Immutable]
public sealed record FiveMinuteStatisticsState(
    [property: Id(0)] IReadOnlyList<double> Closes,
    [property: Id(1)] double? VolumeEma);
