using AlgoSpace.Grains.Reporting;
using AlgoSpace.Silo.Terminal;

namespace AlgoSpace.Silo.Reporting;

/// <summary>
/// Prints the end-of-run summary table once on the silo process's console: below the live display's last frame
/// (updated with the report's own figures) on a terminal, after the log lines when redirected. With
/// system.log_format json, stdout carries only JSON lines (the kernel logs the report as an event), so nothing is
/// printed here.
/// </summary>
public sealed class ConsoleReportSink(SiloConsole console, RunMonitor monitor) : IRunReportSink
{
    public void Show(RunReport report, string folder, string summary)
    {
        if (console.Style == ConsoleStyle.Json) return;
        console.Display?.Close(Final(monitor.Figures, report));
        var log = console.LogFile.Path is { } path ? $"  {"Log",-18}{path}\n" : "";
        Console.Out.Write("\n" + summary + log + "\n");
        Console.Out.Flush();
    }

    /// <summary>The display's figures as the report has them: the replay done, the trades counted to the end.</summary>
    private static RunFigures? Final(RunFigures? figures, RunReport report)
    {
        if (figures is null) return null;
        if (figures.Replay is { } replay && report.Complete)
        {
            figures = figures with { Replay = replay with { Complete = true, Ticks = report.Input?.Ticks ?? replay.Ticks }, Pace = (figures.Pace.Rate, TimeSpan.Zero) };
        }

        return report.Performance?.Statistics is { } s
            ? figures with { Trading = new TradingFigures(s.Trades, s.NetPnl, s.FinalEquity, s.MaxDrawdown, s.MaxDrawdownPercent) }
            : figures;
    }
}
