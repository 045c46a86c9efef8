namespace AlgoSpace.Grains.Reporting;

/// <summary>
/// Where a silo shows the end-of-run summary besides the log (the silo process's console). Registered by the
/// process that hosts a console; test clusters register none.
/// </summary>
public interface IRunReportSink
{
    void Show(string summary);
}
