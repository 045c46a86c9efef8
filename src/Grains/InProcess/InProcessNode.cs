using System.Diagnostics;
using AlgoSpace.Components;
using AlgoSpace.Events;
using Polly;

namespace AlgoSpace.InProcess;

/// <summary>One component in the in-process runner: its logic, its bus and what it cost.</summary>
public sealed class InProcessNode(ComponentSpec spec, IComponent component, InProcessBus bus, ILogger logger, ResiliencePipeline retry)
{
    public ComponentSpec Spec { get; } = spec;
    public IComponent Component { get; } = component;
    public InProcessBus Bus { get; } = bus;
    public ILogger Logger { get; } = logger;
    public ResiliencePipeline Retry { get; } = retry;
    public long Handled { get; internal set; }
    public long SelfTicks { get; internal set; }
    public List<string> Degraded { get; } = [];

    public InProcessCost Cost() => new(Spec.Name, Handled, Stopwatch.GetElapsedTime(0, SelfTicks));

    public ValueTask HandleOnceAsync(EventEnvelope envelope) =>
        Retry.ExecuteAsync(static (s, ct) => s.Component.HandleAsync(s.Envelope, ct), (Component, Envelope: envelope), CancellationToken.None);
}
