using AlgoSpace.Grains.Interfaces.Events;

namespace AlgoSpace.Grains.Components.Hosting;

/// <summary>
/// What a <see cref="ComponentShell"/> needs from whoever runs it (the host grain, or the in-process runner):
/// somewhere to send the errors it classified, and the degraded reports made once the component runs.
/// </summary>
public interface IComponentShellHost
{
    /// <summary>A handler or source failed; <see cref="SystemErrorPayload.Critical"/> says whether the run must stop.</summary>
    ValueTask ReportErrorAsync(SystemErrorPayload error);

    /// <summary>The running component reported itself degraded (those during construction go into the init result).</summary>
    void ReportDegraded(string reason);

    /// <summary>
    /// A handler or source failed because another silo is gone (<see cref="SiloLoss"/>). True when the host has told
    /// the kernel, which recovers the run; false where there is no cluster, and the failure is reported as an error.
    /// </summary>
    ValueTask<bool> ReportSiloLossAsync(string during, Exception exception) => ValueTask.FromResult(false);
}

/// <summary>
/// The parts of a component's context that depend on where it runs. <paramref name="Models"/> is asked only when the
/// spec names models; <paramref name="NoModelRegistry"/> is the reason given when it has none. The component logs to
/// <paramref name="ComponentLogger"/>, or to the shell's logger when that is null.
/// </summary>
public sealed record ComponentHostParts(
    AlgoSpace.Grains.Interfaces.Configuration.AlgoSpaceSettings Settings,
    IHostedBus Bus,
    AlgoSpace.Grains.Components.Journal.IComponentJournal Journal,
    IComponentCalls Calls,
    Func<AlgoSpace.Grains.Models.IModelRegistry?> Models,
    string NoModelRegistry,
    ILogger? ComponentLogger = null);
