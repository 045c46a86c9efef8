using AlgoSpace.Reporting;

namespace AlgoSpace.Silo.Reporting;

/// <summary>Prints the end-of-run summary on the silo process's console, below the finished progress bar.</summary>
public sealed class ConsoleReportSink(ProgressMonitor progress) : IRunReportSink
{
    public void Show(string summary)
    {
        progress.Finish();
        Console.Out.Write("\n" + summary + "\n");
        Console.Out.Flush();
    }
}
