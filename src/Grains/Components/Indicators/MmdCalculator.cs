using AlgoSpace.Grains.Interfaces.Events;

namespace AlgoSpace.Grains.Components.Indicators;

/// <summary>The 23-value MMD vector of one 30-minute bar (component-contracts 2.3.6); all zeros until ready.</summary>
public sealed record MmdResult(bool Ready, double[] Features);

/// <summary>
/// The MMD feature vector (component-contracts 2.3.6) on 30-minute standard bars. Each bar gives a row
/// (r, ℓ, g, σ); the last 100 rows, robust-scaled per column, are compared by MMD with the seven reference regimes
/// of <see cref="MmdReferenceSet"/>, and bar statistics fill indices 7-22. Every output is recomputed from the last
/// 120 bars, so the state is just those bars.
/// </summary>
public sealed class MmdCalculator
{
    public const int FeatureCount = 23;

    /// <summary>Rows in the test sample.</summary>
    public const int TestRows = 100;

    /// <summary>Returns in the rolling volatility σ = std₂₀(r)·√(252·48).</summary>
    public const int VolatilityWindow = 20;

    /// <summary>
    /// Bars kept: the oldest of the 100 rows needs 20 returns for its σ, so 100 + 20 closes (spec 2.3 State: 120).
    /// </summary>
    public const int HistoryBars = TestRows + VolatilityWindow;

    /// <summary>
    /// First ready bar: rows start at bar 2 (the first return) and σ needs two returns, so the first complete row
    /// is bar 3 and the hundredth is bar 102.
    /// </summary>
    public const int ReadyBar = TestRows + 2;

    private static readonly double Annualisation = Math.Sqrt(252.0 * 48.0);

    private readonly IReadOnlyList<MmdReference> _references;
    private readonly Queue<BarPayload> _bars = new();
    private long _barCount;

    public MmdCalculator()
        : this(MmdReferenceSet.Default)
    {
    }

    /// <summary>With other references (tests); they must have <see cref="MmdReferenceSet.Dims"/> columns.</summary>
    public MmdCalculator(IReadOnlyList<MmdReference> references)
    {
        foreach (var reference in references)
        {
            if (reference.Dims != MmdReferenceSet.Dims) throw new ArgumentException($"Reference {reference.Name} has {reference.Dims} columns; MMD rows have {MmdReferenceSet.Dims}.", nameof(references));
        }
        if (references.Count != 7) throw new ArgumentException($"The MMD layout has 7 references, got {references.Count}.", nameof(references));
        _references = references;
    }

    public long BarCount => _barCount;

    public MmdResult Update(BarPayload bar30)
    {
        ValidateBar(bar30);
        _bars.Enqueue(bar30);
        if (_bars.Count > HistoryBars) _bars.Dequeue();
        _barCount++;
        if (_barCount < ReadyBar) return new MmdResult(false, new double[FeatureCount]);
        return new MmdResult(true, Compute([.. _bars]));
    }

    public MmdCalculatorState SaveState() => new([.. _bars], _barCount);

    public void RestoreState(MmdCalculatorState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.BarCount < state.Bars.Count) throw new ArgumentException($"MMD state holds {state.Bars.Count} bars but counts only {state.BarCount}.", nameof(state));
        _bars.Clear();
        foreach (var bar in state.Bars.Skip(Math.Max(0, state.Bars.Count - HistoryBars))) _bars.Enqueue(bar);
        _barCount = state.BarCount;
    }

    private double[] Compute(BarPayload[] bars)
    {
        var n = bars.Length;
        var closes = new double[n];
        var volumes = new double[n];
        for (var i = 0; i < n; i++)
        {
            closes[i] = bars[i].Close;
            volumes[i] = bars[i].Volume;
        }
        // returns[i] = r of bar i; returns[0] has no previous close and is never read.
        var returns = new double[n];
        for (var i = 1; i < n; i++) returns[i] = closes[i] / closes[i - 1] - 1.0;

        var rows = BuildRows(bars, closes, returns);
        var features = new double[FeatureCount];
        var test = RobustScaler.Scale(rows, MmdReferenceSet.Dims);
        for (var k = 0; k < _references.Count; k++) features[k] = MaximumMeanDiscrepancy.Mmd(test, _references[k]);

        var t = n - 1;
        Array.Copy(rows, (TestRows - 1) * MmdReferenceSet.Dims, features, 7, MmdReferenceSet.Dims);
        features[11] = Momentum(closes, 20);
        features[12] = Momentum(closes, 50);
        features[13] = volumes[t] / Math.Max(SampleStatistics.Mean(volumes.AsSpan(n - 20)), SampleStatistics.Epsilon);
        var last50 = returns.AsSpan(n - 50);
        features[14] = SampleStatistics.Skewness(last50);
        features[15] = SampleStatistics.ExcessKurtosis(last50);
        features[16] = Momentum(closes, 5);
        features[17] = Momentum(closes, 10);
        features[18] = SampleStatistics.SimpleRsi(closes, 14);
        features[19] = SampleStatistics.SampleStd(returns.AsSpan(n - 20)) /
            Math.Max(SampleStatistics.SampleStd(returns.AsSpan(n - 100)), SampleStatistics.Epsilon);
        features[20] = features[13];
        features[21] = returns[t] - returns[t - 1];
        features[22] = SampleStatistics.Mean(features.AsSpan(0, 7));
        for (var i = 0; i < FeatureCount; i++)
        {
            if (!double.IsFinite(features[i])) features[i] = 0.0;
        }
        return features;
    }

    /// <summary>The raw rows (r, ℓ, g, σ) of the last 100 bars, oldest first; a non-finite value becomes 0.</summary>
    private static double[] BuildRows(BarPayload[] bars, double[] closes, double[] returns)
    {
        var n = bars.Length;
        var rows = new double[TestRows * MmdReferenceSet.Dims];
        for (var row = 0; row < TestRows; row++)
        {
            var t = n - TestRows + row;
            var first = Math.Max(1, t - VolatilityWindow + 1);
            var values = rows.AsSpan(row * MmdReferenceSet.Dims, MmdReferenceSet.Dims);
            values[0] = returns[t];
            values[1] = Math.Log(closes[t] / closes[t - 1]);
            values[2] = (bars[t].High - bars[t].Low) / closes[t - 1];
            values[3] = SampleStatistics.SampleStd(returns.AsSpan(first, t - first + 1)) * Annualisation;
            for (var d = 0; d < values.Length; d++)
            {
                if (!double.IsFinite(values[d])) values[d] = 0.0;
            }
        }
        return rows;
    }

    /// <summary>C_t / C_(t-bars) - 1.</summary>
    private static double Momentum(double[] closes, int bars) => closes[^1] / closes[^(bars + 1)] - 1.0;

    private static void ValidateBar(BarPayload bar)
    {
        ArgumentNullException.ThrowIfNull(bar);
        if (!double.IsFinite(bar.Open) || !double.IsFinite(bar.High) || !double.IsFinite(bar.Low) || !double.IsFinite(bar.Close))
        {
            throw new ArgumentException($"MMD: the {bar.Symbol} {bar.Timeframe}m bar at {bar.Timestamp:O} has a non-finite price (O {bar.Open}, H {bar.High}, L {bar.Low}, C {bar.Close}).", nameof(bar));
        }
    }
}
