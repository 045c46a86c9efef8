using System.Diagnostics;
using System.Runtime.ExceptionServices;
using AlgoSpace.Grains.Components;
using AlgoSpace.Grains.Components.Hosting;
using AlgoSpace.Grains.Interfaces.Components;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Interfaces.Events;
using AlgoSpace.Grains.Interfaces.Kernel;
using AlgoSpace.Grains.Kernel;
using AlgoSpace.Grains.Kernel.Run;
using AlgoSpace.Grains.Models;
using Microsoft.Extensions.Logging.Abstractions;

namespace AlgoSpace.Grains.InProcess;

/// <summary>
/// Runs a backtest without Orleans: the same component classes, built from the same settings by the same registry,
/// ordered by the same <see cref="StartupPlan"/> and wired by the same <see cref="RoutingTable"/> as the kernel
/// builds, with events delivered synchronously in routing order and stamped as the bus stamps them. It is the
/// correctness reference for the Orleans pipeline (same input, same trades) and its performance floor.
/// The end of a backtest is the kernel's: BACKTEST_COMPLETE is delivered (everything it causes finishes before the
/// publish returns, so the bus is already quiet), then positions are protected (flattened when
/// system.close_positions_on_shutdown), then the components stop in stop order. No state is persisted.
/// </summary>
public sealed partial class InProcessRunner
{
    private readonly AlgoSpaceSettings _settings;
    private readonly ComponentRegistry _registry;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _logger;
    private readonly IModelRegistry? _models;
    private readonly StartupPlan _plan;
    private readonly RoutingTable _routes;
    private readonly Dictionary<string, InProcessNode> _nodes = new(StringComparer.Ordinal);
    // By event type and the instrument the event is about (null: none), which is all the routes depend on.
    private readonly Dictionary<(string Type, string? Instrument), InProcessNode?[]> _wiring = [];
    private readonly CancellationTokenSource _stop = new();
    private long _childTicks;
    private long _events;
    private long _ticks;
    private string? _fatal;

    public InProcessRunner(AlgoSpaceSettings settings, ComponentRegistry registry, ILoggerFactory? loggers = null, IModelRegistry? models = null)
    {
        _settings = settings;
        _registry = registry;
        _loggers = loggers ?? NullLoggerFactory.Instance;
        _logger = _loggers.CreateLogger<InProcessRunner>();
        _models = models;
        _plan = StartupPlan.For(settings, settings.System.Mode, registry.Catalog);
        _routes = RoutingTable.For(settings, settings.System.Mode, registry.Catalog);
    }

    /// <summary>Sees every envelope as it is published, before it is delivered (parity tests, latency probes).</summary>
    public Action<EventEnvelope>? Observer { get; init; }

    public InProcessNode? Find(string name) => _nodes.GetValueOrDefault(name);

    /// <summary>
    /// The kernel's operations over plain components: the startup sequence, the sources run to their end (or to a
    /// stop), then the shutdown sequence. Both are <see cref="RunSequence"/> operations (<see cref="InProcessSteps"/>).
    /// </summary>
    public async Task<InProcessResult> RunAsync(CancellationToken cancellation = default)
    {
        if (_settings.System.Mode != TradingMode.Backtest)
        {
            throw new InvalidOperationException("The in-process runner replays backtests only; system.mode is live.");
        }

        using var link = cancellation.Register(() => _stop.Cancel());
        var sequence = new RunSequence(_settings.System, _logger);
        var steps = new InProcessSteps(this);
        var startup = await sequence.RunAsync(RunOperation.Startup, steps);
        if (startup.Error is not null) ExceptionDispatchInfo.Throw(startup.Error);
        foreach (var source in _plan.StartOrder.Select(e => _nodes.GetValueOrDefault(e.Name)).OfType<InProcessNode>())
        {
            if (source.Component is not ISourceComponent pump || _stop.IsCancellationRequested) continue;
            await source.Shell.RunSourceAsync(pump, _stop.Token);
        }

        await sequence.RunAsync(RunOperation.Shutdown, steps);
        var elapsed = Stopwatch.GetElapsedTime(steps.StartedAt);
        var costs = _plan.ActivationOrder.Select(e => _nodes.GetValueOrDefault(e.Name)?.Cost()).OfType<InProcessCost>().ToList();
        return new InProcessResult(_ticks, _events, elapsed, costs, _fatal);
    }

    /// <summary>What each step of the run sequence means without Orleans: no wiring (the routing table is read at each publish), no drain (delivery is synchronous), no persistence.</summary>
    private sealed class InProcessSteps(InProcessRunner runner) : IRunSteps
    {
        public long StartedAt { get; private set; } = Stopwatch.GetTimestamp();

        public Task<StepOutcome> CreateAsync(StepCall call)
        {
            runner.Initialize();
            return Done($"{runner._nodes.Count} components");
        }

        public Task<StepOutcome> WireAsync(StepCall call) => Done("routes read from the routing table at each publish");

        public async Task<StepOutcome> StartAsync(StepCall call)
        {
            StartedAt = Stopwatch.GetTimestamp();
            foreach (var node in runner.InOrder(runner._plan.StartOrder)) await node.Component.StartAsync(CancellationToken.None);
            return StepOutcome.Done("data last");
        }

        public Task<StepOutcome> StopDataAsync(StepCall call) => Done("the sources ended or were stopped");

        public async Task<StepOutcome> ProtectBookAsync(StepCall call)
        {
            var fatal = runner._fatal;
            var flatten = fatal is not null || runner._settings.System.ClosePositionsOnShutdown;
            await runner.ProtectPositionsAsync(fatal is not null ? BookProtection.Emergency(fatal) : BookProtection.Shutdown(flatten));
            return StepOutcome.Done(flatten ? "working orders cancelled, positions flattened" : "working orders cancelled");
        }

        public Task<StepOutcome> DrainAsync(StepCall call) => Done("delivery is synchronous: nothing is in flight");

        public Task<StepOutcome> ReportAsync(StepCall call) => Done("the caller reports from the result");

        public async Task<StepOutcome> CheckpointAndStopAsync(StepCall call)
        {
            foreach (var node in runner.InOrder(runner._plan.StopOrder)) await node.Shell.StopAsync();
            return StepOutcome.Done("nothing persisted; components stopped");
        }

        private static Task<StepOutcome> Done(string detail) => Task.FromResult(StepOutcome.Done(detail));
    }

    private IEnumerable<InProcessNode> InOrder(IEnumerable<ComponentSettings> order) =>
        order.Select(e => _nodes.GetValueOrDefault(e.Name)).OfType<InProcessNode>();

    /// <summary>Builds each component through its shell, in activation order; none is persisted, so none is restored.</summary>
    private void Initialize()
    {
        foreach (var entry in _plan.ActivationOrder)
        {
            var spec = ComponentSpecs.For(_settings, _registry.Catalog, entry);
            var bus = new InProcessBus(this, spec);
            var node = new InProcessNode(this, spec, bus, _settings.Recovery, _logger);
            try
            {
                var parts = new ComponentHostParts(_settings, bus, new AlgoSpace.Grains.Components.Journal.InMemoryJournal(), new InProcessCalls(this, spec.Name),
                    () => _models, "no model registry given to the in-process runner", _loggers.CreateLogger($"AlgoSpace.Components.{spec.Name}"));
                var result = node.Shell.Create(_registry, spec, parts, piece: null);
                _nodes[spec.Name] = node;
                if (result.Reason is { } reasons)
                {
                    node.Degraded.AddRange(node.Shell.DegradedAtStart);
                    LogDegraded(_logger, spec.Name, reasons);
                }
            }
            catch (Exception ex) when (!spec.Critical)
            {
                // As in the kernel: a non-critical component that cannot start is left out of the routing.
                LogInitFailed(_logger, spec.Name, spec.Kind, ex);
            }
            catch (Exception ex)
            {
                throw new InvalidOperationException($"Critical component {spec.Name} ({spec.Kind}) failed to initialise: {ex.Message}", ex);
            }
        }
    }

    /// <summary>Delivers one envelope to its subscribers in routing order; returns when all have handled it.</summary>
    internal async ValueTask DeliverAsync(InProcessBus from, EventEnvelope envelope)
    {
        _events++;
        if (envelope.Type == EventTypes.NewTick)
        {
            _ticks += envelope.Payload is TickBatchPayload batch ? batch.Ticks.Count : 1;
        }

        Observer?.Invoke(envelope);
        foreach (var subscriber in Subscribers(envelope.Type, envelope.Source, (envelope.Payload as IInstrumentPayload)?.Symbol))
        {
            from.Sent++;
            if (subscriber is null) OnKernelEvent(envelope);
            else await HandleAsync(subscriber, envelope);
        }
    }

    /// <summary>Hands the envelope to the node's shell, and takes the time of the handlers it caused off the node's cost.</summary>
    private async ValueTask HandleAsync(InProcessNode node, EventEnvelope envelope)
    {
        var outerChildren = _childTicks;
        _childTicks = 0;
        var started = Stopwatch.GetTimestamp();
        try
        {
            await node.Shell.HandleAsync(envelope);
        }
        finally
        {
            var total = Stopwatch.GetTimestamp() - started;
            node.SelfTicks += total - _childTicks;
            _childTicks = outerChildren + total;
        }
    }

    /// <summary>The kernel's part: it stops the run on a critical error or a shutdown request.</summary>
    private void OnKernelEvent(EventEnvelope envelope)
    {
        switch (envelope.Payload)
        {
            case SystemErrorPayload { Critical: true } error:
                Fail($"{error.ErrorType} error in {error.Component}: {error.Message}");
                break;
            case ShutdownRequestPayload request:
                LogShutdownRequested(_logger, envelope.Source, request.Reason);
                _stop.Cancel();
                break;
        }
    }

    /// <summary>A critical error stops the run: the data stops, then the end-of-backtest steps run as after a shutdown.</summary>
    internal void Fail(string reason)
    {
        _fatal ??= reason;
        _stop.Cancel();
    }

    private async Task ProtectPositionsAsync(BookProtection protection)
    {
        foreach (var entry in _plan.StopOrder.Where(c => _registry.Catalog.Find(c.Type)?.Role == ComponentRole.ExecutionHandler))
        {
            if (_nodes.GetValueOrDefault(entry.Name) is not { Component: IPositionKeeper keeper } node) continue;
            node.Bus.CurrentCorrelation = null;
            await keeper.ProtectPositionsAsync(protection, CancellationToken.None);
        }
    }

    /// <summary>
    /// The running subscribers of an event in routing order, as the kernel wires them (<see cref="RoutingTable.WiringFor"/>
    /// and the bus's pick by instrument); null stands for the kernel.
    /// </summary>
    private InProcessNode?[] Subscribers(string eventType, string producer, string? instrument)
    {
        var key = (eventType, PipelineKey.InstrumentOf(producer) ?? instrument);
        if (_wiring.TryGetValue(key, out var wired)) return wired;
        wired = _routes.SubscribersOf(eventType, producer, instrument)
            .Where(s => s == KernelKeys.KernelSubscriber || _nodes.ContainsKey(s))
            .Select(s => s == KernelKeys.KernelSubscriber ? null : _nodes[s])
            .ToArray();
        _wiring[key] = wired;
        return wired;
    }

    internal void Subscribe(string eventType, string component)
    {
        // A publish in progress keeps the array it started with, as a producer keeps its old wiring in a silo.
        if (_routes.Subscribe(eventType, component)) ForgetWiring(eventType);
    }

    internal void Unsubscribe(string eventType, string component)
    {
        if (_routes.Unsubscribe(eventType, component)) ForgetWiring(eventType);
    }

    private void ForgetWiring(string eventType)
    {
        foreach (var key in _wiring.Keys.Where(k => k.Type == eventType).ToList()) _wiring.Remove(key);
    }

    [LoggerMessage(EventId = 1900, Level = LogLevel.Error, Message = "In-process runner: component {Component} ({Kind}) failed to initialise and is left out")]
    private static partial void LogInitFailed(ILogger logger, string component, string kind, Exception exception);

    [LoggerMessage(EventId = 1903, Level = LogLevel.Warning, Message = "In-process runner: component {Component} runs degraded: {Reasons}")]
    private static partial void LogDegraded(ILogger logger, string component, string reasons);

    [LoggerMessage(EventId = 1905, Level = LogLevel.Warning, Message = "In-process runner: {Source} asked for shutdown: {Reason}")]
    private static partial void LogShutdownRequested(ILogger logger, string source, string reason);
}
