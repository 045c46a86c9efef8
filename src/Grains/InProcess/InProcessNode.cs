using System.Diagnostics;
using AlgoSpace.Grains.Components;
using AlgoSpace.Grains.Components.Hosting;
using AlgoSpace.Grains.Interfaces.Components;
using AlgoSpace.Grains.Interfaces.Events;

namespace AlgoSpace.Grains.InProcess;

/// <summary>
/// One component in the in-process runner: the shell that hosts it (as a host grain's does), its bus and what it
/// cost. Errors the shell reports go to the runner, which stops the run on a critical one, as the kernel does.
/// </summary>
public sealed class InProcessNode : IComponentShellHost
{
    private readonly InProcessRunner _runner;

    internal InProcessNode(InProcessRunner runner, ComponentSpec spec, InProcessBus bus, AlgoSpace.Grains.Interfaces.Configuration.RecoverySettings recovery, ILogger logger)
    {
        _runner = runner;
        Spec = spec;
        Bus = bus;
        Shell = new ComponentShell(spec.Name, this, recovery, logger);
    }

    public ComponentSpec Spec { get; }

    public ComponentShell Shell { get; }

    /// <summary>The component: the runner keeps a node only once its shell has built it.</summary>
    public IComponent Component => Shell.Component!;

    public InProcessBus Bus { get; }

    public long Handled => Shell.Handled;

    public long SelfTicks { get; internal set; }

    /// <summary>Why the component runs degraded: at construction and later.</summary>
    public List<string> Degraded { get; } = [];

    public InProcessCost Cost() => new(Spec.Name, Handled, Stopwatch.GetElapsedTime(0, SelfTicks));

    ValueTask IComponentShellHost.ReportErrorAsync(SystemErrorPayload error)
    {
        if (error.Critical) _runner.Fail($"{error.ErrorType} error in {error.Component}: {error.Message}");
        return ValueTask.CompletedTask;
    }

    void IComponentShellHost.ReportDegraded(string reason) => Degraded.Add(reason);
}
