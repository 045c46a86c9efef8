
namespace AlgoSpace.MarketData.Validation;

/// <summary>
/// The time half of tick validation (docs/architecture.md "Data validation"): a row's time may not go back before
/// the last accepted tick's, and may not jump implausibly far ahead of it. A time more than the tolerance
/// (data_handler.max_time_jump_hours) ahead is an outlier, rejected, unless it is the third of three consecutive
/// outliers that agree (each no earlier than the one before and all within the tolerance of the first): then the
/// data really resumed later (missing days, a long halt) and the third is accepted, as the price rule accepts a
/// level shift. So one mistyped date (years ahead) is rejected instead of becoming the time every later good row is
/// "before", while a real weekend or holiday (shorter than the tolerance) passes untouched. A time going back by
/// more than the tolerance is rejected as an outlier too (it says more than "out of order").
/// "Consecutive" counts the rows that reach this check: an accepted tick ends a run of outliers.
/// </summary>
public sealed class TimeJumpRule
{
    private readonly List<DateTime> _pending = new(TickValidator.AgreeingOutliers - 1);

    /// <param name="tolerance">The largest plausible step from one accepted tick to the next; positive.</param>
    public TimeJumpRule(TimeSpan tolerance)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(tolerance, TimeSpan.Zero);
        Tolerance = tolerance;
    }

    public TimeSpan Tolerance { get; }

    /// <summary>Outlier times waiting for agreement, oldest first (at most two).</summary>
    public IReadOnlyList<DateTime> Pending => _pending;

    /// <summary>
    /// Whether <paramref name="time"/> may follow <paramref name="last"/> (the last accepted time). False:
    /// <paramref name="kind"/> and <paramref name="detail"/> say why, and an ahead outlier is remembered for agreement.
    /// True with <paramref name="jumpConfirmed"/>: the third of three agreeing outliers.
    /// Nothing else changes until <see cref="Accepted"/> (the row may still fail on its price).
    /// </summary>
    public bool Check(DateTime time, DateTime? last, out bool jumpConfirmed, out RowIssueKind kind, out string detail)
    {
        jumpConfirmed = false;
        kind = default;
        detail = "";
        if (last is not { } previous) return true;
        if (time < previous)
        {
            var back = previous - time;
            kind = back > Tolerance ? RowIssueKind.TimestampOutlier : RowIssueKind.TimestampBeforeLast;
            detail = back > Tolerance
                ? $"timestamp {Format(time)} is {Describe(back)} before the last accepted tick's {Format(previous)} (limit {Describe(Tolerance)}, data_handler.max_time_jump_hours)"
                : $"timestamp {Format(time)} is before the last accepted tick's {Format(previous)}";
            return false;
        }

        var ahead = time - previous;
        if (ahead <= Tolerance) return true;
        if (CompletesAgreement(time))
        {
            jumpConfirmed = true;
            return true;
        }

        kind = RowIssueKind.TimestampOutlier;
        detail = $"timestamp {Format(time)} is {Describe(ahead)} after the last accepted tick's {Format(previous)} (limit {Describe(Tolerance)}, data_handler.max_time_jump_hours); "
            + $"accepted only when {TickValidator.AgreeingOutliers} consecutive rows agree";
        return false;
    }

    /// <summary>A row passed every check: a run of outliers ends.</summary>
    public void Accepted() => _pending.Clear();

    /// <summary>A row that passed this check but failed on its price still counts as an outlier of time, if it was one.</summary>
    public void RejectedLater(DateTime time, DateTime? last)
    {
        if (last is { } previous && time - previous > Tolerance) Remember(time);
    }

    public void Restore(IEnumerable<DateTime> pending)
    {
        _pending.Clear();
        _pending.AddRange(pending.TakeLast(TickValidator.AgreeingOutliers - 1));
    }

    /// <summary>
    /// Whether <paramref name="time"/> and the two pending outliers agree; if not, the pending ones that disagree
    /// with it are dropped and it becomes the newest pending outlier.
    /// </summary>
    private bool CompletesAgreement(DateTime time)
    {
        if (_pending.Count == TickValidator.AgreeingOutliers - 1 && _pending.All(p => Agrees(p, time))) return true;
        Remember(time);
        return false;
    }

    private void Remember(DateTime time)
    {
        _pending.RemoveAll(p => !Agrees(p, time));
        if (_pending.Count == TickValidator.AgreeingOutliers - 1) _pending.RemoveAt(0);
        _pending.Add(time);
    }

    /// <summary>An earlier outlier agrees with a later one when time runs forward from it by no more than the tolerance.</summary>
    private bool Agrees(DateTime earlier, DateTime later) => later >= earlier && later - earlier <= Tolerance;

    private static string Format(DateTime time) => time.ToString("yyyy-MM-dd HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture);

    private static string Describe(TimeSpan span) => span.TotalDays >= 2
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{span.TotalDays:0.#} days")
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{span.TotalHours:0.#} hours");
}
