namespace AlgoSpace.Grains.Components.Indicators;

/// <summary>
/// Wilder's RSI over n changes (component-contracts 2.3.3): the first average gain and loss are the means of the
/// first n changes, then avg ← (avg·(n−1) + x)/n. Ready once n changes have arrived. A window with no loss reads
/// 100 and one with no gain 0, as TradingView's ta.rsi (the indicator's origin) does, so a flat series is 100.
/// </summary>
public sealed class WilderRsi(int period)
{
    private double? _previous;
    private int _changes;
    private double _gain;
    private double _loss;

    public int Period { get; } = period >= 1 ? period : throw new ArgumentOutOfRangeException(nameof(period), period, "The RSI period must be at least 1.");

    public bool IsReady => _changes >= Period;

    /// <summary>The RSI after the latest value; 0 until ready.</summary>
    public double Value
    {
        get
        {
            if (!IsReady) return 0;
            if (_loss == 0) return 100;
            if (_gain == 0) return 0;
            return 100 - 100 / (1 + _gain / _loss);
        }
    }

    public double Add(double value)
    {
        if (_previous is { } previous)
        {
            var change = value - previous;
            var gain = Math.Max(change, 0);
            var loss = Math.Max(-change, 0);
            _changes++;
            if (_changes <= Period)
            {
                // The seed: running sums turned into means on the n-th change.
                _gain += gain;
                _loss += loss;
                if (_changes == Period)
                {
                    _gain /= Period;
                    _loss /= Period;
                }
            }
            else
            {
                _gain = (_gain * (Period - 1) + gain) / Period;
                _loss = (_loss * (Period - 1) + loss) / Period;
            }
        }

        _previous = value;
        return Value;
    }

    public WilderRsiState SaveState() => new(_previous, _changes, _gain, _loss);

    public void RestoreState(WilderRsiState state)
    {
        _previous = state.Previous;
        _changes = state.Changes;
        _gain = state.Gain;
        _loss = state.Loss;
    }
}

/// <summary>A Wilder RSI's accumulators: before the seed completes, Gain and Loss are running sums.</summary>
[GenerateSerializer, Immutable]
public sealed record WilderRsiState(
    [property: Id(0)] double? Previous,
    [property: Id(1)] int Changes,
    [property: Id(2)] double Gain,
    [property: Id(3)] double Loss);
