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
        text.AppendLine(CultureInfo.InvariantCulture, $"Event hops: one-way latency (send → handler start), each send awaited before the next; {o.Warmup:N0} warm-up events first. Throughput = events / elapsed.");
        text.AppendLine();
        text.AppendLine("| Hop | Events | p50 (µs) | p99 (µs) | max (µs) | Throughput (events/s) | Target | Met |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---|---|");
        foreach (var h in report.Hops)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {h.Hop} | {h.Events:N0} | {h.P50Us:F1} | {h.P99Us:F1} | {h.MaxUs:F1} | {h.EventsPerSecond:N0} | {h.Target} | {Met(h.Met)} |");
        }

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

        text.AppendLine();
        text.AppendLine("| Managed heap (in-process silo, broadcast bus) | Events | After warm-up (MiB) | After the events (MiB) | Difference (KiB) | Target | Met |");
        text.AppendLine("|---|---:|---:|---:|---:|---|---|");
        foreach (var h in report.Heap)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {h.Measure} | {h.Events:N0} | {Mib(h.AfterWarmupBytes)} | {Mib(h.AfterEventsBytes)} | {h.DifferenceBytes / 1024.0:+0.0;-0.0;0.0} | {h.Target} | {Met(h.Met)} |");
        }

        return text.ToString();
    }

    private static string Met(bool? met) => met switch { true => "yes", false => "**no**", null => "" };

    private static string Mib(long bytes) => (bytes / 1048576.0).ToString("F2", CultureInfo.InvariantCulture);
}
