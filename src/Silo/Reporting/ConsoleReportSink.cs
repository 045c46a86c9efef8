using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Reporting;

namespace AlgoSpace.Silo.Reporting;

/// <summary>
/// Prints the end-of-run summary on the silo process's console, below the finished progress bar. With
/// system.log_format json, stdout carries only JSON lines (the kernel logs the summary as an entry), so nothing is
/// printed here.
/// </summary>
public sealed class ConsoleReportSink(ProgressMonitor progress, AlgoSpaceSettings settings) : IRunReportSink
{
    public void Show(string summary)
    {
        progress.Finish();
        if (settings.System.LogFormat == LogFormat.Json) return;
        Console.Out.Write("\n" + summary + "\n");
        Console.Out.Flush();
    }
}
