using AlgoSpace.Grains.Interfaces.Events;

namespace AlgoSpace.Grains.Components.Indicators;

/// <summary>
/// The derived statistics of 30-minute standard bars (component-contracts 2.3.7):
/// volatility_30 = 100·sample std of the last 30 returns C/C₋₁ − 1 (from two returns on);
/// volume_profile_skew = skewness of the last 20 volumes, clipped ±3 (from three bars on);
/// price_acceleration = the change between consecutive % returns, clipped ±5 (from three bars on);
/// atr_14 = Wilder's ATR: TR = max(H−L, |H−C₋₁|, |L−C₋₁|) (H−L on the first bar), seeded with the mean of the
/// first 14 TRs, then atr ← (atr·13 + TR)/14; 0 before the seed.
/// </summary>
public sealed class ThirtyMinuteStatistics
{
    public const int VolatilityWindow = 30;
    public const int SkewWindow = 20;
    public const int AtrPeriod = 14;
    private const double SkewClip = 3;
    private const double AccelerationClip = 5;

    private readonly RingBuffer _returns = new(VolatilityWindow);
    private readonly RingBuffer _volumes = new(SkewWindow);
    private double? _previousClose;
    private double? _previousPercentReturn;
    private int _trueRanges;
    private double _atr;

    public ThirtyMinuteStats Update(BarPayload bar)
    {
        var trueRange = bar.High - bar.Low;
        double acceleration = 0;
        if (_previousClose is { } previousClose)
        {
            trueRange = Math.Max(trueRange, Math.Max(Math.Abs(bar.High - previousClose), Math.Abs(bar.Low - previousClose)));
            var r = bar.Close / FeatureMath.NonZero(previousClose) - 1;
            _returns.Add(r);
            if (_previousPercentReturn is { } previousPercent)
            {
                acceleration = Math.Clamp(100 * r - previousPercent, -AccelerationClip, AccelerationClip);
            }

            _previousPercentReturn = 100 * r;
        }

        _previousClose = bar.Close;
        _volumes.Add(bar.Volume);
        AddTrueRange(trueRange);

        return new ThirtyMinuteStats(
            100 * FeatureMath.SampleStd(_returns),
            Math.Clamp(FeatureMath.Skewness(_volumes), -SkewClip, SkewClip),
            acceleration,
            _trueRanges >= AtrPeriod ? _atr : 0);
    }

    private void AddTrueRange(double trueRange)
    {
        _trueRanges++;
        if (_trueRanges < AtrPeriod) _atr += trueRange;
        else if (_trueRanges == AtrPeriod) _atr = (_atr + trueRange) / AtrPeriod;
        else _atr = (_atr * (AtrPeriod - 1) + trueRange) / AtrPeriod;
    }

    public ThirtyMinuteStatisticsState SaveState() =>
        new(_returns.ToArray(), _volumes.ToArray(), _previousClose, _previousPercentReturn, _trueRanges, _atr);

    public void RestoreState(ThirtyMinuteStatisticsState state)
    {
        _returns.Restore(state.Returns);
        _volumes.Restore(state.Volumes);
        _previousClose = state.PreviousClose;
        _previousPercentReturn = state.PreviousPercentReturn;
        _trueRanges = state.TrueRanges;
        _atr = state.Atr;
    }
}

/// <summary>The 30-minute derived statistics after one bar.</summary>
[GenerateSerializer, Immutable]
public sealed record ThirtyMinuteStats(
    [property: Id(0)] double Volatility30,
    [property: Id(1)] double VolumeProfileSkew,
    [property: Id(2)] double PriceAcceleration,
    [property: Id(3)] double Atr14)
{
    public static ThirtyMinuteStats Zero { get; } = new(0, 0, 0, 0);
}

/// <summary>The 30-minute statistics' windows (oldest first) and accumulators; before the ATR seed, Atr is the running TR sum.</summary>
[GenerateSerializer, Immutable]
public sealed record ThirtyMinuteStatisticsState(
    [property: Id(0)] IReadOnlyList<double> Returns,
    [property: Id(1)] IReadOnlyList<double> Volumes,
    [property: Id(2)] double? PreviousClose,
    [property: Id(3)] double? PreviousPercentReturn,
    [property: Id(4)] int TrueRanges,
    [property: Id(5)] double Atr);
