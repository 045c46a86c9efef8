using AlgoSpace.Grains.Components.Hosting;
using Microsoft.Extensions.Logging;

namespace AlgoSpace.Tests.Components.Hosting;

public sealed class RepeatedWarningTests
{
    private readonly RecordingLogger _logger = new();
    private readonly ManualTime _time = new();

    private RepeatedWarning Warning() => new(_logger, new EventId(413), "Bar gaps not filled", TimeSpan.FromSeconds(60), _time);

    [Fact]
    public void The_first_occurrence_is_for_the_caller_to_log_and_repeats_are_only_counted_within_the_interval()
    {
        var warning = Warning();

        Assert.True(warning.Occur("gap 1", 5));
        for (var i = 2; i <= 50; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            Assert.False(warning.Occur($"gap {i}", i));
        }

        Assert.Empty(_logger.Entries);
        Assert.Equal(50, warning.Total);
    }

    [Fact]
    public void Repeats_are_summarised_once_per_interval_with_count_worst_and_last_under_the_warnings_event_id()
    {
        var warning = Warning();
        warning.Occur("gap 1", 5);
        _time.Advance(TimeSpan.FromSeconds(10));
        warning.Occur("gap 2 of 900 bars", 900);
        _time.Advance(TimeSpan.FromSeconds(10));
        warning.Occur("gap 3", 3);
        _time.Advance(TimeSpan.FromSeconds(40));
        warning.Occur("gap 4", 4);
        _time.Advance(TimeSpan.FromSeconds(1));
        warning.Occur("gap 5", 5);

        var summary = Assert.Single(_logger.Entries);
        Assert.Equal((LogLevel.Warning, 413), (summary.Level, summary.EventId));
        Assert.Equal("Bar gaps not filled: 3 more in the last 60 s; worst: gap 2 of 900 bars; last: gap 4", summary.Message);
    }

    [Fact]
    public void Flush_summarises_what_is_pending_and_nothing_when_nothing_is()
    {
        var warning = Warning();
        warning.Flush();
        Assert.Empty(_logger.Entries);

        warning.Occur("only once");
        warning.Flush();
        Assert.Empty(_logger.Entries);

        warning.Occur("again", 2);
        _time.Advance(TimeSpan.FromSeconds(5));
        warning.Flush();
        warning.Flush();

        var summary = Assert.Single(_logger.Entries);
        Assert.Equal("Bar gaps not filled: 1 more in the last 5 s; worst: again; last: again", summary.Message);
    }
}
