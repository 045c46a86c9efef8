using System.Diagnostics;
using System.Globalization;
using AlgoSpace.Grains.Components;
using AlgoSpace.Grains.Components.Decision;
using AlgoSpace.Grains.Components.Execution;
using AlgoSpace.Grains.InProcess;
using AlgoSpace.Grains.Interfaces;
using AlgoSpace.Grains.Interfaces.Components.Calls;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Training;
using AlgoSpace.MarketData.Sample;
using AlgoSpace.Silo.Configuration;

namespace AlgoSpace.Silo.Hosting;

/// <summary>
/// --train: makes the decision models the default run loads. It generates sample ticks with its own seed (not the
/// shipped sample's, so the default backtest is out of sample), replays them through the same pipeline as a
/// backtest (the in-process runner, components from the same settings, decision components without models),
/// collects regime windows and synergies with the matrices the core would have seen, labels the synergies by the
/// bars that followed, and trains the eight models in dependency order with one seed. Same options, same bytes.
/// </summary>
public static class TrainCommand
{
    /// <summary>The generated training data starts a year before the shipped sample, on a Tuesday like it.</summary>
    private static readonly DateOnly TrainingStart = new(2023, 1, 3);

    /// <summary>
    /// Electronic trading hours, as the shipped sample has them (data/sample/README.md): futures trade nearly round
    /// the clock, and the 30-minute indicators need a continuous session to produce signals.
    /// </summary>
    public static SampleTickOptions SessionOptions(int seed, int days, DateOnly start) => new()
    {
        Seed = seed, Days = days, Start = start, SessionOpen = new TimeOnly(1, 0), SessionClose = new TimeOnly(23, 30), TicksPerDay = 16_000,
    };

    public static async Task<int> RunAsync(SiloOptions options, TrainOptions train, TextWriter output, TextWriter error, CancellationToken cancellation)
    {
        var overrides = new SettingsOverrides(TradingMode.Backtest, options.LogLevel);
        var first = SettingsLoader.Load(options.ConfigFile, overrides, options.EnvironmentVariables);
        if (!first.IsValid)
        {
            ValidationReport.Write(first, error);
            return ExitCodes.ConfigurationError;
        }

        if (ModelFolder(first.Settings!, out var problem) is not { } folder)
        {
            await error.WriteLineAsync($"error: {problem}");
            return ExitCodes.ConfigurationError;
        }

        var started = Stopwatch.GetTimestamp();
        var dataFile = await GenerateTrainingDataAsync(first.Settings!, train, output);
        var loaded = SettingsLoader.Load(options.ConfigFile, overrides with { DataFile = dataFile }, options.EnvironmentVariables);
        if (!loaded.IsValid)
        {
            ValidationReport.Write(loaded, error);
            return ExitCodes.ConfigurationError;
        }

        var settings = loaded.Settings!;
        // Created here, not in the replay, so that it is disposed (and its output flushed) when the command ends, as before.
        using var loggers = LoggerFactory.Create(logging => LoggingSetup.Configure(logging, settings.System, options.Debug));
        if (await ReplayAsync(settings, loaded.Registry!, loggers, output, error, cancellation) is not { } collector)
        {
            return ExitCodes.EmergencyShutdown;
        }

        return await TrainModelsAsync(collector, settings, train, folder, started, output, error);
    }

    /// <summary>Writes the generated training ticks under the output folder and returns the file's path.</summary>
    private static async Task<string> GenerateTrainingDataAsync(AlgoSpaceSettings settings, TrainOptions train, TextWriter output)
    {
        var dataFile = Path.Combine(settings.System.OutputDir, "training", $"ES-train-seed{train.Seed}-{train.Days}d.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(dataFile)!);
        var ticks = new SampleTickGenerator(SessionOptions(train.Seed, train.Days, TrainingStart)).WriteCsv(dataFile);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"training data: {ticks} generated ticks over {train.Days} days (seed {train.Seed}) in {dataFile}"));
        return dataFile;
    }

    /// <summary>Replays the training data and collects what the models learn from; null when the replay was interrupted or failed.</summary>
    private static async Task<TrainingDataCollector?> ReplayAsync(AlgoSpaceSettings settings, ComponentRegistry registry, ILoggerFactory loggers,
        TextWriter output, TextWriter error, CancellationToken cancellation)
    {
        InProcessRunner? runner = null;
        var collector = new TrainingDataCollector((kind, request) => Ask(runner!, settings, kind, request));
        // No models: the decision components run degraded and trade nothing; the features do not depend on them.
        runner = new InProcessRunner(settings, registry, loggers) { Observer = collector.Observe };
        var run = await runner.RunAsync(cancellation);
        if (cancellation.IsCancellationRequested)
        {
            await error.WriteLineAsync($"error: interrupted after {run.Ticks} ticks; no model was written.");
            return null;
        }

        if (run.FatalError is { } fatal)
        {
            await error.WriteLineAsync($"error: the training replay stopped: {fatal}");
            return null;
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"replayed {run.Ticks} ticks: {collector.Bars.Count} 5-minute bars, {collector.RegimeWindows.Count} regime windows, {collector.Synergies.Count} synergies with ready matrices ({collector.SynergiesNotReady} before); raw signals on 30m events: mlmi {collector.RawSignals.Mlmi}, nwrqk {collector.RawSignals.Nwrqk}; fvg mitigations {collector.RawSignals.FvgMitigation}"));
        return collector;
    }

    /// <summary>Trains the models from the collected data into <paramref name="folder"/> and reports each; returns the exit code.</summary>
    private static async Task<int> TrainModelsAsync(TrainingDataCollector collector, AlgoSpaceSettings settings, TrainOptions train, string folder,
        long started, TextWriter output, TextWriter error)
    {
        var instrument = new InstrumentTable(settings.Instruments).Get(settings.Symbols[0]);
        TrainingSummary summary;
        try
        {
            summary = DecisionModelTraining.Train(collector,
                new TrainingOptions(train.Seed, train.Epochs, Version: string.Create(CultureInfo.InvariantCulture, $"trained-seed{train.Seed}-{train.Days}d-{train.Epochs}ep")),
                folder, new TripleBarrierLabeler(), settings.Backtesting.InitialCapital, instrument.PointValue);
        }
        catch (InvalidOperationException ex)
        {
            // Too little data for a training set: a usage problem (--train-days), reported before any model is written.
            await error.WriteLineAsync($"error: {ex.Message} (--train-days {train.Days})");
            return ExitCodes.ConfigurationError;
        }
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"labelled {summary.Wins + summary.Losses} synergies ({summary.Wins} winners, {summary.Losses} losers, {summary.Unlabelled} without a bracket)"));
        foreach (var model in summary.Models)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {model.File,-26} {model.Version}  sha256 {model.Sha256[..16]}…"));
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"wrote {summary.Models.Count} models and manifest.json to {folder} in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s"));
        return ExitCodes.Success;
    }

    /// <summary>The one folder that every decision model's path in the settings names, with the trainer's file names.</summary>
    private static string? ModelFolder(AlgoSpaceSettings settings, out string problem)
    {
        var missing = DecisionArchitectures.All.Where(m => !settings.Models.ContainsKey(m.Name + "_path")).ToList();
        if (missing.Count > 0)
        {
            problem = $"models: has no {string.Join(", ", missing.Select(m => m.Name + "_path"))}; --train writes every decision model to the path the settings give it.";
            return null;
        }

        var folder = Path.GetDirectoryName(settings.Models[DecisionArchitectures.Rde.Name + "_path"])!;
        var elsewhere = DecisionArchitectures.All.Where(m => settings.Models[m.Name + "_path"] != Path.Combine(folder, m.FileName)).ToList();
        if (elsewhere.Count > 0)
        {
            problem = $"--train writes <name>.pt files in one folder ({folder}); models: {string.Join(", ", elsewhere.Select(m => $"{m.Name}_path is {settings.Models[m.Name + "_path"]}"))}.";
            return null;
        }

        problem = "";
        return folder;
    }

    private static MatrixReply Ask(InProcessRunner runner, AlgoSpaceSettings settings, string kind, MatrixRequest request)
    {
        var name = ComponentDirectory.NameOfKind(settings, kind);
        if (runner.Find(name)?.Component is not ICallableComponent assembler)
        {
            throw new InvalidOperationException($"--train needs the {kind} component ({name}) running; it is not in this run.");
        }

        // Assemblers answer at once (their ValueTask is already complete); this runs inside the runner's own turn.
        return (MatrixReply)assembler.AnswerAsync(request, CancellationToken.None).AsTask().GetAwaiter().GetResult();
    }
}
