using System.Collections.Concurrent;
using AlgoSpace.Grains.Components;
using AlgoSpace.Grains.Components.Data.Live;
using AlgoSpace.Grains.Interfaces.Components;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Interfaces.Events;
using Microsoft.Extensions.Logging;

namespace AlgoSpace.Tests.Components.Data.Live;

/// <summary>
/// Runs a <see cref="LiveDataHandler"/> without Orleans, as the host's pump does: initialise, start, RunAsync on a
/// task of its own until cancelled. The bus and logger record from that task while the test reads, so both lock.
/// </summary>
public sealed class LiveHarness : IComponentContext, IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly CancellationTokenSource _stop = new();
    private Task? _run;

    public LiveHarness(LiveFeedSettings live, int logEvery = 1000, List<string>? symbols = null)
    {
        Settings = new AlgoSpaceSettings { Symbols = symbols ?? ["ES"], DataHandler = new DataHandlerSettings { Live = live, LogEvery = logEvery } };
        Bus = RecordingBus;
    }

    private LiveDataHandler? _handler;

    /// <summary>The handler, built with this harness as its context when first asked for.</summary>
    public LiveDataHandler Handler => _handler ??= new LiveDataHandler(this);

    public ComponentSpec Spec { get; } = new("data_handler", "live_data_handler", true, [],
        [EventTypes.NewTick, EventTypes.ConnectionLost, EventTypes.ConnectionRestored, EventTypes.SystemError], [], new Dictionary<string, string>());

    public AlgoSpaceSettings Settings { get; }
    public IEventBus Bus { get; }
    public LockedBus RecordingBus { get; } = new();
    public LockedLogger RecordingLogger { get; } = new();
    public ILogger Logger => RecordingLogger;
    public IReadOnlyDictionary<string, AlgoSpace.Grains.Models.LoadedModel> Models { get; } = new Dictionary<string, AlgoSpace.Grains.Models.LoadedModel>();
    public IComponentCalls Calls => NoComponentCalls.Instance;
    public ConcurrentQueue<string> Degraded { get; } = new();

    public void ReportDegraded(string reason) => Degraded.Enqueue(reason);

    public AlgoSpace.Grains.Components.Journal.IComponentJournal Journal { get; } = new AlgoSpace.Grains.Components.Journal.InMemoryJournal();

    /// <summary>The run: faulted when RunAsync threw.</summary>
    public Task Run => _run ?? throw new InvalidOperationException("Not started.");

    public async Task StartAsync(object? restoredState = null)
    {
        if (restoredState is not null) Handler.RestoreState(restoredState);
        await Handler.StartAsync(CancellationToken.None);
        _run = Task.Run(() => Handler.RunAsync(_stop.Token));
    }

    /// <summary>Shutdown step 1: cancel, and the run returns.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Run.WaitAsync(Patience);
    }

    public IReadOnlyList<TickPayload> Ticks() => RecordingBus.Snapshot().Where(e => e.Type == EventTypes.NewTick).Select(e => (TickPayload)e.Payload!).ToList();

    public IReadOnlyList<string> EventTypesPublished() => RecordingBus.Snapshot().Select(e => e.Type).ToList();

    /// <summary>Waits until <paramref name="condition"/> holds; fails with the handler's status when it does not in time, or when the run ended.</summary>
    public async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            if (_run is { IsCompleted: true } run && !condition())
            {
                await run; // surfaces the exception
                Assert.Fail($"The run ended before {what}. Status: {Handler.Query("status")}");
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting for {what}. Status: {Handler.Query("status")}\nLog:\n{string.Join('\n', RecordingLogger.Entries().TakeLast(40).Select(e => e.Message))}");
            }

            await Task.Delay(10);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_run is not null)
        {
            try
            {
                await _run.WaitAsync(Patience);
            }
            catch (Exception)
            {
                // A test that expected the run to fail has already looked at it.
            }
        }

        _stop.Dispose();
    }
}

/// <summary>Records publishes under a lock; stamps them like the real bus.</summary>
public sealed class LockedBus : IEventBus
{
    private readonly List<EventEnvelope> _published = [];
    private readonly Lock _lock = new();

    public IReadOnlyList<EventEnvelope> Snapshot()
    {
        lock (_lock) return [.. _published];
    }

    public ValueTask PublishAsync(string eventType, EventPayload? payload, DateTime simTime, string? correlationId = null)
    {
        lock (_lock)
        {
            var seq = _published.Count + 1;
            _published.Add(new EventEnvelope(eventType, seq, simTime, "data_handler", correlationId ?? $"data_handler:{seq}", payload));
        }

        return ValueTask.CompletedTask;
    }

    public Task SubscribeAsync(string eventType) => Task.CompletedTask;

    public Task UnsubscribeAsync(string eventType) => Task.CompletedTask;
}

/// <summary>Keeps every log entry under a lock.</summary>
public sealed class LockedLogger : ILogger
{
    private readonly List<(LogLevel Level, int EventId, string Message)> _entries = [];
    private readonly Lock _lock = new();

    public IReadOnlyList<(LogLevel Level, int EventId, string Message)> Entries()
    {
        lock (_lock) return [.. _entries];
    }

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (_lock) _entries.Add((logLevel, eventId.Id, formatter(state, exception)));
    }
}
