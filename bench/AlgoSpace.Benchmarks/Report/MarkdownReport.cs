using System.Globalization;
using System.Text;

namespace AlgoSpace.Benchmarks.Report;

/// <summary>Renders a report as Markdown tables: event hops, process start and shutdown, managed heap.</summary>
public static class MarkdownReport
{
    public static string Write(BenchmarkReport report)
    {
        var o = report.Options;
        var m = report.Machine;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Mode: {(o.Smoke ? "smoke" : "full")}; {m.Processors} processors, {m.Runtime}, {m.Gc} GC, {m.Os}; load average at start {m.LoadAverage}; run took {report.Elapsed.TotalSeconds:F0} s.");
        text.AppendLine();
        if (report.Hops.Count > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Event hops: one-way latency (send → handler start), each send awaited before the next; {o.Warmup:N0} warm-up events first. Throughput = events / elapsed.");
            text.AppendLine();
            text.AppendLine("| Hop | Events | p50 (µs) | p99 (µs) | max (µs) | Throughput (events/s) | Target | Met |");
            text.AppendLine("|---|---:|---:|---:|---:|---:|---|---|");
            foreach (var h in report.Hops)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"| {h.Hop} | {h.Events:N0} | {h.P50Us:F1} | {h.P99Us:F1} | {h.MaxUs:F1} | {h.EventsPerSecond:N0} | {h.Target} | {Met(h.Met)} |");
            }
        }

        if (report.Timings.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Real silo process (`dotnet src/Silo/bin/<configuration>/net10.0/AlgoSpace.Silo.dll`), test components as a plugin:");
            text.AppendLine();
            text.AppendLine("| Measurement | Runs (ms) | Median (ms) | Target | Met | Note |");
            text.AppendLine("|---|---|---:|---|---|---|");
            foreach (var t in report.Timings)
            {
                var runs = string.Join(", ", t.RunsMs.Select(r => r.ToString("F0", CultureInfo.InvariantCulture)));
                text.AppendLine(CultureInfo.InvariantCulture, $"| {t.Measurement} | {runs} | {t.MedianMs:F0} | {t.Target} | {Met(t.Met)} | {t.Note} |");
            }
        }

        if (report.Heap.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("| Managed heap (in-process silo, broadcast bus) | Events | After warm-up (MiB) | After the events (MiB) | Difference (KiB) | Target | Met |");
            text.AppendLine("|---|---:|---:|---:|---:|---|---|");
            foreach (var h in report.Heap)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"| {h.Measure} | {h.Events:N0} | {Mib(h.AfterWarmupBytes)} | {Mib(h.AfterEventsBytes)} | {h.DifferenceBytes / 1024.0:+0.0;-0.0;0.0} | {h.Target} | {Met(h.Met)} |");
            }
        }

        if (report.PipelineRuns.Count > 0) WritePipeline(report, text);
        if (report.Soak is { } soak) text.AppendLine().Append(soak.ToMarkdown());
        return text.ToString();
    }

    private static void WritePipeline(BenchmarkReport report, StringBuilder text)
    {
        text.AppendLine();
        text.AppendLine("Pipeline latency, the default job (settings/settings.yaml, committed models, memory persistence): from the data handler's publish of the NEW_TICK batch whose first tick closed a bar to the event it caused (same correlation id), nearest-rank percentiles.");
        text.AppendLine();
        text.AppendLine("| Runner | Data | Tick batches | Run (s) | Note |");
        text.AppendLine("|---|---|---:|---:|---|");
        foreach (var r in report.PipelineRuns)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {r.Runner} | {r.DataFile} | {r.TickBatches:N0} | {r.Seconds:F1} | {r.Note} |");
        }

        text.AppendLine();
        text.AppendLine("| Runner | Bar-closing NEW_TICK publish → | Samples | p50 (µs) | p99 (µs) | max (µs) | Target | Met |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---|---|");
        foreach (var p in report.Pipeline)
        {
            var figures = p.Samples == 0
                ? " | | | |"
                : string.Create(CultureInfo.InvariantCulture, $" | {p.P50Us:F0} | {p.P99Us:F0}{(p.P99IsMax ? " (= max: < 100 samples)" : "")} | {p.MaxUs:F0} |");
            text.AppendLine(CultureInfo.InvariantCulture, $"| {p.Runner} | {p.Stage} | {p.Samples:N0}{figures} {p.Target} | {Met(p.Met)} |");
        }
    }

    private static string Met(bool? met) => met switch { true => "yes", false => "**no**", null => "" };

    private static string Mib(long bytes) => (bytes / 1048576.0).ToString("F2", CultureInfo.InvariantCulture);
}
