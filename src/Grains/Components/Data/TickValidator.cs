using System.Globalization;

namespace AlgoSpace.Components.Data;

/// <summary>
/// The tick validation table of component-contracts 2.1, applied to each tick in file order:
/// <list type="bullet">
/// <item>price ≤ 0 or non-finite: reject;</item>
/// <item>timestamp before the last accepted tick's: reject (equal is allowed: several trades share a millisecond);</item>
/// <item>|price − median(last 100 accepted)| / median &gt; 5 %: reject; but when the last three consecutive
/// outliers agree within 0.5 % (their range is at most 0.5 % of the lowest), the price has really moved (a gap
/// at the open, a roll): the third is accepted and the window starts again from it;</item>
/// <item>volume &lt; 0 (of a tick otherwise accepted): set to 0 and warn.</item>
/// </list>
/// "Consecutive" counts the ticks that reach the outlier check: an accepted tick ends a run of outliers; a tick
/// rejected earlier (bad price, time going back) is not a price observation and neither extends nor ends it.
/// Its whole state is what <see cref="Snapshot"/> returns, so a resumed replay decides exactly as an unbroken one.
/// </summary>
public sealed class TickValidator
{
    public const int WindowSize = 100;
    public const double MaxDeviation = 0.05;
    public const double AgreementTolerance = 0.005;
    public const int AgreeingOutliers = 3;

    private readonly MedianWindow _window = new(WindowSize);
    private readonly List<double> _outliers = new(AgreeingOutliers);

    /// <summary>The timestamp of the last accepted tick.</summary>
    public DateTime? LastAccepted { get; private set; }

    /// <summary>Checks <paramref name="tick"/>, and on acceptance updates the window and sets a negative volume to 0.</summary>
    public TickVerdict Check(ref MarketTick tick)
    {
        var price = tick.Price;
        if (!double.IsFinite(price)) return Reject(RowIssueKind.NonFinitePrice, $"price {Format(price)} is not finite");
        if (price <= 0) return Reject(RowIssueKind.NonPositivePrice, $"price {Format(price)} is not positive");
        if (LastAccepted is { } last && tick.Timestamp < last)
        {
            return Reject(RowIssueKind.TimestampBeforeLast, $"timestamp {tick.Timestamp:yyyy-MM-dd HH:mm:ss.fff} is before the last accepted tick's {last:yyyy-MM-dd HH:mm:ss.fff}");
        }

        var levelShift = false;
        if (_window.Count > 0)
        {
            var median = _window.Median;
            var deviation = Math.Abs(price - median) / median;
            if (deviation > MaxDeviation)
            {
                if (!CompletesAgreeingOutliers(price))
                {
                    return Reject(RowIssueKind.PriceOutlier,
                        $"price {Format(price)} is {deviation:P1} from the median {Format(median)} of the last {_window.Count} accepted ticks (limit {MaxDeviation:P0})");
                }

                // Three agreeing outliers in a row: a new level, not bad data. Start the window from it.
                levelShift = true;
                _window.Clear();
            }
        }

        _outliers.Clear();
        _window.Add(price);
        LastAccepted = tick.Timestamp;
        if (tick.Volume >= 0) return new TickVerdict(null, null, false, levelShift);
        var detail = $"volume {tick.Volume} set to 0";
        tick = tick with { Volume = 0 };
        return new TickVerdict(null, detail, true, levelShift);
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

    public TickValidatorSnapshot Snapshot() => new(LastAccepted, _window.ToArray(), [.. _outliers]);

    public void Restore(TickValidatorSnapshot snapshot)
    {
        LastAccepted = snapshot.LastAccepted;
        _window.Restore(snapshot.Window.TakeLast(WindowSize));
        _outliers.Clear();
        _outliers.AddRange(snapshot.PendingOutliers.TakeLast(AgreeingOutliers - 1));
    }

    private static TickVerdict Reject(RowIssueKind kind, string detail) => new(kind, detail, false, false);

    private static string Format(double value) => value.ToString("0.########", CultureInfo.InvariantCulture);
}
