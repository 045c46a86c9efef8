using AlgoSpace.Grains.Components;
using AlgoSpace.Grains.Components.Hosting;
using AlgoSpace.Grains.Interfaces.Components;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Interfaces.Events;
using AlgoSpace.Grains.Models;

namespace AlgoSpace.Tests.Components.Hosting;

/// <summary>
/// A <see cref="ComponentShell"/> hosting a <see cref="ShellProbe"/> built by the real registry, with a host that
/// records what the shell reports and a bus that records what the probe publishes.
/// </summary>
public sealed class ShellHarness : IComponentShellHost
{
    public static readonly ComponentRegistry Registry = new([typeof(ShellProbe).Assembly]);

    public ShellHarness(Dictionary<string, string>? parameters = null, IReadOnlyList<string>? models = null, int retries = 3)
    {
        Spec = new ComponentSpec("probe", "shell_probe", false, ["PROBE"], ["PROBE_REPLY", EventTypes.SystemError], models ?? [], parameters ?? []);
        Shell = new ComponentShell("probe", this, new RecoverySettings { MaxAttempts = retries, InitialDelayMs = 1, MaxDelayMs = 2 }, Logger, Time);
        Bus = new HostedBus(Time);
    }

    public ComponentSpec Spec { get; }

    public ComponentShell Shell { get; }

    /// <summary>The shell's clock: it moves only when a publish takes time (<see cref="HostedBus.PublishTakes"/>) or a test moves it.</summary>
    public ManualTime Time { get; } = new();

    public HostedBus Bus { get; }

    public RecordingLogger Logger { get; } = new();

    public List<SystemErrorPayload> Errors { get; } = [];

    public List<string> Degraded { get; } = [];

    public ShellProbe Probe => (ShellProbe)Shell.Component!;

    public ComponentInitResult Create(HostCheckpoint? piece = null, IModelRegistry? models = null) =>
        Shell.Create(Registry, Spec, new ComponentHostParts(new AlgoSpaceSettings(), Bus, new AlgoSpace.Grains.Components.Journal.InMemoryJournal(),
            NoComponentCalls.Instance, () => models, "no registry here"), piece);

    public static EventEnvelope Event(long seq, string source = "source", string? type = null, EventPayload? payload = null) =>
        new(type ?? "PROBE", seq, new DateTime(2024, 1, 2, 9, 30, 0).AddSeconds(seq), source, $"{source}:{seq}", payload ?? new BacktestCompletePayload(seq, 0, seq));

    public ValueTask ReportErrorAsync(SystemErrorPayload error)
    {
        Errors.Add(error);
        return ValueTask.CompletedTask;
    }

    public void ReportDegraded(string reason) => Degraded.Add(reason);

    /// <summary>Records publishes with the correlation the shell set, as the real buses inherit it.</summary>
    public sealed class HostedBus(ManualTime time) : IHostedBus
    {
        public string? CurrentCorrelation { get; set; }

        public List<(string Type, string? Correlation)> Published { get; } = [];

        /// <summary>How long a publish takes on the shell's clock, as a lockstep publish waits for its subscribers (no time by default).</summary>
        public TimeSpan PublishTakes { get; set; }

        public ValueTask PublishAsync(string eventType, EventPayload? payload, DateTime simTime, string? correlationId = null)
        {
            Published.Add((eventType, correlationId ?? CurrentCorrelation));
            time.Advance(PublishTakes);
            return ValueTask.CompletedTask;
        }

        public Task SubscribeAsync(string eventType) => Task.CompletedTask;

        public Task UnsubscribeAsync(string eventType) => Task.CompletedTask;
    }
}
