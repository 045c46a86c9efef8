using System.Diagnostics;
using AlgoSpace.Benchmarks.InProcess;
using AlgoSpace.Benchmarks.Process;
using AlgoSpace.Benchmarks.Report;
using AlgoSpace.Grains.InProcess;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Interfaces.Events;
using AlgoSpace.Grains.Interfaces.Kernel;
using AlgoSpace.Grains.Models;
using AlgoSpace.Silo.Configuration;

namespace AlgoSpace.Benchmarks.Pipeline;

/// <summary>
/// The default job (settings/settings.yaml: every component, the committed models) over a tick file, once in a silo
/// hosted in this process and once in the in-process runner, timing each bar-closing NEW_TICK batch to the
/// INDICATORS_READY, SYNERGY_DETECTED and EXECUTE_TRADE it causes (see <see cref="PipelineLatencyRecorder"/>).
/// The settings differ from the default job only where a benchmark must: log_level WARNING, memory persistence, no
/// telemetry endpoint, free cluster ports, and absolute paths, because the settings file is written under
/// output/bench/ (see <see cref="WorkFolder"/>).
/// </summary>
public static class PipelineLatencyBenchmark
{
    private const string DataHandler = "data_handler";
    private const string ExecutionHandler = "execution_handler";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(30);

    public static string DefaultDataFile => Path.Combine(SiloLocator.RepositoryRoot, "data", "sample", "ES-ticks-eth-20d.csv.gz");

    /// <summary>
    /// Where this process writes its settings (and the smoke run's input): under output/, which the settings path
    /// rules accept, one folder per process so that a smoke test and a command-line run do not share files.
    /// The backtest's own result files go to output/ as the default job's do.
    /// </summary>
    private static string WorkFolder => Path.Combine(SiloLocator.RepositoryRoot, "output", "bench", $"pipeline-latency-{Environment.ProcessId}");

    /// <summary>Runs both runners over <paramref name="dataFile"/> and adds their rows to the report.</summary>
    public static async Task RunAsync(string dataFile, BenchmarkReport report, TextWriter progress)
    {
        try
        {
            await RunBothAsync(dataFile, report, progress);
        }
        finally
        {
            try { Directory.Delete(WorkFolder, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task RunBothAsync(string dataFile, BenchmarkReport report, TextWriter progress)
    {
        var folder = WorkFolder;
        Directory.CreateDirectory(folder);
        var settings = LoadSettings(folder, dataFile);

        await progress.WriteLineAsync($"pipeline latency: Orleans, {dataFile}");
        var orleans = new PipelineLatencyRecorder();
        var started = Stopwatch.GetTimestamp();
        using (new BusActivityProbe(orleans, DataHandler, ExecutionHandler))
        {
            await RunOrleansAsync(settings, folder);
        }

        report.PipelineRuns.Add(new PipelineRunRow("Orleans", dataFile, orleans.TickBatches, Stopwatch.GetElapsedTime(started).TotalSeconds,
            "in-process silo, broadcast transport, Activity listener on AlgoSpace.EventBus"));
        AddRows(report, "Orleans", orleans);

        await progress.WriteLineAsync($"pipeline latency: in-process runner, {dataFile}");
        var inProcess = new PipelineLatencyRecorder();
        started = Stopwatch.GetTimestamp();
        var result = await RunInProcessAsync(settings, inProcess);
        report.PipelineRuns.Add(new PipelineRunRow("in-process", dataFile, inProcess.TickBatches, Stopwatch.GetElapsedTime(started).TotalSeconds,
            $"{result.Ticks:N0} ticks, {result.Events:N0} events; InProcessRunner.Observer"));
        AddRows(report, "in-process", inProcess);
        foreach (var row in report.Pipeline)
        {
            await progress.WriteLineAsync(row.Samples == 0
                ? $"  {row.Runner}, {row.Stage}: no samples"
                : $"  {row.Runner}, {row.Stage}: {row.Samples:N0} samples, p50 {row.P50Us:F0} µs, p99 {row.P99Us:F0} µs, max {row.MaxUs:F0} µs");
        }
    }

    /// <summary>The first <paramref name="ticks"/> ticks of a CSV file, written to the work folder (the smoke run's input; deleted with it).</summary>
    public static string Head(string csvFile, int ticks)
    {
        Directory.CreateDirectory(WorkFolder);
        var path = Path.Combine(WorkFolder, $"head-{ticks}.csv");
        File.WriteAllLines(path, File.ReadLines(csvFile).Take(ticks + 1));
        return path;
    }

    private static AlgoSpaceSettings LoadSettings(string folder, string dataFile)
    {
        var root = SiloLocator.RepositoryRoot;
        var ports = FreePorts.Pair();
        var yaml = SettingsText.ForMeasuredRun(File.ReadAllText(Path.Combine(root, "settings", "settings.yaml")), "settings/settings.yaml", root);
        yaml += $"""

            telemetry:
              enabled: false
            cluster:
              silo_port: {ports.Silo}
              gateway_port: {ports.Gateway}

            """;
        var path = Path.Combine(folder, "settings.yaml");
        File.WriteAllText(path, yaml);
        var loaded = SettingsLoader.Load(path, new SettingsOverrides(DataFile: Path.GetFullPath(dataFile)), catalog: BenchSystem.Registry.Catalog);
        return loaded.Settings ?? throw new InvalidOperationException($"pipeline-latency settings ({path}) invalid:\n" + string.Join("\n", loaded.Errors));
    }

    private static async Task RunOrleansAsync(AlgoSpaceSettings settings, string folder)
    {
        await using var system = await BenchSystem.StartAsync(settings, folder);
        var kernel = system.Grains.GetGrain<IKernelGrain>(KernelKeys.Kernel);
        var deadline = Stopwatch.GetTimestamp() + (long)(Timeout.TotalSeconds * Stopwatch.Frequency);
        KernelStatus status;
        while ((status = await kernel.GetStatusAsync()).State is not (SystemState.Stopped or SystemState.Faulted))
        {
            if (Stopwatch.GetTimestamp() > deadline) throw new TimeoutException($"The Orleans backtest did not finish in {Timeout}; it is {status.State}.");
            await Task.Delay(50);
        }

        if (status.State == SystemState.Faulted)
        {
            throw new InvalidOperationException("The Orleans backtest faulted:\n" + string.Join("\n", status.Transitions.Select(t => $"{t.From}->{t.To}: {t.Cause}")));
        }
    }

    private static async Task<InProcessResult> RunInProcessAsync(AlgoSpaceSettings settings, PipelineLatencyRecorder recorder)
    {
        using var models = new ModelLoader().Load(ModelSource.FromSettings(settings));
        var runner = new InProcessRunner(settings, BenchSystem.Registry, models: models) { Observer = envelope => Observe(recorder, envelope) };
        var result = await runner.RunAsync();
        return result.FatalError is null ? result : throw new InvalidOperationException($"The in-process backtest stopped early: {result.FatalError}");
    }

    /// <summary>
    /// The runner calls its observer as an envelope is published, and then delivers it synchronously in routing
    /// order: for EXECUTE_TRADE, whose only component subscriber is the execution handler, that is the start of
    /// its delivery there.
    /// </summary>
    private static void Observe(PipelineLatencyRecorder recorder, EventEnvelope envelope)
    {
        var now = Stopwatch.GetTimestamp();
        if (envelope.Type == EventTypes.NewTick)
        {
            if (envelope.Source == DataHandler) recorder.TickPublished(envelope.CorrelationId, now);
        }
        else if (PipelineLatencyRecorder.Stages.Contains(envelope.Type))
        {
            recorder.Reached(envelope.Type, envelope.CorrelationId, now);
        }
    }

    private static void AddRows(BenchmarkReport report, string runner, PipelineLatencyRecorder recorder)
    {
        foreach (var stage in PipelineLatencyRecorder.Stages)
        {
            var isTrade = stage == EventTypes.ExecuteTrade;
            report.Pipeline.Add(PipelineLatencyRow.From(runner, isTrade ? "EXECUTE_TRADE handled by the execution handler" : $"{stage} published",
                recorder.Latencies(stage), isTrade ? Targets.TickToTrade : "", isTrade ? Targets.TickToTradeP99Us : null));
        }
    }
}
