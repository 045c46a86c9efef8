namespace AlgoSpace.Grains.Components.Hosting;

/// <summary>
/// A warning that can recur on every event (a gap, a skipped input, a slow handler), logged without flooding the log:
/// the first occurrence in full by the caller, then only counted, with a summary (how many, the worst, the last) at
/// most once per <c>system.warning_summary_interval</c> and at <see cref="Flush"/>, when the component stops. The
/// summary carries the warning's own event id, so a search for the id finds both. Not thread-safe: a component
/// handles one event at a time.
/// </summary>
public sealed class RepeatedWarning
{
    private readonly ILogger _logger;
    private readonly Action<ILogger, string, long, double, string, string, Exception?> _summary;
    private readonly string _what;
    private readonly TimeSpan _interval;
    private readonly TimeProvider _time;
    private long _pending;
    private double _worstSeverity;
    private string _worst = "";
    private string _last = "";
    private DateTimeOffset _summarisedAt;

    /// <param name="logger">Where the summaries go.</param>
    /// <param name="eventId">The event id of the warning in full, which its summaries share.</param>
    /// <param name="what">What repeats, as the summary names it ("Bar gaps not filled").</param>
    /// <param name="interval">At most one summary per interval.</param>
    /// <param name="time">The clock (a fake one in tests).</param>
    public RepeatedWarning(ILogger logger, EventId eventId, string what, TimeSpan interval, TimeProvider? time = null)
    {
        _logger = logger;
        _what = what;
        _interval = interval;
        _time = time ?? TimeProvider.System;
        _summary = LoggerMessage.Define<string, long, double, string, string>(LogLevel.Warning, eventId,
            "{What}: {Count} more in the last {Seconds:F0} s; worst: {Worst}; last: {Last}");
    }

    /// <summary>Occurrences so far, the first included.</summary>
    public long Total { get; private set; }

    /// <summary>
    /// Counts one occurrence; <paramref name="detail"/> describes it and <paramref name="severity"/> ranks it (the
    /// summary names the worst by its detail). Returns true for the first occurrence, which the caller logs in full;
    /// a repeat returns false and is logged in a summary once <c>interval</c> has passed since the last line.
    /// </summary>
    public bool Occur(string detail, double severity = 0)
    {
        var now = _time.GetUtcNow();
        if (Total++ == 0)
        {
            _summarisedAt = now;
            return true;
        }

        if (_pending == 0 || severity > _worstSeverity)
        {
            _worstSeverity = severity;
            _worst = detail;
        }

        _pending++;
        _last = detail;
        if (now - _summarisedAt >= _interval) Summarise(now);
        return false;
    }

    /// <summary>Logs the repeats not yet summarised, if any (the component is stopping).</summary>
    public void Flush()
    {
        if (_pending > 0) Summarise(_time.GetUtcNow());
    }

    private void Summarise(DateTimeOffset now)
    {
        _summary(_logger, _what, _pending, (now - _summarisedAt).TotalSeconds, _worst, _last, null);
        _pending = 0;
        _summarisedAt = now;
    }
}
