using System.Collections.Concurrent;
using System.Globalization;
using AlgoSpace.Grains.Components;
using AlgoSpace.Grains.Interfaces.Components;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Interfaces.Events;

namespace AlgoSpace.TestComponents;

// Component kinds that exist only in this test project: the kernel creates them from settings through the
// component registry, with no change to kernel code (NFR-SK-07).

/// <summary>TEST_NUMBER and its replies.</summary>
[GenerateSerializer, Immutable]
public sealed record NumberPayload([property: Id(0)] int Value) : EventPayload;

/// <summary>
/// What test components did, in order, keyed by a journal name from their parameters: lets a test see the order of
/// calls across components (the cluster runs in this process).
/// </summary>
public static class TestJournal
{
    private static readonly ConcurrentDictionary<string, ConcurrentQueue<string>> Journals = new();

    public static void Write(IComponentContext context, string entry)
    {
        if (context.Spec.Parameters.TryGetValue("journal", out var journal))
        {
            Journals.GetOrAdd(journal, _ => new ConcurrentQueue<string>()).Enqueue($"{context.Spec.Name}:{entry}");
        }
    }

    public static IReadOnlyList<string> Read(string journal) => Journals.TryGetValue(journal, out var q) ? q.ToList() : [];
}

internal static class Parameters
{
    public static int Int(this IComponentContext context, string name, int fallback) =>
        context.Spec.Parameters.TryGetValue(name, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    public static string? Text(this IComponentContext context, string name) =>
        context.Spec.Parameters.GetValueOrDefault(name);
}

/// <summary>A data source: publishes TEST_NUMBER 1..count (parameter), pausing delay_ms between them, then BACKTEST_COMPLETE unless complete=false.</summary>
[ComponentKind("test_source", Role = ComponentRole.DataHandler, Modes = ComponentMode.Any,
    Produces = ["TEST_NUMBER", EventTypes.BacktestComplete])]
public sealed class TestSource : ISourceComponent
{
    private readonly IComponentContext _context;
    private int _next = 1;

    public TestSource(IComponentContext context)
    {
        _context = context;
        if (context.Text("fail_start") == "true") throw new InvalidOperationException("test_source was told to fail");
    }

    public ValueTask StartAsync(CancellationToken cancellation) => ValueTask.CompletedTask;

    public async Task RunAsync(CancellationToken cancellation)
    {
        TestJournal.Write(_context, "run");
        var count = _context.Int("count", 10);
        var delay = _context.Int("delay_ms", 0);
        var start = new DateTime(2024, 1, 2, 9, 30, 0, DateTimeKind.Utc);
        for (; _next <= count; _next++)
        {
            cancellation.ThrowIfCancellationRequested();
            await _context.Bus.PublishAsync("TEST_NUMBER", new NumberPayload(_next), start.AddSeconds(_next));
            if (delay > 0) await Task.Delay(delay, cancellation);
        }

        if (_context.Text("complete") != "false")
        {
            await _context.Bus.PublishAsync(EventTypes.BacktestComplete, new BacktestCompletePayload(count, 0, count), start.AddSeconds(count + 1));
        }
    }

    public ValueTask HandleAsync(EventEnvelope envelope, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask StopAsync(CancellationToken cancellation)
    {
        TestJournal.Write(_context, "stop");
        return ValueTask.CompletedTask;
    }

    public object? SaveState()
    {
        TestJournal.Write(_context, "save");
        return new SourceState(_next);
    }

    public void RestoreState(object state) => _next = ((SourceState)state).Next;

    public string Query(string question) => question == "next" ? _next.ToString(CultureInfo.InvariantCulture) : "";
}

[GenerateSerializer]
public sealed record SourceState([property: Id(0)] int Next);

/// <summary>
/// Records what it receives. Parameters: fail_start, transient_failures (the first n events throw a transient
/// error), fatal_at (the event with this value throws a fatal error), degrade_at (the event with this value reports
/// the component degraded), slow_ms, reply (publish TEST_REPLY for each
/// TEST_ECHO), unsubscribe_after (unsubscribe from TEST_NUMBER after n events), subscribe_echo (subscribe to
/// TEST_ECHO at start).
/// </summary>
[ComponentKind("test_recorder", Consumes = ["TEST_NUMBER", "TEST_ECHO"], Produces = ["TEST_REPLY"])]
public sealed class TestRecorder : IComponent
{
    private readonly List<string> _received = [];
    private readonly HashSet<int> _failedOnce = [];
    private readonly IComponentContext _context;
    private int _attempts;

    public TestRecorder(IComponentContext context)
    {
        _context = context;
        if (context.Text("fail_start") == "true") throw new InvalidOperationException("test_recorder was told to fail");
    }

    public async ValueTask StartAsync(CancellationToken cancellation)
    {
        if (_context.Text("subscribe_echo") == "true") await _context.Bus.SubscribeAsync("TEST_ECHO");
    }

    public async ValueTask HandleAsync(EventEnvelope envelope, CancellationToken cancellation)
    {
        _attempts++;
        var value = ((NumberPayload)envelope.Payload!).Value;
        if (value <= _context.Int("transient_failures", 0) && _failedOnce.Add(value))
        {
            throw new TransientComponentException($"flaky at {value}");
        }

        if (value == _context.Int("fatal_at", -1)) throw new FatalComponentException($"fatal at {value}");
        if (value == _context.Int("degrade_at", -1)) _context.ReportDegraded($"degraded at {value}");
        if (_context.Int("slow_ms", 0) is > 0 and var slow) await Task.Delay(slow, cancellation);
        _received.Add($"{envelope.Type}:{value}");
        if (envelope.Type == "TEST_ECHO" && _context.Text("reply") == "true")
        {
            await _context.Bus.PublishAsync("TEST_REPLY", new NumberPayload(value), envelope.SimTime);
        }

        if (envelope.Type == "TEST_NUMBER" && _received.Count(r => r.StartsWith("TEST_NUMBER", StringComparison.Ordinal)) == _context.Int("unsubscribe_after", -1))
        {
            await _context.Bus.UnsubscribeAsync("TEST_NUMBER");
        }
    }

    public ValueTask StopAsync(CancellationToken cancellation)
    {
        TestJournal.Write(_context, "stop");
        return ValueTask.CompletedTask;
    }

    public object? SaveState()
    {
        TestJournal.Write(_context, "save");
        return new RecorderState(_received.ToList());
    }

    public void RestoreState(object state) => _received.AddRange(((RecorderState)state).Received);

    public string Query(string question) => question switch
    {
        "received" => string.Join(",", _received),
        "attempts" => _attempts.ToString(CultureInfo.InvariantCulture),
        _ => "",
    };
}

[GenerateSerializer]
public sealed record RecorderState([property: Id(0)] List<string> Received);

/// <summary>An execution handler that echoes TEST_NUMBER as TEST_ECHO, records TEST_REPLY, and records position protection.</summary>
[ComponentKind("test_execution", Role = ComponentRole.ExecutionHandler, Modes = ComponentMode.Any,
    Consumes = ["TEST_NUMBER", "TEST_REPLY"], Produces = ["TEST_ECHO"])]
public sealed class TestExecution : IComponent, IPositionKeeper
{
    private readonly List<string> _log = [];
    private readonly IComponentContext _context;

    public TestExecution(IComponentContext context)
    {
        _context = context;
    }

    public ValueTask StartAsync(CancellationToken cancellation) => ValueTask.CompletedTask;

    public async ValueTask HandleAsync(EventEnvelope envelope, CancellationToken cancellation)
    {
        var value = ((NumberPayload)envelope.Payload!).Value;
        _log.Add($"{envelope.Type}:{value}");
        if (envelope.Type == "TEST_NUMBER" && _context.Spec.Publishes.Contains("TEST_ECHO"))
        {
            await _context.Bus.PublishAsync("TEST_ECHO", new NumberPayload(value), envelope.SimTime);
        }
    }

    public ValueTask ProtectPositionsAsync(BookProtection protection, CancellationToken cancellation)
    {
        TestJournal.Write(_context, protection.Flatten ? "protect-flatten" : "protect-cancel");
        _log.Add($"protect:{protection.Flatten}:{protection.Reason}");
        return ValueTask.CompletedTask;
    }

    public ValueTask StopAsync(CancellationToken cancellation)
    {
        TestJournal.Write(_context, "stop");
        return ValueTask.CompletedTask;
    }

    public object? SaveState()
    {
        TestJournal.Write(_context, "save");
        return new RecorderState(_log.ToList());
    }

    public void RestoreState(object state) => _log.AddRange(((RecorderState)state).Received);

    public string Query(string question) => question switch
    {
        "log" => string.Join("|", _log),
        "parameters" => string.Join(",", _context.Spec.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}")),
        _ => "",
    };
}

/// <summary>Needs two models (test_model, other_model); Query("forward") runs test_model once on zeros.</summary>
[ComponentKind("test_model_user", Consumes = ["TEST_NUMBER"], Models = ["test_model", "other_model"])]
public sealed class TestModelUser : IComponent
{
    private readonly IComponentContext _context;

    public TestModelUser(IComponentContext context)
    {
        _context = context;
    }

    public ValueTask StartAsync(CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask HandleAsync(EventEnvelope envelope, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask StopAsync(CancellationToken cancellation) => ValueTask.CompletedTask;

    public object? SaveState() => null;

    public void RestoreState(object state)
    {
    }

    public string Query(string question)
    {
        if (question != "forward" || !_context.Models.TryGetValue("test_model", out var model)) return "";
        var input = new float[model.InputShape.Aggregate(1, (a, b) => a * b)];
        return string.Join(",", model.Forward(input).Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
    }
}

/// <summary>
/// A stand-in for the decision chain: on every <c>every</c>-th NEW_5MIN_BAR (parameter, default 3) it sends an
/// EXECUTE_TRADE for symbol ES, long and short in turn, one contract, stop and target <c>points</c> (default 2)
/// from the bar's close, held at most 6 bars. Deterministic, so a parity run gets the same trades.
/// </summary>
[ComponentKind("test_trader", Consumes = [EventTypes.New5MinBar, EventTypes.PositionUpdate], Produces = [EventTypes.ExecuteTrade])]
public sealed class TestTrader : IComponent
{
    private readonly IComponentContext _context;
    private long _bars;
    private long _trades;

    public TestTrader(IComponentContext context)
    {
        _context = context;
    }

    public ValueTask StartAsync(CancellationToken cancellation) => ValueTask.CompletedTask;

    public async ValueTask HandleAsync(EventEnvelope envelope, CancellationToken cancellation)
    {
        if (envelope.Payload is not BarPayload { Timeframe: 5 } bar || ++_bars % _context.Int("every", 3) != 0) return;
        var direction = _trades++ % 2 == 0 ? 1 : -1;
        var points = _context.Int("points", 2);
        var command = new ExecuteTradePayload($"T{_trades}",
            new TradeSpecification("ES", direction, bar.Close, "test"),
            new RiskParameters(1, bar.Close - (direction * points), bar.Close + (direction * points), 6, points * 50, points * 50));
        await _context.Bus.PublishAsync(EventTypes.ExecuteTrade, command, envelope.SimTime);
    }

    public ValueTask StopAsync(CancellationToken cancellation) => ValueTask.CompletedTask;

    public object? SaveState() => new TraderState(_bars, _trades);

    public void RestoreState(object state)
    {
        var saved = (TraderState)state;
        (_bars, _trades) = (saved.Bars, saved.Trades);
    }
}

[GenerateSerializer]
public sealed record TraderState([property: Id(0)] long Bars, [property: Id(1)] long Trades);

/// <summary>Records every event it receives, in order, as "TYPE source#seq payload-as-JSON" (parity tests).</summary>
[ComponentKind("test_event_log", Consumes = [EventTypes.OrderSubmitted, EventTypes.OrderFilled, EventTypes.OrderRejected, EventTypes.OrderCancelled,
    EventTypes.PositionUpdate, EventTypes.TradeClosed, EventTypes.RiskBreach, EventTypes.ExecuteTrade, EventTypes.New5MinBar, EventTypes.New30MinBar])]
public sealed class TestEventLog : IComponent
{
    private static readonly ConcurrentDictionary<string, ConcurrentQueue<string>> Logs = new();
    private readonly IComponentContext _context;

    /// <summary>What the component with this journal parameter received.</summary>
    public static IReadOnlyList<string> Read(string journal) => Logs.TryGetValue(journal, out var q) ? q.ToList() : [];

    public static string Describe(EventEnvelope envelope) =>
        $"{envelope.Type} {envelope.Source}#{envelope.Seq} {envelope.SimTime:O} {System.Text.Json.JsonSerializer.Serialize(envelope.Payload, envelope.Payload?.GetType() ?? typeof(object))}";

    public TestEventLog(IComponentContext context)
    {
        _context = context;
    }

    public ValueTask StartAsync(CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask HandleAsync(EventEnvelope envelope, CancellationToken cancellation)
    {
        if (_context.Text("journal") is { } journal) Logs.GetOrAdd(journal, _ => new ConcurrentQueue<string>()).Enqueue(Describe(envelope));
        return ValueTask.CompletedTask;
    }

    public ValueTask StopAsync(CancellationToken cancellation) => ValueTask.CompletedTask;

    public object? SaveState() => null;

    public void RestoreState(object state)
    {
    }
}
