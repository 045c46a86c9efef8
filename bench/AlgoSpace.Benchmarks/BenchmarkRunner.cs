using System.Diagnostics;
using AlgoSpace.Benchmarks.Hops;
using AlgoSpace.Benchmarks.InProcess;
using AlgoSpace.Benchmarks.Pipeline;
using AlgoSpace.Benchmarks.Process;
using AlgoSpace.Benchmarks.Report;
using AlgoSpace.Benchmarks.Soak;

namespace AlgoSpace.Benchmarks;

/// <summary>
/// Runs every benchmark, side by side in one run, and returns the report. The entry point of the command line and
/// of the smoke test, which calls it in-process.
/// </summary>
public static class BenchmarkRunner
{
    public static async Task<BenchmarkReport> RunAsync(BenchmarkOptions options, TextWriter? progress = null)
    {
        progress ??= TextWriter.Null;
        var report = new BenchmarkReport { Options = options, Machine = MachineInfo.Current() };
        var started = Stopwatch.GetTimestamp();

        if (options.Soak)
        {
            await SoakBenchmark.RunAsync(options, report, progress);
            report.Elapsed = Stopwatch.GetElapsedTime(started);
            return report;
        }

        if (options.LiveLatency)
        {
            await LiveLatencyBenchmark.RunAsync(options.Data ?? PipelineLatencyBenchmark.DefaultDataFile, options.Rate, TimeSpan.FromSeconds(options.Seconds), report, progress);
            report.Elapsed = Stopwatch.GetElapsedTime(started);
            return report;
        }

        if (options.PipelineLatency)
        {
            await PipelineLatencyBenchmark.RunAsync(PipelineData(options), report, progress);
            report.Elapsed = Stopwatch.GetElapsedTime(started);
            return report;
        }

        // The silo process is built by the benchmark's own build (it references src/Silo); fail before measuring
        // anything if it is missing.
        await progress.WriteLineAsync($"silo: {SiloLocator.SiloAssembly}");

        await progress.WriteLineAsync($"hops: {options.Events:N0} events each after {options.Warmup:N0} warm-up");
        var broadcast = await BusHops.BroadcastAsync(options.Warmup, options.Events);
        var stream = await BusHops.StreamAsync(options.Warmup, options.Events);
        report.Hops.AddRange([broadcast[0], stream, .. broadcast.Skip(1), await ChannelHop.RunAsync(options.Warmup, options.Events)]);
        foreach (var hop in report.Hops) await progress.WriteLineAsync($"  {hop.Hop}: p50 {hop.P50Us:F1} µs, p99 {hop.P99Us:F1} µs, {hop.EventsPerSecond:N0}/s");

        await progress.WriteLineAsync($"heap: {options.HeapEvents:N0} events after {options.HeapWarmup:N0} warm-up");
        report.Heap.AddRange(await HeapBenchmark.RunAsync(options.HeapWarmup, options.HeapEvents));

        await progress.WriteLineAsync($"silo processes: {options.ProcessRuns} of each");
        report.Timings.AddRange(await ProcessBenchmarks.RunAsync(options.ProcessRuns, progress));

        if (options.Smoke)
        {
            // The full figures take minutes (--pipeline-latency); the smoke run checks that the benchmark runs.
            await PipelineLatencyBenchmark.RunAsync(PipelineData(options), report, progress);
            await LiveLatencyBenchmark.RunAsync(Path.Combine(SiloLocator.RepositoryRoot, "data", "sample", "ES-ticks-sample.csv"), options.Rate,
                TimeSpan.FromSeconds(options.Seconds), report, progress);
        }

        report.Elapsed = Stopwatch.GetElapsedTime(started);
        return report;
    }

    private static string PipelineData(BenchmarkOptions options) =>
        options.Data ?? (options.Smoke
            ? PipelineLatencyBenchmark.Head(Path.Combine(SiloLocator.RepositoryRoot, "data", "sample", "ES-ticks-sample.csv"), options.SmokePipelineTicks)
            : PipelineLatencyBenchmark.DefaultDataFile);
}
