using System.Globalization;

namespace AlgoSpace.MarketData.Validation;

/// <summary>
/// The tick validation table of component-contracts 2.1, applied to each tick of a tick file in file order:
/// <list type="bullet">
/// <item>price ≤ 0 or non-finite: reject;</item>
/// <item>timestamp before the last accepted tick's: reject (equal is allowed: several trades share a millisecond);
/// more than data_handler.max_time_jump_hours before or after it: reject as an outlier, except the third of three
/// agreeing outliers ahead (<see cref="TimeJumpRule"/>);</item>
/// <item>|price − median(last 100 accepted)| / median &gt; 5 %: reject; but when the last three consecutive
/// outliers agree within 0.5 % (their range is at most 0.5 % of the lowest), the price has really moved (a gap
/// at the open, a roll): the third is accepted and the window starts again from it;</item>
/// <item>volume &lt; 0 (of a tick otherwise accepted): set to 0 and warn.</item>
/// </list>
/// "Consecutive" counts the ticks that reach the outlier check: an accepted tick ends a run of outliers; a tick
/// rejected earlier (bad price, time going back) is not a price observation and neither extends nor ends it.
/// A bar file is validated bar by bar instead (<see cref="CheckBar"/>, docs/architecture.md "Data validation"):
/// the same rules with the bar's four prices for the price checks, its start for the time check and its close
/// alone for the median rule, so the window holds closes; the ticks of an accepted bar are then only recorded
/// (<see cref="AcceptBarTick"/>). A bar's high and low are real prices, however far a fast bar takes them.
/// Its whole state is what <see cref="Snapshot"/> returns, so a resumed replay decides exactly as an unbroken one.
/// </summary>
public sealed class TickValidator
{
    public const int WindowSize = 100;
    public const double MaxDeviation = 0.05;
    public const double AgreementTolerance = 0.005;
    public const int AgreeingOutliers = 3;

    /// <summary>
    /// Seven days: above the longest real break between sessions (a four-day holiday weekend in ../shared/data), far
    /// below the years a mistyped date jumps.
    /// </summary>
    public const int DefaultMaxTimeJumpHours = 168;

    private readonly MedianWindow _window = new(WindowSize);
    private readonly TimeJumpRule _time;
    private readonly List<double> _outliers = new(AgreeingOutliers);
    private BarRange? _previousBar;

    /// <param name="maxTimeJump">data_handler.max_time_jump_hours; null takes its default.</param>
    public TickValidator(TimeSpan? maxTimeJump = null)
    {
        _time = new TimeJumpRule(maxTimeJump ?? TimeSpan.FromHours(DefaultMaxTimeJumpHours));
    }

    /// <summary>The largest step in time accepted from one tick to the next without confirmation.</summary>
    public TimeSpan MaxTimeJump => _time.Tolerance;

    /// <summary>Times an outlier time ahead was confirmed by three agreeing rows and accepted.</summary>
    public long TimeJumps { get; private set; }

    /// <summary>The timestamp of the last accepted tick.</summary>
    public DateTime? LastAccepted { get; private set; }

    /// <summary>Checks <paramref name="tick"/>, and on acceptance updates the window and sets a negative volume to 0.</summary>
    public TickVerdict Check(ref MarketTick tick)
    {
        var price = tick.Price;
        if (!double.IsFinite(price)) return Reject(RowIssueKind.NonFinitePrice, $"price {Format(price)} is not finite");
        if (price <= 0) return Reject(RowIssueKind.NonPositivePrice, $"price {Format(price)} is not positive");
        if (!CheckTime(tick.Timestamp, out var jump, out var late)) return late;
        if (!CheckMedian(price, "price", "accepted ticks", out var levelShift, out var outlier)) return RejectedOnPrice(tick.Timestamp, outlier);

        AcceptTime(tick.Timestamp, jump);
        if (tick.Volume >= 0) return new TickVerdict(null, null, false, levelShift);
        var detail = $"volume {tick.Volume} set to 0";
        tick = tick with { Volume = 0 };
        return new TickVerdict(null, detail, true, levelShift);
    }

    /// <summary>
    /// Checks a whole bar of a bar file: its four prices positive and finite, its start not before the last
    /// accepted tick (so a repeated or earlier bar, whose ticks would go back in time, is rejected), and its close
    /// within 5 % of the median of the last 100 accepted closes, unless the bar's low-high range overlaps the
    /// previous bar's (checked or rejected as an outlier) or three agreeing outliers make a level shift.
    /// OHLC consistency is checked by the parser. On acceptance only the close enters the window; the bar's ticks
    /// are then passed to <see cref="AcceptBarTick"/>.
    /// </summary>
    public TickVerdict CheckBar(in BarRow bar)
    {
        foreach (var (name, price) in (ReadOnlySpan<(string, double)>)[("open", bar.Open), ("high", bar.High), ("low", bar.Low), ("close", bar.Close)])
        {
            if (!double.IsFinite(price)) return Reject(RowIssueKind.NonFinitePrice, $"{name} {Format(price)} is not finite");
            if (price <= 0) return Reject(RowIssueKind.NonPositivePrice, $"{name} {Format(price)} is not positive");
        }

        if (!CheckTime(bar.Timestamp, out var jump, out var late)) return late;

        // A bar whose range overlaps the previous bar's traded continuously from where the market was: its close,
        // however far from the median, is a real move (a bar's analogue of three agreeing outliers).
        var continuous = _previousBar is { } previous && bar.Low <= previous.High && bar.High >= previous.Low;
        _previousBar = new BarRange(bar.Low, bar.High);
        if (!CheckMedian(bar.Close, "close", "accepted bar closes", out var levelShift, out var outlier, continuous)) return RejectedOnPrice(bar.Timestamp, outlier);
        AcceptTime(bar.Timestamp, jump);
        return new TickVerdict(null, null, false, levelShift);
    }

    /// <summary>Records a tick of a bar accepted by <see cref="CheckBar"/>: it moves the last accepted time only.</summary>
    public void AcceptBarTick(in MarketTick tick) => LastAccepted = tick.Timestamp;

    private bool CheckTime(DateTime timestamp, out bool jump, out TickVerdict rejection)
    {
        if (_time.Check(timestamp, LastAccepted, out jump, out var kind, out var detail))
        {
            rejection = default;
            return true;
        }

        rejection = Reject(kind, detail);
        return false;
    }

    private void AcceptTime(DateTime timestamp, bool jump)
    {
        _time.Accepted();
        if (jump) TimeJumps++;
        LastAccepted = timestamp;
    }

    private TickVerdict RejectedOnPrice(DateTime timestamp, TickVerdict outlier)
    {
        _time.RejectedLater(timestamp, LastAccepted);
        return outlier;
    }

    /// <summary>
    /// The median rule; on acceptance <paramref name="price"/> joins the window (false: <paramref name="outlier"/>
    /// says why). <paramref name="continuous"/> accepts an outlier as a level shift at once.
    /// </summary>
    private bool CheckMedian(double price, string name, string windowName, out bool levelShift, out TickVerdict outlier, bool continuous = false)
    {
        levelShift = false;
        outlier = default;
        if (_window.Count > 0)
        {
            var median = _window.Median;
            var deviation = Math.Abs(price - median) / median;
            if (deviation > MaxDeviation)
            {
                if (!continuous && !CompletesAgreeingOutliers(price))
                {
                    outlier = Reject(RowIssueKind.PriceOutlier,
                        $"{name} {Format(price)} is {deviation:P1} from the median {Format(median)} of the last {_window.Count} {windowName} (limit {MaxDeviation:P0})");
                    return false;
                }

                // Three agreeing outliers in a row: a new level, not bad data. Start the window from it.
                levelShift = true;
                _window.Clear();
            }
        }

        _outliers.Clear();
        _window.Add(price);
        return true;
    }

    /// <summary>
    /// Whether <paramref name="price"/> and the two outliers just before it agree; if not, it becomes the newest of
    /// the pending outliers (of which at most two are kept).
    /// </summary>
    private bool CompletesAgreeingOutliers(double price)
    {
        if (_outliers.Count == AgreeingOutliers - 1)
        {
            var low = Math.Min(price, _outliers.Min());
            var high = Math.Max(price, _outliers.Max());
            if ((high - low) / low <= AgreementTolerance) return true;
            _outliers.RemoveAt(0);
        }

        _outliers.Add(price);
        return false;
    }

    public TickValidatorSnapshot Snapshot() =>
        new(LastAccepted, _window.ToArray(), [.. _outliers], _previousBar?.Low, _previousBar?.High, [.. _time.Pending], TimeJumps);

    public void Restore(TickValidatorSnapshot snapshot)
    {
        LastAccepted = snapshot.LastAccepted;
        _window.Restore(snapshot.Window.TakeLast(WindowSize));
        _outliers.Clear();
        _outliers.AddRange(snapshot.PendingOutliers.TakeLast(AgreeingOutliers - 1));
        _previousBar = snapshot.PreviousBarLow is { } low && snapshot.PreviousBarHigh is { } high ? new BarRange(low, high) : null;
        _time.Restore(snapshot.PendingTimeOutliers ?? []);
        TimeJumps = snapshot.TimeJumps;
    }

    private static TickVerdict Reject(RowIssueKind kind, string detail) => new(kind, detail, false, false);

    private static string Format(double value) => value.ToString("0.########", CultureInfo.InvariantCulture);

    private readonly record struct BarRange(double Low, double High);
}
