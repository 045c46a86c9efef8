using AlgoSpace.Grains.Interfaces.Configuration;

namespace AlgoSpace.Grains.Components.Indicators;

/// <summary>
/// Nadaraya-Watson estimate with a rational quadratic kernel on 30-minute Heiken Ashi closes
/// (component-contracts 2.3.4): K(i) = (1 + i²/(2rh²))^−r, ŷ_t = Σ y₍t−i₎K(i) / Σ K(i) for i = 0…min(t, L−1) with
/// L = max_lookback. yhat1 uses h, yhat2 h − lag. Ready from bar x₀ + 1 (26). The slope is yhat1's change in points
/// per bar; the signal is +1 on the bar yhat1 turns up (was falling, now rising) and −1 when it turns down.
/// The weights are computed once: the per-bar cost is two sums over at most L closes.
/// </summary>
public sealed class NwrqkIndicator
{
    private readonly double[] _weights1;
    private readonly double[] _weights2;
    private readonly RingBuffer _closes;
    private readonly int _x0;
    private double? _previousYhat1;
    private double? _previousSlope;

    public NwrqkIndicator(NwrqkSettings settings)
    {
        var h2 = settings.H - settings.Lag;
        if (h2 <= 0)
        {
            throw new ArgumentException($"indicators.nwrqk: h ({settings.H}) must exceed lag ({settings.Lag}) so that the second bandwidth is positive.", nameof(settings));
        }

        _closes = new RingBuffer(settings.MaxLookback);
        _weights1 = Weights(settings.H, settings.R, settings.MaxLookback);
        _weights2 = Weights(h2, settings.R, settings.MaxLookback);
        _x0 = settings.X0;
    }

    /// <summary>K(i) for i = 0…length−1.</summary>
    public static double[] Weights(double h, double r, int length)
    {
        var weights = new double[length];
        for (var i = 0; i < length; i++) weights[i] = Math.Pow(1 + (double)i * i / (2 * r * h * h), -r);
        return weights;
    }

    public NwrqkResult Update(double haClose)
    {
        _closes.Add(haClose);
        var yhat1 = Estimate(_weights1);
        var yhat2 = Estimate(_weights2);
        double? slope = _previousYhat1 is { } previous ? yhat1 - previous : null;
        var signal = 0;
        if (slope is { } s && _previousSlope is { } ps)
        {
            if (ps < 0 && s > 0) signal = 1;
            else if (ps > 0 && s < 0) signal = -1;
        }

        _previousYhat1 = yhat1;
        _previousSlope = slope;
        BarCount++;
        return BarCount > _x0 ? new NwrqkResult(true, yhat1, yhat2, slope ?? 0, signal) : NwrqkResult.NotReady;
    }

    /// <summary>30-minute closes seen (for readiness; the ring keeps only the last L).</summary>
    public long BarCount { get; private set; }

    private double Estimate(double[] weights)
    {
        double weighted = 0, total = 0;
        for (var i = 0; i < _closes.Count; i++)
        {
            weighted += _closes[i] * weights[i];
            total += weights[i];
        }

        return weighted / FeatureMath.NonZero(total);
    }

    public NwrqkState SaveState() => new(_closes.ToArray(), BarCount, _previousYhat1, _previousSlope);

    public void RestoreState(NwrqkState state)
    {
        _closes.Restore(state.Closes);
        BarCount = state.BarCount;
        _previousYhat1 = state.PreviousYhat1;
        _previousSlope = state.PreviousSlope;
    }
}

/// <summary>The NW-RQK outputs; zeros and no signal when not ready.</summary>
public readonly record struct NwrqkResult(bool Ready, double Yhat1, double Yhat2, double Slope, int Signal)
{
    public static NwrqkResult NotReady => new(false, 0, 0, 0, 0);
}

/// <summary>The last HA closes (oldest first), the bar count and yhat1's previous value and slope.</summary>
[GenerateSerializer, Immutable]
public sealed record NwrqkState(
    [property: Id(0)] IReadOnlyList<double> Closes,
    [property: Id(1)] long BarCount,
    [property: Id(2)] double? PreviousYhat1,
    [property: Id(3)] double? PreviousSlope);
