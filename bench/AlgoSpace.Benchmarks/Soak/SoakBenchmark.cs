using System.Diagnostics;
using System.Globalization;
using AlgoSpace.Benchmarks.Process;
using AlgoSpace.Benchmarks.Report;

namespace AlgoSpace.Benchmarks.Soak;

/// <summary>
/// The soak (docs/performance.md, "Soak"): many ticks through the whole pipeline in a real silo process with
/// checkpoints on, sampled every few seconds until the silo exits (<see cref="SoakProbe"/>). Writes the series
/// (soak.csv), the chart (soak.svg), the silo's output (silo.log), its settings and the summary (soak.md) to the out
/// folder, and judges each figure flat or growing after the warm-up (<see cref="SoakMeasure"/>).
/// Not a timed test: nothing here is a target, and the sampling interval is the benchmark's resolution.
/// </summary>
public static class SoakBenchmark
{
    private const double Mib = 1024 * 1024;
    private static readonly TimeSpan SigtermGrace = TimeSpan.FromMinutes(2);

    public static async Task RunAsync(BenchmarkOptions options, BenchmarkReport report, TextWriter progress)
    {
        if (options.Summarize is { } series)
        {
            report.Soak = await SummarizeAsync(Path.GetFullPath(series), options);
            return;
        }

        var outDir = Path.GetFullPath(options.OutDir ?? Path.Combine(SiloLocator.RepositoryRoot, "output", "bench", $"soak-{DateTime.Now:yyyyMMdd-HHmmss}"));
        Directory.CreateDirectory(outDir);
        var dataFile = options.Data is { } data ? Path.GetFullPath(data) : await SoakData.EnsureAsync(options.Ticks, progress);

        // The settings and the state folder live under output/ (the silo's path rules), one folder per process.
        var work = Path.Combine(SiloLocator.RepositoryRoot, "output", "bench", $"soak-work-{Environment.ProcessId}");
        var state = Path.Combine(work, "state");
        try
        {
            Directory.CreateDirectory(work);
            var settings = SoakSettings.Write(work, dataFile, options.SnapshotEveryBars, state);
            File.Copy(settings, Path.Combine(outDir, "settings.yaml"), overwrite: true);
            report.Soak = await SampleSiloAsync(options, dataFile, settings, state, outDir, progress);
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task<SoakResult> SampleSiloAsync(BenchmarkOptions options, string dataFile, string settings, string state, string outDir, TextWriter progress)
    {
        var seriesFile = Path.Combine(outDir, "soak.csv");
        var samples = new List<SoakSample>();
        var maxDuration = options.Smoke ? TimeSpan.FromMinutes(5) : TimeSpan.FromHours(4);
        await progress.WriteLineAsync($"soak: {dataFile}, snapshot_every_bars {options.SnapshotEveryBars}, a sample every {options.SampleSeconds} s, into {outDir}");

        using var silo = BenchSiloProcess.Start("--config", settings);
        using var probe = new SoakProbe(silo, state);
        await using (var series = new StreamWriter(seriesFile))
        {
            await series.WriteLineAsync(SoakSample.CsvHeader);
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.SampleSeconds));
            var printEvery = Math.Max(1, (int)(30 / options.SampleSeconds));
            var stopping = false;
            do
            {
                var elapsed = Stopwatch.GetElapsedTime(silo.StartedAt);
                if (await probe.SampleAsync(elapsed.TotalSeconds) is { } sample)
                {
                    samples.Add(sample);
                    await series.WriteLineAsync(sample.ToCsv());
                    await series.FlushAsync();
                    if (samples.Count % printEvery == 0) await progress.WriteLineAsync(Describe(sample));
                }

                if (!stopping && elapsed > maxDuration)
                {
                    await progress.WriteLineAsync($"soak: still running after {maxDuration}; SIGTERM");
                    silo.Signal(BenchSiloProcess.Sigterm);
                    stopping = true;
                }
            }
            while (!silo.HasExited && await timer.WaitForNextTickAsync());
        }

        var (_, exitCode) = await silo.WaitForExitAsync(SigtermGrace);
        await File.WriteAllTextAsync(Path.Combine(outDir, "silo.log"), silo.Output);
        var finalState = Directory.Exists(state)
            ? Directory.EnumerateFiles(state, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(f => (Path.GetRelativePath(state, f), new FileInfo(f).Length)).ToList()
            : [];

        var warmupEnd = samples.Count == 0 ? 0 : samples[Math.Min(samples.Count - 1, (int)Math.Ceiling(samples.Count * SoakMeasure.WarmupShare))].ElapsedSeconds;
        var chartFile = Path.Combine(outDir, "soak.svg");
        await File.WriteAllTextAsync(chartFile, SoakSvgWriter.Write(samples,
            $"Soak: {Path.GetFileName(dataFile)}, snapshot_every_bars {options.SnapshotEveryBars}, a sample every {options.SampleSeconds:0.##} s", warmupEnd));

        var metrics = probe.LastMetrics;
        var result = new SoakResult
        {
            DataFile = Path.GetRelativePath(SiloLocator.RepositoryRoot, dataFile),
            Ticks = samples.LastOrDefault(s => s.TicksPublished is not null)?.TicksPublished ?? 0,
            SnapshotEveryBars = options.SnapshotEveryBars,
            SampleSeconds = options.SampleSeconds,
            SeriesFile = seriesFile,
            ChartFile = chartFile,
            Samples = samples,
            Measures = Measures(samples),
            ExitCode = exitCode,
            Seconds = samples.Count == 0 ? 0 : samples[^1].ElapsedSeconds,
            WarmupEndSeconds = warmupEnd,
            Checkpoints = (long?)metrics?.Sum(SoakProbe.CheckpointsMetric, "_total"),
            CheckpointMsSum = metrics?.Sum(SoakProbe.CheckpointMsMetric, "_sum"),
            CheckpointMsMaxBound = metrics?.LargestBucketBound(SoakProbe.CheckpointMsMetric),
            DataHandlerEnd = silo.LastLine("Data handler reached the end of"),
            HeapNote = samples.Any(s => s.HeapBytes is not null) ? null : probe.HeapNote ?? "no /metrics read succeeded",
            FinalState = finalState,
        };
        await File.WriteAllTextAsync(Path.Combine(outDir, "soak.md"), result.ToMarkdown());
        foreach (var m in result.Measures) await progress.WriteLineAsync($"  {m.Name}: {m.AtWarmupEnd:F2} → {m.AtEnd:F2} {m.Unit}, slope {m.SlopePerMinute:+0.00;-0.00} per min: {m.Verdict}");
        return result;
    }

    /// <summary>Judges an existing series again (soak.csv) and redraws its chart beside it; no silo runs.</summary>
    private static async Task<SoakResult> SummarizeAsync(string seriesFile, BenchmarkOptions options)
    {
        var samples = (await File.ReadAllLinesAsync(seriesFile)).Skip(1).Where(r => r.Length > 0).Select(SoakSample.FromCsv).ToList();
        var warmupEnd = samples.Count == 0 ? 0 : samples[Math.Min(samples.Count - 1, (int)Math.Ceiling(samples.Count * SoakMeasure.WarmupShare))].ElapsedSeconds;
        var chartFile = Path.ChangeExtension(seriesFile, ".svg");
        await File.WriteAllTextAsync(chartFile, SoakSvgWriter.Write(samples, options.ChartTitle ?? $"Soak: {Path.GetFileName(seriesFile)}", warmupEnd));
        var last = samples.LastOrDefault(s => s.CheckpointsCommitted is not null);
        return new SoakResult
        {
            DataFile = seriesFile,
            Ticks = samples.LastOrDefault(s => s.TicksPublished is not null)?.TicksPublished ?? 0,
            SnapshotEveryBars = 0,
            SampleSeconds = 0,
            SeriesFile = seriesFile,
            ChartFile = chartFile,
            Samples = samples,
            Measures = Measures(samples),
            ExitCode = null,
            Seconds = samples.Count == 0 ? 0 : samples[^1].ElapsedSeconds,
            WarmupEndSeconds = warmupEnd,
            Checkpoints = last?.CheckpointsCommitted,
            CheckpointMsSum = last?.CheckpointMsSum,
            FinalState = [],
        };
    }

    private static List<SoakMeasure> Measures(IReadOnlyList<SoakSample> samples) =>
        new[]
        {
            SoakMeasure.From("RSS", "MiB", samples, s => s.RssBytes / Mib),
            SoakMeasure.From("Managed heap after the last GC", "MiB", samples, s => s.HeapBytes / Mib),
            SoakMeasure.From("GC committed memory", "MiB", samples, s => s.GcCommittedBytes / Mib),
            SoakMeasure.From("State folder size", "KiB", samples, s => s.StateBytes / 1024.0),
            SoakMeasure.From("State folder files", "files", samples, s => s.StateFiles),
            SoakMeasure.From("Open handles", "fds", samples, s => s.Handles),
            SoakMeasure.From("Threads", "threads", samples, s => s.Threads),
        }.OfType<SoakMeasure>().ToList();

    private static string Describe(SoakSample s) => string.Create(CultureInfo.InvariantCulture,
        $"  {s.ElapsedSeconds,6:F0} s: RSS {s.RssBytes / Mib:F0} MiB, heap {s.HeapBytes / Mib:F1} MiB, {s.Handles} fds, state {s.StateBytes / 1024.0:F0} KiB in {s.StateFiles} files, {s.TicksPublished:N0} ticks, {s.CheckpointsCommitted:N0} checkpoints, {s.Gen2Collections:N0} gen2 GCs");
}
