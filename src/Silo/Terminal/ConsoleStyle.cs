using AlgoSpace.Grains.Interfaces.Configuration;

namespace AlgoSpace.Silo.Terminal;

/// <summary>How the silo's standard output is used (docs/console.md).</summary>
public enum ConsoleStyle
{
    /// <summary>A terminal: a live display at the bottom, warnings, errors and milestones above it, the full log in the run folder.</summary>
    Live,

    /// <summary>Redirected, in CI, a dumb terminal or --display plain: readable log lines and a progress line every few seconds.</summary>
    Lines,

    /// <summary>system.log_format json: one JSON object per line and nothing else, so that a collector can parse every line.</summary>
    Json,
}

/// <summary>What the command line's --display asked for.</summary>
public enum DisplayChoice
{
    Auto,
    Live,
    Plain,
}

public static class ConsoleStyles
{
    /// <summary>
    /// The style for this process. Auto picks the live display only where a person watches: stdout is a terminal
    /// that understands cursor movement (TERM is not "dumb") and no CI variable says a machine reads it. JSON logs
    /// are never mixed with a display's escape sequences, whatever was asked.
    /// </summary>
    public static ConsoleStyle Choose(LogFormat format, DisplayChoice choice, bool outputRedirected, Func<string, string?> environment)
    {
        if (format == LogFormat.Json) return ConsoleStyle.Json;
        return choice switch
        {
            DisplayChoice.Live => ConsoleStyle.Live,
            DisplayChoice.Plain => ConsoleStyle.Lines,
            _ when outputRedirected => ConsoleStyle.Lines,
            _ when IsSet(environment("CI")) => ConsoleStyle.Lines,
            _ when string.Equals(environment("TERM"), "dumb", StringComparison.Ordinal) => ConsoleStyle.Lines,
            _ => ConsoleStyle.Live,
        };
    }

    private static bool IsSet(string? value) =>
        !string.IsNullOrEmpty(value) && !value.Equals("false", StringComparison.OrdinalIgnoreCase) && value != "0";
}
