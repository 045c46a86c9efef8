using AlgoSpace.Benchmarks;
using AlgoSpace.Benchmarks.Soak;

namespace AlgoSpace.Tests.Benchmarks;

/// <summary>
/// The kernel benchmark (bench/AlgoSpace.Benchmarks, reported in docs/performance.md) in smoke mode, run through
/// its entry point in this process rather than with `dotnet run`: every figure must still be measured. Targets
/// are not asserted; they depend on the machine and its load.
/// </summary>
public sealed class BenchmarkSmokeTests
{
    private static readonly string[] Hops =
    [
        "AlgoSpace bus, transport broadcast",
        "AlgoSpace bus, transport stream",
        "Orleans broadcast channel alone",
        "Direct grain call",
        "System.Threading.Channels",
    ];

    private static readonly string[] Timings =
    [
        "Process.Start → \"AlgoSpace ready in\" line",
        "\"ready in N ms\" as the silo reports it",
        "Graceful shutdown: SIGTERM → exit",
        "Emergency shutdown: second SIGTERM → exit, recorder busy (slow_ms 3000)",
        "Emergency shutdown: second SIGTERM → exit, recorder busy (slow_ms 200)",
    ];

    [Fact]
    public async Task The_smoke_run_measures_every_row_with_positive_figures()
    {
        var report = await BenchmarkRunner.RunAsync(BenchmarkOptions.SmokeDefaults);

        Assert.Equal(Hops, report.Hops.Select(h => Hops.Single(name => h.Hop.StartsWith(name, StringComparison.Ordinal))));
        Assert.All(report.Hops, h =>
        {
            Assert.Equal(500, h.Events);
            Assert.True(h.P50Us > 0 && h.P99Us >= h.P50Us && h.MaxUs >= h.P99Us && h.EventsPerSecond > 0, h.ToString());
        });
        Assert.NotNull(report.Hops[0].Met);

        Assert.Equal(Timings, report.Timings.Select(t => Timings.Single(name => t.Measurement.StartsWith(name, StringComparison.Ordinal))));
        Assert.All(report.Timings, t => Assert.True(t.RunsMs.Count == 1 && t.RunsMs.All(ms => ms > 0), t.ToString()));
        Assert.Contains("exit codes 0", report.Timings[2].Note, StringComparison.Ordinal);
        Assert.All(report.Timings.Skip(3), t => Assert.StartsWith("exit codes 4;", t.Note, StringComparison.Ordinal));

        Assert.Equal(["GC.GetTotalMemory(true)", "GC.GetGCMemoryInfo().HeapSizeBytes"], report.Heap.Select(h => h.Measure));
        Assert.All(report.Heap, h => Assert.True(h.Events == 10_000 && h.AfterWarmupBytes > 0 && h.AfterEventsBytes > 0, h.ToString()));

        // The pipeline-latency benchmark ran both runners over the cut of the small sample: its bars were timed to
        // their INDICATORS_READY (too few ticks for a trade, so the EXECUTE_TRADE rows may have no samples).
        // The live-latency benchmark ran for a few seconds against the replay server: every tick it received was
        // timed from its arrival to its publish returning.
        Assert.Equal(["Orleans", "in-process", "live, 1,000 ticks/s"], report.PipelineRuns.Select(r => r.Runner));
        Assert.All(report.PipelineRuns, r => Assert.True(r.TickBatches > 0 && r.Seconds > 0, r.ToString()));
        Assert.Equal(10, report.Pipeline.Count);
        Assert.All(report.Pipeline.Where(p => p.Stage.StartsWith("INDICATORS_READY", StringComparison.Ordinal) || p.Stage.EndsWith("(every tick)", StringComparison.Ordinal)),
            p => Assert.True(p.Samples > 0 && p.P50Us > 0 && p.P99Us >= p.P50Us && p.MaxUs >= p.P99Us, p.ToString()));

        var markdown = report.ToMarkdown();
        Assert.All(report.Hops.Select(h => h.Hop).Concat(report.Timings.Select(t => t.Measurement)).Concat(report.Heap.Select(h => h.Measure)),
            row => Assert.Contains($"| {row} |", markdown, StringComparison.Ordinal));
        Assert.All(report.Pipeline, row => Assert.Contains($"| {row.Runner} | {row.Stage} | {row.Samples:N0} |", markdown, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_soak_smoke_run_samples_a_real_silo_and_its_state_folder_until_it_exits()
    {
        var outDir = Directory.CreateTempSubdirectory("algospace-soak-smoke-").FullName;
        try
        {
            var report = await BenchmarkRunner.RunAsync(BenchmarkOptions.Parse(["--soak", "--smoke", "--out-dir", outDir]));

            var soak = Assert.IsType<SoakResult>(report.Soak);
            Assert.Equal(0, soak.ExitCode);
            var rows = File.ReadAllLines(Path.Combine(outDir, "soak.csv"));
            Assert.Equal(SoakSample.CsvHeader, rows[0]);
            Assert.True(rows.Length > 1 && soak.Samples.Count == rows.Length - 1, $"{rows.Length - 1} rows, {soak.Samples.Count} samples");
            Assert.Contains(soak.Samples, s => s.StateBytes > 0 && s.StateFiles > 0);
            Assert.Contains(soak.Samples, s => s.RssBytes > 0 && s.Handles > 0);
            Assert.StartsWith("<svg", File.ReadAllText(Path.Combine(outDir, "soak.svg")), StringComparison.Ordinal);
            Assert.Contains("| State folder size (KiB) |", report.ToMarkdown(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(outDir, recursive: true);
        }
    }

    [Fact]
    public void The_command_line_takes_smoke_events_and_out()
    {
        Assert.Equal(BenchmarkOptions.SmokeDefaults with { Events = 42, Out = "r.md" }, BenchmarkOptions.Parse(["--smoke", "--events", "42", "--out", "r.md"]));
        Assert.Equal(10_000, BenchmarkOptions.Parse([]).Events);
        Assert.Throws<ArgumentException>(() => BenchmarkOptions.Parse(["--events", "0"]));
        Assert.Throws<ArgumentException>(() => BenchmarkOptions.Parse(["--nonsense"]));
        Assert.Equal(new BenchmarkOptions { PipelineLatency = true, Data = "t.csv" }, BenchmarkOptions.Parse(["--pipeline-latency", "--data", "t.csv"]));
        Assert.Throws<ArgumentException>(() => BenchmarkOptions.Parse(["--data", "t.csv"]));
        Assert.Equal(new BenchmarkOptions { LiveLatency = true, Data = "t.csv", Rate = 500, Seconds = 60 },
            BenchmarkOptions.Parse(["--live-latency", "--data", "t.csv", "--rate", "500", "--seconds", "60"]));
        Assert.Equal((1_000.0, 600), (BenchmarkOptions.Parse(["--live-latency"]).Rate, BenchmarkOptions.Parse(["--live-latency"]).Seconds));
        Assert.Throws<ArgumentException>(() => BenchmarkOptions.Parse(["--live-latency", "--seconds", "0"]));
        Assert.Equal(new BenchmarkOptions { Soak = true, Ticks = 10_000_000, SnapshotEveryBars = 1, SampleSeconds = 2 }, BenchmarkOptions.Parse(["--soak"]));
        Assert.Equal(new BenchmarkOptions { Soak = true, Ticks = 500_000, Data = "t.csv", SnapshotEveryBars = 48, SampleSeconds = 0.5, OutDir = "o" },
            BenchmarkOptions.Parse(["--soak", "--ticks", "500000", "--data", "t.csv", "--snapshot-every-bars", "48", "--sample-seconds", "0.5", "--out-dir", "o"]));
        Assert.Equal((100_000L, 0.5, true), (BenchmarkOptions.Parse(["--soak", "--smoke"]).Ticks, BenchmarkOptions.Parse(["--soak", "--smoke"]).SampleSeconds, BenchmarkOptions.Parse(["--soak", "--smoke"]).Soak));
        Assert.Throws<ArgumentException>(() => BenchmarkOptions.Parse(["--ticks", "5"]));
        Assert.Throws<ArgumentException>(() => BenchmarkOptions.Parse(["--soak", "--sample-seconds", "0"]));
    }
}
