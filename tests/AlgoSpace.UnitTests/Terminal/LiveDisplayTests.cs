using AlgoSpace.Silo.Terminal;

namespace AlgoSpace.Tests.Terminal;

public sealed class LiveDisplayTests
{
    private static readonly RunFigures Figures = new("run-1", "backtest", "file.csv", TimeSpan.Zero) { Components = 3 };

    [Fact]
    public void A_line_written_while_the_display_shows_goes_above_it_and_the_display_is_drawn_again_below()
    {
        var terminal = new StringWriter();
        var display = new LiveDisplay(terminal, () => 100);
        display.Show(Figures);
        var frame = terminal.ToString();
        var frameLines = frame.TrimEnd('\n').Split('\n').Length;
        terminal.GetStringBuilder().Clear();

        display.WriteAbove("12:00:00.000 warn: Something[1] happened");

        // Up over the frame's own lines, clear to the end of the screen, the line, the frame again.
        Assert.Equal($"\u001b[{frameLines}F\u001b[J12:00:00.000 warn: Something[1] happened\n{frame}", terminal.ToString());
    }

    [Fact]
    public void Once_closed_the_last_frame_stays_and_lines_are_written_plainly()
    {
        var terminal = new StringWriter();
        var display = new LiveDisplay(terminal, () => 100);
        display.Show(Figures);
        display.Close(Figures with { Components = 4 });
        Assert.False(display.Showing);
        var closed = terminal.ToString();
        Assert.Contains("4 running", closed, StringComparison.Ordinal);
        terminal.GetStringBuilder().Clear();

        display.WriteAbove("after");
        display.Show(Figures);

        Assert.Equal("after\n", terminal.ToString());
    }

    [Fact]
    public void Before_the_first_frame_a_line_is_written_plainly()
    {
        var terminal = new StringWriter();
        var display = new LiveDisplay(terminal, () => 100);

        display.WriteAbove("first");

        Assert.Equal("first\n", terminal.ToString());
        Assert.False(display.Showing);
    }
}
