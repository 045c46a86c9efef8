using AlgoSpace.Silo.Terminal;
using Microsoft.Extensions.Logging;

namespace AlgoSpace.Tests.Terminal;

public sealed class TerminalLogTests
{
    [Theory]
    [InlineData(LogLevel.Information, "AlgoSpace.Silo", 110, true)] // ready
    [InlineData(LogLevel.Information, "AlgoSpace.Grains.Kernel.Run.RunSequence", 240, true)] // a step of the run
    [InlineData(LogLevel.Information, "AlgoSpace.Grains.Components.ComponentHostGrain", 1004, false)] // per-N ticks
    [InlineData(LogLevel.Information, "AlgoSpace.Grains.Kernel.ComponentFleet", 202, false)] // component created
    [InlineData(LogLevel.Information, "Orleans.Runtime.Silo", 110, false)] // someone else's 110
    [InlineData(LogLevel.Debug, "AlgoSpace.Silo", 110, false)]
    [InlineData(LogLevel.Warning, "AlgoSpace.Grains.Components.ComponentHostGrain", 1005, true)]
    [InlineData(LogLevel.Warning, "Orleans.Runtime.Watchdog", 100150, true)]
    [InlineData(LogLevel.Error, "Microsoft.AspNetCore", 1, true)]
    public void The_terminal_shows_warnings_errors_and_milestones_only(LogLevel level, string category, int eventId, bool shown)
    {
        Assert.Equal(shown, TerminalLog.Shows(level, category, new EventId(eventId)));
    }

    [Fact]
    public void A_shown_line_is_written_above_the_display_in_its_level_colour()
    {
        var terminal = new StringWriter();
        using var provider = new TerminalLog(new LiveDisplay(terminal, () => 100));
        var logger = provider.CreateLogger("AlgoSpace.Test");

        logger.Log(LogLevel.Information, new EventId(202), "hidden", null, (s, _) => s);
        logger.Log(LogLevel.Warning, new EventId(7), "the feed is slow", null, (s, _) => s);

        var text = terminal.ToString();
        Assert.DoesNotContain("hidden", text, StringComparison.Ordinal);
        Assert.Matches(@"^\u001b\[33m\d\d:\d\d:\d\d\.\d{3} warn: AlgoSpace\.Test\[7\] the feed is slow\u001b\[0m\n$", text);
    }
}
