using System.Diagnostics;
using AlgoSpace.Grains.Interfaces.Components;
using AlgoSpace.Grains.Interfaces.Components.Calls;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Interfaces.Events;
using AlgoSpace.Grains.Interfaces.Kernel;
using AlgoSpace.Grains.Reporting;

namespace AlgoSpace.Grains.Kernel;

/// <summary>
/// The end-of-run report: the performance tracker's results, the bus counters and the data handler's counts,
/// written to the run folder, logged, and shown by the silo's report sinks (its console). A report that cannot be
/// produced is logged and does not stop the shutdown: the components' state is saved either way.
/// </summary>
public sealed partial class RunReporter(AlgoSpaceSettings settings, IKernelPorts ports, ComponentFleet fleet, RunRecord record, ILogger logger)
{
    /// <summary>When the running run began: the report's timing, and the operator's uptime.</summary>
    public DateTime StartedUtc { get; private set; } = DateTime.UtcNow;

    private long _startedTimestamp = Stopwatch.GetTimestamp();

    /// <summary>Whether this run's report has been written (once per run).</summary>
    public bool Reported { get; private set; }

    public void RunStarted()
    {
        (StartedUtc, _startedTimestamp) = (DateTime.UtcNow, Stopwatch.GetTimestamp());
    }

    public void NewRun() => (Reported, _carried) = (false, []);

    /// <summary>The bus counts of the hosts before a rebalance restored them (they count afresh from there), by component.</summary>
    private Dictionary<string, BusCounters> _carried = new(StringComparer.Ordinal);

    /// <summary>
    /// A rebalance is about to restore every host from the checkpoint it committed at this quiescent point, and nothing
    /// will be replayed: the counts so far are carried into the report, so that it counts as an uninterrupted run does.
    /// </summary>
    public void Carry(IEnumerable<BusCounters> counters) => _carried = Sum(_carried.Values.Concat(counters));

    /// <summary>The counts of each component added up, the carried ones included.</summary>
    private static Dictionary<string, BusCounters> Sum(IEnumerable<BusCounters> counters) =>
        counters.GroupBy(c => c.Component, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Aggregate((a, b) => new BusCounters(
            a.Component, a.Sent + b.Sent, a.Handled + b.Handled, a.Failed + b.Failed, Add(a.HandledByType, b.HandledByType),
            Add(a.HandledBySource, b.HandledBySource), a.Duplicates + b.Duplicates,
            a.PublishedByType is null && b.PublishedByType is null ? null : Add(a.PublishedByType ?? new Dictionary<string, long>(), b.PublishedByType ?? new Dictionary<string, long>()))),
            StringComparer.Ordinal);

    private static Dictionary<string, long> Add(IReadOnlyDictionary<string, long> a, IReadOnlyDictionary<string, long> b)
    {
        var sum = new Dictionary<string, long>(a, StringComparer.Ordinal);
        foreach (var (key, count) in b) sum[key] = sum.GetValueOrDefault(key) + count;
        return sum;
    }

    /// <summary>Writes the report unless it is written already; says where.</summary>
    public async Task<string> WriteOnceAsync(BacktestCompletePayload? complete)
    {
        if (Reported) return "already written";
        Reported = true;
        try
        {
            var runTime = Stopwatch.GetElapsedTime(_startedTimestamp);
            var counters = Sum(_carried.Values.Concat(await fleet.ReadCountersAsync())).Values;
            var (tracker, note, performance) = await AskTrackerAsync();
            var report = RunReportBuilder.Build(settings.InMode(record.Mode), tracker, note, performance, complete, counters,
                new RunTimingInput(record.State.RunId ?? "run", StartedUtc, DateTime.UtcNow, runTime));
            var folder = RunFolderWriter.Write(settings.System.OutputDir, report);
            var summary = RunSummaryTable.Format(report, folder);
            LogRunReport(logger, report, folder);
            foreach (var sink in ports.ReportSinks) sink.Show(report, folder, summary);
            return folder;
        }
        catch (Exception ex)
        {
            LogReportFailed(logger, settings.System.OutputDir, ex);
            return $"the report could not be written under {settings.System.OutputDir}: {ex.Message}";
        }
    }

    private async Task<(string? Tracker, string? Note, PerformanceReportReply? Reply)> AskTrackerAsync()
    {
        var tracker = fleet.OfRole(fleet.RequirePlan().ActivationOrder, ComponentRole.PerformanceTracker).FirstOrDefault();
        if (tracker is null) return (null, "no performance_tracker component is configured: no trades, equity or statistics", null);
        if (record.Component(tracker.Name) is { State: ComponentState.Failed } failed)
        {
            return (tracker.Name, $"{tracker.Name} failed to start ({failed.Reason}): no trades, equity or statistics", null);
        }

        try
        {
            var reply = await ports.Host(tracker.Name).CallAsync(new PerformanceReportRequest());
            return reply is PerformanceReportReply performance
                ? (tracker.Name, null, performance)
                : (tracker.Name, $"{tracker.Name} answered {reply.GetType().Name}, not a performance report", null);
        }
        catch (Exception ex)
        {
            return (tracker.Name, $"{tracker.Name} could not report: {ex.Message}", null);
        }
    }

    /// <summary>
    /// The report as one structured log event: its headline figures as fields a collector can query, the rest in
    /// report.json. People read the table, which the silo's console prints once (docs/console.md).
    /// </summary>
    private static void LogRunReport(ILogger logger, RunReport report, string folder)
    {
        var s = report.Performance?.Statistics;
        LogRunReport(logger, report.Timing.RunId, report.Mode, report.Complete, s?.Trades ?? 0, s?.NetPnl ?? 0, s?.FinalEquity ?? report.InitialCapital,
            s?.MaxDrawdown ?? 0, report.Input?.Ticks ?? 0, report.Timing.RunTime.TotalSeconds, folder);
    }

    [LoggerMessage(EventId = 1510, Level = LogLevel.Information, Message = "Run report of {RunId} ({Mode}, complete {Complete}): {Trades} trades, net P&L {NetPnl:F2}, final equity {FinalEquity:F2}, max drawdown {MaxDrawdown:F2}, {Ticks} ticks in {RunSeconds:F1} s; written to {Folder}")]
    private static partial void LogRunReport(ILogger logger, string runId, string mode, bool complete, int trades, double netPnl, double finalEquity,
        double maxDrawdown, long ticks, double runSeconds, string folder);

    [LoggerMessage(EventId = 1511, Level = LogLevel.Error, Message = "The run report could not be written under {OutputDir}")]
    private static partial void LogReportFailed(ILogger logger, string outputDir, Exception exception);
}
