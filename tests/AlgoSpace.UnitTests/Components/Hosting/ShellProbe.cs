using AlgoSpace.Grains.Components;
using AlgoSpace.Grains.Interfaces.Events;

namespace AlgoSpace.Tests.Components.Hosting;

/// <summary>
/// A component kind that exists for the shell's tests: it records what it handled and when it was built, restored
/// and started, and fails as its parameters say (transient_failures: the first n events throw a transient error;
/// fatal_at: the event with this seq throws a fatal one; degrade: reports itself degraded while it is built).
/// </summary>
[ComponentKind("shell_probe", Consumes = ["PROBE"], Produces = ["PROBE_REPLY", EventTypes.SystemError])]
public sealed class ShellProbe : ComponentAdapter<ShellProbeState>
{
    private readonly HashSet<long> _failedOnce = [];

    public ShellProbe(IComponentContext context) : base(context)
    {
        Steps.Add("built");
        if (context.Spec.Parameters.TryGetValue("degrade", out var reason)) context.ReportDegraded(reason);
        if (context.Spec.Parameters.ContainsKey("fail_build")) throw new InvalidOperationException("told to fail");
    }

    /// <summary>In order: built, restored, started, and each handled event as "seq@correlation".</summary>
    public List<string> Steps { get; } = [];

    public IComponentContext Given => Context;

    public override ValueTask StartAsync(CancellationToken cancellation)
    {
        Steps.Add("started");
        return ValueTask.CompletedTask;
    }

    protected override async ValueTask OnEventAsync(EventEnvelope envelope, CancellationToken cancellation)
    {
        if (envelope.Seq <= Int("transient_failures") && _failedOnce.Add(envelope.Seq)) throw new TransientComponentException($"flaky at {envelope.Seq}");
        if (envelope.Seq == Int("fatal_at")) throw new FatalComponentException($"fatal at {envelope.Seq}");
        if (envelope.Payload is null)
        {
            await ReportBadInputAsync(envelope, $"PROBE #{envelope.Seq} carried nothing");
            return;
        }

        Steps.Add($"{envelope.Seq}@{envelope.CorrelationId}");
        await Context.Bus.PublishAsync("PROBE_REPLY", envelope.Payload, envelope.SimTime);
    }

    protected override ShellProbeState Save() => new([.. Steps]);

    protected override void Restore(ShellProbeState state) => Steps.Add($"restored {state.Steps.Count}");

    private long Int(string name) => Context.Spec.Parameters.TryGetValue(name, out var text) ? long.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : -1;
}

[GenerateSerializer]
public sealed record ShellProbeState([property: Id(0)] List<string> Steps);
