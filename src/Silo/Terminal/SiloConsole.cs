using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Silo.Logging;

namespace AlgoSpace.Silo.Terminal;

/// <summary>
/// Everything the silo process writes for people and collectors: the console in its style (<see cref="ConsoleStyle"/>),
/// the live display when there is one, and the run's full log file. One per process, created before the host so
/// that the host's own start-up is logged too.
/// </summary>
public sealed class SiloConsole : IDisposable
{
    private SiloConsole(ConsoleStyle style, LiveDisplay? display, RunLogFile logFile)
    {
        Style = style;
        Display = display;
        LogFile = logFile;
    }

    public ConsoleStyle Style { get; }

    /// <summary>The live display; null unless <see cref="Style"/> is <see cref="ConsoleStyle.Live"/>.</summary>
    public LiveDisplay? Display { get; }

    public RunLogFile LogFile { get; }

    public static SiloConsole Create(SystemSettings system, DisplayChoice choice, Func<string, string?> environment)
    {
        var style = ConsoleStyles.Choose(system.LogFormat, choice, Console.IsOutputRedirected, environment);
        var display = style == ConsoleStyle.Live ? new LiveDisplay(Console.Out, TerminalWidth) : null;
        return new SiloConsole(style, display, new RunLogFile(system.LogFormat, system.OutputDir));
    }

    public void Dispose()
    {
        Display?.Close();
        LogFile.Dispose();
    }

    private static int TerminalWidth()
    {
        try
        {
            return Console.WindowWidth > 0 ? Console.WindowWidth : 100;
        }
        catch (IOException)
        {
            return 100;
        }
    }
}
