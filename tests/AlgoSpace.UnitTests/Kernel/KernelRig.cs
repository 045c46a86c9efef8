using AlgoSpace.Grains.Components;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Interfaces.Events;
using AlgoSpace.Grains.Kernel;
using AlgoSpace.Grains.Kernel.Run;
using Microsoft.Extensions.Logging.Abstractions;

namespace AlgoSpace.Tests.Kernel;

/// <summary>
/// The kernel's plain classes wired as the kernel grain wires them, over <see cref="KernelFakes"/>: three components
/// (data, execution, tracker) writing to a temporary output folder. <see cref="Restart"/> builds a second kernel over
/// the same saved record and checkpoints, as an activation of the kernel on another silo would be.
/// </summary>
internal sealed class KernelRig : IDisposable
{
    private readonly string _output = Directory.CreateTempSubdirectory("algospace-kernel-ops-").FullName;

    /// <param name="fakes">The ports (a restarted kernel shares its predecessor's).</param>
    /// <param name="symbols">
    /// Several symbols make a portfolio: an instrument component "bars" (a bar generator) is added, one per symbol.
    /// </param>
    public KernelRig(KernelFakes? fakes = null, string[]? symbols = null)
    {
        Fakes = fakes ?? new KernelFakes();
        List<ComponentSettings> components =
        [
            new ComponentSettings { Name = "data", Type = "backtest_data_handler", Critical = true, Publishes = [EventTypes.NewTick] },
            new ComponentSettings { Name = "execution", Type = "backtest_execution_handler", Critical = true, Subscribes = [EventTypes.NewTick] },
            new ComponentSettings { Name = "tracker", Type = "performance_tracker" },
        ];
        if (symbols is { Length: > 1 }) components.Insert(1, new ComponentSettings { Name = "bars", Type = "bar_generator", Subscribes = [EventTypes.NewTick] });
        Settings = new AlgoSpaceSettings
        {
            System = new SystemSettings { OutputDir = _output },
            DataHandler = new DataHandlerSettings { BacktestFile = "ticks.csv" },
            Symbols = symbols is null ? ["ES"] : [.. symbols],
            Components = components,
        };
        var registry = ComponentRegistry.FromLoadedAssemblies();
        var logger = NullLogger.Instance;
        var counters = new KernelCounters();
        Record = new RunRecord(Fakes, Settings, logger);
        var fleet = new ComponentFleet(Settings, registry, Fakes, Record, counters, logger);
        var checkpoints = new CheckpointCoordinator(Settings, Fakes, fleet, Record, logger);
        var reporter = new RunReporter(Settings, Fakes, fleet, Record, logger);
        var run = new KernelRun(Settings, fleet, checkpoints, reporter, Record, counters, Fakes, logger);
        var log = new OperationLog(logger);
        Operations = new KernelOperations(Settings, new RunSequence(Settings.System, logger), run, fleet, checkpoints, Record, log, Fakes, logger);
        Events = new KernelEvents(Operations, run, Record, counters, logger);
        Desk = new OperatorDesk(Settings, fleet, Operations, new ModeSwitchRules(Settings, registry), Record, reporter, log, counters,
            new OperatorAuthorization(null), null, Fakes, logger);
    }

    public KernelFakes Fakes { get; }

    public AlgoSpaceSettings Settings { get; }

    public RunRecord Record { get; }

    public KernelOperations Operations { get; }

    public KernelEvents Events { get; }

    /// <summary>The operator's side, as the console reads it.</summary>
    public OperatorDesk Desk { get; }

    /// <summary>A new kernel over this one's saved record, checkpoints and hosts: the kernel activated again elsewhere.</summary>
    public KernelRig Restart() => new(Fakes);

    public void Dispose()
    {
        try { Directory.Delete(_output, recursive: true); } catch (IOException) { }
    }
}
