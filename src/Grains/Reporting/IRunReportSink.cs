namespace AlgoSpace.Grains.Reporting;

/// <summary>
/// Where a silo shows the end-of-run summary besides the log (the silo process's console). Registered by the
/// process that hosts a console; test clusters register none.
/// </summary>
public interface IRunReportSink
{
    /// <summary>Shows <paramref name="summary"/> (the table of <paramref name="report"/>, written to <paramref name="folder"/>).</summary>
    void Show(RunReport report, string folder, string summary);
}
