using System.Diagnostics;
using AlgoSpace.Benchmarks.InProcess;
using AlgoSpace.Benchmarks.Process;
using AlgoSpace.Benchmarks.Report;
using AlgoSpace.FeedReplay;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Interfaces.Kernel;
using AlgoSpace.Silo.Configuration;

namespace AlgoSpace.Benchmarks.Pipeline;

/// <summary>
/// Live mode's latency: settings/live.yaml (every component, the committed models, the paper broker) in a silo
/// hosted in this process, fed by the replay server over loopback WebSocket at a paced rate (1,000 ticks per second
/// by default), timing from each tick's arrival at the live data handler (its receipt activity) to the
/// INDICATORS_READY, SYNERGY_DETECTED and EXECUTE_TRADE it causes, and to its own publish returning (every handler
/// it caused has finished). The settings differ from live.yaml only where a benchmark must: the feed's URL, log
/// level WARNING, memory persistence, no telemetry endpoint, free cluster ports, absolute paths.
/// </summary>
public static class LiveLatencyBenchmark
{
    private const string DataHandler = "data_handler";
    private const string ExecutionHandler = "execution_handler";

    private static string WorkFolder => Path.Combine(SiloLocator.RepositoryRoot, "output", "bench", $"live-latency-{Environment.ProcessId}");

    /// <summary>Replays <paramref name="dataFile"/> at <paramref name="rate"/> ticks per second for at most <paramref name="duration"/>.</summary>
    public static async Task RunAsync(string dataFile, double rate, TimeSpan duration, BenchmarkReport report, TextWriter progress)
    {
        var folder = WorkFolder;
        Directory.CreateDirectory(folder);
        try
        {
            await using var feed = new FeedReplayServer(new FeedReplayOptions { File = dataFile, Port = 0, Rate = rate });
            await feed.StartAsync();
            var settings = LoadSettings(folder, feed.Url);
            var runner = $"live, {rate:N0} ticks/s";
            await progress.WriteLineAsync($"live latency: {dataFile} from {feed.Url} at {rate:N0} ticks/s for up to {duration.TotalSeconds:N0} s ({feed.TickCount:N0} ticks in the file)");
            var recorder = new PipelineLatencyRecorder();
            var started = Stopwatch.GetTimestamp();
            using (new BusActivityProbe(recorder, DataHandler, ExecutionHandler))
            {
                await using var system = await BenchSystem.StartAsync(settings, folder);
                var kernel = system.Grains.GetGrain<IKernelGrain>(KernelKeys.Kernel);
                while (!feed.Finished && Stopwatch.GetElapsedTime(started) < duration)
                {
                    await Task.Delay(1000);
                    var status = await kernel.GetStatusAsync();
                    if (status.State is SystemState.Faulted or SystemState.Stopped)
                    {
                        throw new InvalidOperationException("The live system stopped:\n" + string.Join("\n", status.Transitions.Select(t => $"{t.From}->{t.To}: {t.Cause}")));
                    }
                }

                // Let the last ticks sent finish their cascades before the silo stops.
                await Task.Delay(500);
            }

            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            report.PipelineRuns.Add(new PipelineRunRow(runner, dataFile, recorder.TickHandledLatencies.Length, seconds,
                $"replay server on loopback ({feed.Sent:N0} ticks sent), in-process silo, broadcast transport; from each tick's arrival at the live data handler"));
            AddRows(report, runner, recorder);
            foreach (var row in report.Pipeline.Where(r => r.Runner == runner))
            {
                await progress.WriteLineAsync(row.Samples == 0
                    ? $"  {row.Stage}: no samples"
                    : $"  {row.Stage}: {row.Samples:N0} samples, p50 {row.P50Us:F0} µs, p99 {row.P99Us:F0} µs, max {row.MaxUs:F0} µs");
            }
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    private static void AddRows(BenchmarkReport report, string runner, PipelineLatencyRecorder recorder)
    {
        report.Pipeline.Add(PipelineLatencyRow.From(runner, "tick arrival → its publish returned (every tick)", recorder.TickHandledLatencies));
        foreach (var stage in PipelineLatencyRecorder.Stages)
        {
            var isTrade = stage == AlgoSpace.Grains.Interfaces.Events.EventTypes.ExecuteTrade;
            report.Pipeline.Add(PipelineLatencyRow.From(runner, isTrade ? "tick arrival → EXECUTE_TRADE handled" : $"tick arrival → {stage} published",
                recorder.Latencies(stage), isTrade ? Targets.LiveTickToTrade : "", isTrade ? Targets.LiveTickToTradeP99Us : null));
        }
    }

    private static AlgoSpaceSettings LoadSettings(string folder, Uri feed)
    {
        var root = SiloLocator.RepositoryRoot;
        var ports = FreePorts.Pair();
        const string file = "settings/live.yaml";
        var yaml = SettingsText.ForMeasuredRun(File.ReadAllText(Path.Combine(root, "settings", "live.yaml")), file, root);
        yaml = SettingsText.Replace(yaml, "../data/", Path.Combine(root, "data") + "/", file);
        yaml = SettingsText.Replace(yaml, "url: ${env:ALGOSPACE_FEED_URL:-ws://127.0.0.1:8765/ticks}", $"url: {feed}", file);
        yaml = SettingsText.Replace(yaml, "http_port: 9465", "http_port: 9465\n  enabled: false", file);
        yaml = SettingsText.Replace(yaml, "  provider: localhost ", $"  silo_port: {ports.Silo}\n  gateway_port: {ports.Gateway}\n  provider: localhost ", file);
        var path = Path.Combine(folder, "live.yaml");
        File.WriteAllText(path, yaml);
        var loaded = SettingsLoader.Load(path, catalog: BenchSystem.Registry.Catalog);
        return loaded.Settings ?? throw new InvalidOperationException($"live-latency settings ({path}) invalid:\n" + string.Join("\n", loaded.Errors));
    }
}
