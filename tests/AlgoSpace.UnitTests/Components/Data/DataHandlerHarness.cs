using AlgoSpace.Grains.Components;
using AlgoSpace.Grains.Components.Data;
using AlgoSpace.Grains.Interfaces.Components;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Interfaces.Events;

namespace AlgoSpace.Tests.Components.Data;

/// <summary>
/// Runs a <see cref="BacktestDataHandler"/> without Orleans: the real <see cref="ComponentContext"/> with a
/// <see cref="RecordingBus"/> and a <see cref="ListLogger"/>.
/// </summary>
public sealed class DataHandlerHarness
{
    /// <param name="tickBatchSize">event_bus.tick_batch_size; 1 (one tick per NEW_TICK) unless a test is about batches.</param>
    public DataHandlerHarness(string path, Func<DataHandlerSettings, DataHandlerSettings>? dataHandler = null, BacktestingSettings? backtesting = null, int tickBatchSize = 1)
    {
        var handlerSettings = new DataHandlerSettings { BacktestFile = path, LogEvery = 2 };
        Settings = new AlgoSpaceSettings
        {
            Symbols = ["ES", "NQ"],
            DataHandler = dataHandler?.Invoke(handlerSettings) ?? handlerSettings,
            Backtesting = backtesting ?? new BacktestingSettings(),
            EventBus = new EventBusSettings { TickBatchSize = tickBatchSize },
        };
        Context = new ComponentContext(
            new ComponentSpec("data_handler", "backtest_data_handler", true, [], [EventTypes.NewTick, EventTypes.BacktestComplete, EventTypes.SystemError], [], new Dictionary<string, string>()),
            Settings, Bus, Logger, new Dictionary<string, AlgoSpace.Grains.Models.LoadedModel>(), _ => { }, new AlgoSpace.Grains.Components.Journal.InMemoryJournal());
    }

    public AlgoSpaceSettings Settings { get; }

    public RecordingBus Bus { get; } = new();

    public ListLogger Logger { get; } = new();

    public ComponentContext Context { get; }

    private BacktestDataHandler? _handler;

    /// <summary>The handler, built from <see cref="Context"/> when first asked for (a test may restore state into it, as the host does, before it runs).</summary>
    public BacktestDataHandler Handler => _handler ??= new BacktestDataHandler(Context);

    /// <summary>Builds the handler: it opens its file here, so a file it cannot use fails here.</summary>
    public BacktestDataHandler Build() => Handler;

    /// <summary>Builds (unless already built), starts and runs the handler to the end of its file.</summary>
    public async Task RunAsync(CancellationToken cancellation = default)
    {
        await Handler.StartAsync(CancellationToken.None);
        await Handler.RunAsync(cancellation);
    }

    public BacktestCompletePayload Complete() =>
        (BacktestCompletePayload)Assert.Single(Bus.Published, e => e.Type == EventTypes.BacktestComplete).Payload!;
}
