using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Interfaces.Events;

namespace AlgoSpace.Grains.Components.Indicators;

/// <summary>
/// The indicator engine's logic (component-contracts 2.3), without Orleans. FVG and the 5m statistics run on every
/// 5-minute bar; Heiken Ashi, MLMI, NW-RQK, LVN, MMD and the 30m statistics on every 30-minute bar.
/// Emission: exactly one INDICATORS_READY per 5m bar, with seq = the 5m bar index. A bar closing inside a 30-minute
/// bucket is published at once (trigger "5m") with the latest 30m features; one closing on a 30-minute boundary waits
/// for the 30m bar with the same close time (the bar generator publishes it right after) and is published after the
/// 30m path (trigger "30m"). Nothing is published before the first 30m bar. If the 30m bar never comes (the next 5m
/// bar or a later 30m bar arrives first), the waiting bar is published as "5m" with a warning.
/// A non-finite output is replaced by the previous value, with a warning.
/// </summary>
public sealed class FeatureEngine
{
    private static readonly long ThirtyMinuteTicks = TimeSpan.FromMinutes(30).Ticks;

    private readonly string _symbol;
    private readonly double _tickSize;
    private readonly FairValueGapTracker _fvg;
    private readonly FiveMinuteStatistics _fiveMinute = new();
    private readonly HeikenAshiConverter _heikenAshi = new();
    private readonly MlmiIndicator _mlmi;
    private readonly NwrqkIndicator _nwrqk;
    private readonly ThirtyMinuteStatistics _thirtyMinute = new();
    private readonly LvnProfile _lvn;
    private readonly MmdCalculator _mmd = new();

    private long _next5mIndex;
    private DateTime? _last5mStart;
    private DateTime? _last30mStart;
    private PendingFiveMinuteBar? _pending;
    private ThirtyMinuteFeatures _latest30m = ThirtyMinuteFeatures.Defaults;
    private IndicatorReadiness _ready = new(false, false, false, false);
    private ThirtyMinuteStats _latestStats = ThirtyMinuteStats.Zero;
    private FvgFeatures _lastFvg = FvgFeatures.None;
    private DerivedFeatures? _lastDerived;

    private List<IndicatorsReadyPayload>? _emitted;
    private List<string>? _warnings;

    public FeatureEngine(IndicatorsSettings settings, string symbol, double tickSize)
    {
        _symbol = symbol;
        _tickSize = tickSize;
        _fvg = new FairValueGapTracker(settings.Fvg);
        _mlmi = new MlmiIndicator(settings.Mlmi);
        _nwrqk = new NwrqkIndicator(settings.Nwrqk);
        _lvn = new LvnProfile(settings.Lvn, tickSize);
    }

    /// <summary>5m bars accepted so far (the next bar's seq).</summary>
    public long FiveMinuteBars => _next5mIndex;

    /// <summary>Whether a 5m bar is waiting for its 30m bar.</summary>
    public bool IsWaitingFor30MinBar => _pending is not null;

    public FeatureStep On5MinBar(BarPayload bar)
    {
        if (Refuse(bar, 5) is { } rejection) return new FeatureStep([], [], rejection);
        if (bar.Timestamp <= _last5mStart)
        {
            return new FeatureStep([], [$"5m bar {bar.Timestamp:O} is not after the last one ({_last5mStart:O}); ignored as a duplicate or out of order."], null);
        }

        _last5mStart = bar.Timestamp;
        if (_pending is { } waiting)
        {
            FlushUnmatched(waiting, $"the next 5m bar ({bar.Timestamp:O}) came first");
        }

        var fvg = GuardFvg(_fvg.Update(bar));
        _lastFvg = fvg;
        var (momentum, volumeRatio) = _fiveMinute.Update(bar);
        var snapshot = new PendingFiveMinuteBar(_next5mIndex++, bar, fvg, momentum, volumeRatio);

        if (bar.CloseTime.Ticks % ThirtyMinuteTicks == 0) _pending = snapshot;
        else if (_last30mStart is not null) Emit(snapshot, IndicatorsReadyPayload.Trigger5m);
        return Finish();
    }

    public FeatureStep On30MinBar(BarPayload bar)
    {
        if (Refuse(bar, 30) is { } rejection) return new FeatureStep([], [], rejection);
        if (bar.Timestamp <= _last30mStart)
        {
            return new FeatureStep([], [$"30m bar {bar.Timestamp:O} is not after the last one ({_last30mStart:O}); ignored as a duplicate or out of order."], null);
        }

        if (_pending is { } missed && missed.Bar.CloseTime < bar.CloseTime)
        {
            FlushUnmatched(missed, $"a later 30m bar ({bar.Timestamp:O}) came first");
        }

        Run30MinutePath(bar);
        _last30mStart = bar.Timestamp;

        if (_pending is { } waiting && waiting.Bar.CloseTime == bar.CloseTime)
        {
            _pending = null;
            Emit(waiting, IndicatorsReadyPayload.Trigger30m);
        }

        return Finish();
    }

    private string? Refuse(BarPayload bar, int timeframe)
    {
        if (bar.Timeframe != timeframe) return $"a {timeframe}m bar event carried a {bar.Timeframe}m bar ({bar.Symbol} {bar.Timestamp:O}).";
        if (!string.Equals(bar.Symbol, _symbol, StringComparison.Ordinal)) return $"{timeframe}m bar {bar.Timestamp:O} is for {bar.Symbol}; this engine computes {_symbol}.";
        if (!double.IsFinite(bar.Open) || !double.IsFinite(bar.High) || !double.IsFinite(bar.Low) || !double.IsFinite(bar.Close))
        {
            return $"{timeframe}m bar {bar.Symbol} {bar.Timestamp:O} has a non-finite price (O {bar.Open}, H {bar.High}, L {bar.Low}, C {bar.Close}).";
        }

        if (bar.High < bar.Low) return $"{timeframe}m bar {bar.Symbol} {bar.Timestamp:O} has high {bar.High} below low {bar.Low}.";
        return null;
    }

    private void Run30MinutePath(BarPayload bar)
    {
        var ha = _heikenAshi.Next(bar);
        var mlmi = _mlmi.Update(ha.Close);
        var nwrqk = _nwrqk.Update(ha.Close);
        var lvn = _lvn.Update(bar);
        var mmd = _mmd.Update(bar);
        var stats = _thirtyMinute.Update(bar);
        var where = bar.Timestamp;

        var mmdReady = mmd.Ready && mmd.Features.Length == ThirtyMinuteFeatures.MmdDimensions;
        if (mmd.Ready && !mmdReady) Warn($"MMD returned {mmd.Features.Length} values, not {ThirtyMinuteFeatures.MmdDimensions}, for the 30m bar starting {where:O}; defaults used.");
        var mmdFeatures = new double[ThirtyMinuteFeatures.MmdDimensions];
        if (mmdReady)
        {
            for (var i = 0; i < mmdFeatures.Length; i++)
            {
                var value = mmd.Features[i];
                // The key is only formatted for a warning: 23 strings per bar would be needless garbage.
                mmdFeatures[i] = double.IsFinite(value) ? value : Keep($"mmd_features[{i}]", value, _latest30m.MmdFeatures[i], where);
            }
        }

        var previous = _latest30m;
        _latest30m = new ThirtyMinuteFeatures(
            Keep("mlmi_value", mlmi.Value, previous.MlmiValue, where),
            Keep("mlmi_ma", mlmi.Ma, previous.MlmiMa, where),
            mlmi.Signal,
            Keep("nwrqk_value", nwrqk.Yhat1, previous.NwrqkValue, where),
            Keep("nwrqk_yhat2", nwrqk.Yhat2, previous.NwrqkYhat2, where),
            Keep("nwrqk_slope", nwrqk.Slope, previous.NwrqkSlope, where),
            nwrqk.Signal,
            lvn.Ready ? Keep("lvn_nearest_price", lvn.NearestPrice, previous.LvnNearestPrice, where) : 0,
            lvn.Ready ? Keep("lvn_nearest_strength", lvn.NearestStrength, previous.LvnNearestStrength, where) : 0,
            lvn.Ready ? Keep("lvn_distance_points", lvn.DistancePoints, previous.LvnDistancePoints, where) : 0,
            mmdFeatures);
        _ready = new IndicatorReadiness(mlmi.Ready, nwrqk.Ready, lvn.Ready, mmdReady);
        _latestStats = new ThirtyMinuteStats(
            Keep("volatility_30", stats.Volatility30, _latestStats.Volatility30, where),
            Keep("volume_profile_skew", stats.VolumeProfileSkew, _latestStats.VolumeProfileSkew, where),
            Keep("price_acceleration", stats.PriceAcceleration, _latestStats.PriceAcceleration, where),
            Keep("atr_14", stats.Atr14, _latestStats.Atr14, where));
    }

    private FvgFeatures GuardFvg(FvgFeatures fvg)
    {
        var where = _last5mStart ?? DateTime.MinValue;
        return fvg with
        {
            NearestLevel = Keep("fvg_nearest_level", fvg.NearestLevel, _lastFvg.NearestLevel, where),
            GapSize = Keep("fvg_gap_size", fvg.GapSize, _lastFvg.GapSize, where),
            GapSizePct = Keep("fvg_gap_size_pct", fvg.GapSizePct, _lastFvg.GapSizePct, where),
            BullishMitigatedSize = Keep("fvg_bullish_mitigated_size", fvg.BullishMitigatedSize, _lastFvg.BullishMitigatedSize, where),
            BullishMitigatedLevel = Keep("fvg_bullish_mitigated_level", fvg.BullishMitigatedLevel, _lastFvg.BullishMitigatedLevel, where),
            BearishMitigatedSize = Keep("fvg_bearish_mitigated_size", fvg.BearishMitigatedSize, _lastFvg.BearishMitigatedSize, where),
            BearishMitigatedLevel = Keep("fvg_bearish_mitigated_level", fvg.BearishMitigatedLevel, _lastFvg.BearishMitigatedLevel, where),
        };
    }

    private void FlushUnmatched(PendingFiveMinuteBar waiting, string reason)
    {
        _pending = null;
        var published = _last30mStart is not null;
        Warn($"5m bar {waiting.Bar.Timestamp:O} closes on a 30-minute boundary but no 30m bar closed with it: {reason}; "
            + (published ? "published with trigger 5m." : "not published (no 30m bar yet)."));
        if (published) Emit(waiting, IndicatorsReadyPayload.Trigger5m);
    }

    private void Emit(PendingFiveMinuteBar snapshot, string trigger)
    {
        var bar = snapshot.Bar;
        var where = bar.Timestamp;
        var previous = _lastDerived;
        var derived = new DerivedFeatures(
            bar.Close,
            bar.Volume,
            Keep("price_momentum_5", snapshot.Momentum5, previous?.PriceMomentum5 ?? 0, where),
            Keep("volume_ratio", snapshot.VolumeRatio, previous?.VolumeRatio ?? 1, where),
            _latestStats.Volatility30,
            _latestStats.VolumeProfileSkew,
            _latestStats.PriceAcceleration,
            _latestStats.Atr14,
            _ready.Mmd ? _latest30m.MmdFeatures[18] : 0,
            _tickSize);
        _lastDerived = derived;
        (_emitted ??= []).Add(new IndicatorsReadyPayload(
            _symbol, snapshot.Index, trigger, bar.CloseTime, bar.Timestamp, _last30mStart ?? DateTime.MinValue, bar.IsSynthetic,
            _ready, _latest30m, snapshot.Fvg, derived));
    }

    private double Keep(string key, double value, double previous, DateTime barStart)
    {
        if (double.IsFinite(value)) return value;
        Warn($"{key} was {value} for the bar starting {barStart:O}; the previous value {previous} is kept.");
        return previous;
    }

    private void Warn(string message) => (_warnings ??= []).Add(message);

    private FeatureStep Finish()
    {
        if (_emitted is null && _warnings is null) return FeatureStep.Nothing;
        var step = new FeatureStep(_emitted ?? [], _warnings ?? [], null);
        _emitted = null;
        _warnings = null;
        return step;
    }

    public FeatureEngineState SaveState() => new(
        _symbol, _next5mIndex, _last5mStart, _last30mStart, _pending,
        _fvg.SaveState(), _fiveMinute.SaveState(), _heikenAshi.SaveState(), _mlmi.SaveState(), _nwrqk.SaveState(),
        _thirtyMinute.SaveState(), _lvn.SaveState(), _mmd.SaveState(),
        _latest30m, _ready, _latestStats, _lastFvg, _lastDerived);

    public void RestoreState(FeatureEngineState state)
    {
        if (!string.Equals(state.Symbol, _symbol, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The indicator snapshot is for {state.Symbol}; this engine computes {_symbol}.", nameof(state));
        }

        _next5mIndex = state.Next5mIndex;
        _last5mStart = state.Last5mStart;
        _last30mStart = state.Last30mStart;
        _pending = state.Pending;
        _fvg.RestoreState(state.Fvg);
        _fiveMinute.RestoreState(state.FiveMinute);
        _heikenAshi.RestoreState(state.HeikenAshi);
        _mlmi.RestoreState(state.Mlmi);
        _nwrqk.RestoreState(state.Nwrqk);
        _thirtyMinute.RestoreState(state.ThirtyMinute);
        _lvn.RestoreState(state.Lvn);
        _mmd.RestoreState(state.Mmd);
        _latest30m = state.Latest30m;
        _ready = state.Ready;
        _latestStats = state.LatestStats;
        _lastFvg = state.LastFvg;
        _lastDerived = state.LastDerived;
    }
}
