using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Interfaces.Events;

namespace AlgoSpace.Grains.Components.Indicators;

/// <summary>
/// The LVN outputs of one 30-minute bar (component-contracts 2.3.5). Not ready: all zeros.
/// </summary>
/// <param name="Ready">The profile holds its full window of bars and has at least one low-volume node.</param>
/// <param name="NearestPrice">The LVN level nearest the close.</param>
/// <param name="NearestStrength">Its strength, 0-100 (<see cref="LvnStrength"/>).</param>
/// <param name="DistancePoints">|close - NearestPrice| in price points.</param>
public readonly record struct LvnResult(bool Ready, double NearestPrice, double NearestStrength, double DistancePoints);

/// <summary>
/// Low-volume nodes of the volume profile of the last <see cref="LvnSettings.VolumeProfileDays"/> 30-minute bars
/// (component-contracts 2.3.5). A level is an LVN when its volume is below (1 - StrengthThreshold)·POC; the one
/// nearest the close is reported with its distance and strength. The profile is rebuilt from the held bars on every
/// bar (20 bars × at most <see cref="VolumeProfile.MaxLevels"/> levels), so the state is just the bars.
/// </summary>
public sealed class LvnProfile
{
    private readonly int _profileBars;
    private readonly double _lvnFraction;
    private readonly double _tickSize;
    private readonly int _historyBars;
    private readonly Queue<BarPayload> _bars = new();
    private long _barCount;

    public LvnProfile(LvnSettings settings, double tickSize)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.VolumeProfileDays < 1) throw new ArgumentOutOfRangeException(nameof(settings), $"indicators.lvn.volume_profile_days must be at least 1, got {settings.VolumeProfileDays}.");
        if (settings.StrengthThreshold is < 0 or > 1 || double.IsNaN(settings.StrengthThreshold)) throw new ArgumentOutOfRangeException(nameof(settings), $"indicators.lvn.strength_threshold must be in [0, 1], got {settings.StrengthThreshold}.");
        if (!(tickSize > 0) || !double.IsFinite(tickSize)) throw new ArgumentOutOfRangeException(nameof(tickSize), $"The LVN profile needs a positive tick size, got {tickSize}.");
        _profileBars = settings.VolumeProfileDays;
        _lvnFraction = 1.0 - settings.StrengthThreshold;
        _tickSize = tickSize;
        // The strength looks at the last 50 bars and the close before them.
        _historyBars = Math.Max(_profileBars, LvnStrength.Window + 1);
    }

    public long BarCount => _barCount;

    public LvnResult Update(BarPayload bar30)
    {
        ValidateBar(bar30);
        _bars.Enqueue(bar30);
        if (_bars.Count > _historyBars) _bars.Dequeue();
        _barCount++;
        if (_barCount < _profileBars || _bars.Count < _profileBars) return default;
        return Evaluate([.. _bars]);
    }

    /// <summary>The profile of the last <see cref="LvnSettings.VolumeProfileDays"/> bars held; null before the first bar.</summary>
    public VolumeProfile? CurrentProfile() =>
        _bars.Count == 0 ? null : VolumeProfile.Build([.. _bars.Skip(Math.Max(0, _bars.Count - _profileBars))], _tickSize);

    public LvnProfileState SaveState() => new([.. _bars], _barCount);

    public void RestoreState(LvnProfileState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.BarCount < state.Bars.Count) throw new ArgumentException($"LVN state holds {state.Bars.Count} bars but counts only {state.BarCount}.", nameof(state));
        _bars.Clear();
        foreach (var bar in state.Bars.Skip(Math.Max(0, state.Bars.Count - _historyBars))) _bars.Enqueue(bar);
        _barCount = state.BarCount;
    }

    private LvnResult Evaluate(BarPayload[] held)
    {
        var profile = VolumeProfile.Build(held[^_profileBars..], _tickSize);
        var pocVolume = profile.Volumes[profile.PocLevel];
        var close = held[^1].Close;
        var nearest = -1;
        var nearestDistance = double.PositiveInfinity;
        var limit = _lvnFraction * pocVolume;
        // Ascending scan with a strict comparison: of two levels equally near the close, the lower one is kept.
        for (var level = 0; level < profile.LevelCount; level++)
        {
            if (!(profile.Volumes[level] < limit)) continue;
            var distance = Math.Abs(profile.PriceAt(level) - close);
            if (distance < nearestDistance)
            {
                nearest = level;
                nearestDistance = distance;
            }
        }
        // A profile with no low-volume node (flat, or all volume zero) has nothing to report: not ready, zeros.
        if (nearest < 0) return default;

        var price = profile.PriceAt(nearest);
        var strength = LvnStrength.Score(price, profile.Volumes[nearest], pocVolume, held);
        return new LvnResult(true, price, strength.Total, nearestDistance);
    }

    private static void ValidateBar(BarPayload bar)
    {
        ArgumentNullException.ThrowIfNull(bar);
        if (!double.IsFinite(bar.High) || !double.IsFinite(bar.Low) || !double.IsFinite(bar.Close) || bar.High < bar.Low)
        {
            throw new ArgumentException($"LVN: the {bar.Symbol} {bar.Timeframe}m bar at {bar.Timestamp:O} has bad prices (H {bar.High}, L {bar.Low}, C {bar.Close}).", nameof(bar));
        }
    }
}
