using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Silo.Terminal;

namespace AlgoSpace.Tests.Terminal;

public sealed class ConsoleStylesTests
{
    private static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void A_terminal_without_CI_gets_the_live_display()
    {
        Assert.Equal(ConsoleStyle.Live, ConsoleStyles.Choose(LogFormat.Console, DisplayChoice.Auto, outputRedirected: false, Environment(("TERM", "xterm-256color"))));
        Assert.Equal(ConsoleStyle.Live, ConsoleStyles.Choose(LogFormat.Console, DisplayChoice.Auto, outputRedirected: false, Environment(("CI", "false"))));
    }

    [Theory]
    [InlineData(true, null, null)]
    [InlineData(false, "true", null)]
    [InlineData(false, "1", null)]
    [InlineData(false, null, "dumb")]
    public void Redirected_output_CI_or_a_dumb_terminal_get_lines(bool redirected, string? ci, string? term)
    {
        var environment = Environment(("CI", ci!), ("TERM", term!));
        Assert.Equal(ConsoleStyle.Lines, ConsoleStyles.Choose(LogFormat.Console, DisplayChoice.Auto, redirected, environment));
    }

    [Fact]
    public void The_command_line_choice_wins_over_detection()
    {
        Assert.Equal(ConsoleStyle.Lines, ConsoleStyles.Choose(LogFormat.Console, DisplayChoice.Plain, outputRedirected: false, Environment()));
        Assert.Equal(ConsoleStyle.Live, ConsoleStyles.Choose(LogFormat.Console, DisplayChoice.Live, outputRedirected: true, Environment(("CI", "true"))));
    }

    [Theory]
    [InlineData(DisplayChoice.Auto)]
    [InlineData(DisplayChoice.Live)]
    [InlineData(DisplayChoice.Plain)]
    public void Json_logs_never_get_a_display(DisplayChoice choice)
    {
        Assert.Equal(ConsoleStyle.Json, ConsoleStyles.Choose(LogFormat.Json, choice, outputRedirected: false, Environment()));
    }
}
