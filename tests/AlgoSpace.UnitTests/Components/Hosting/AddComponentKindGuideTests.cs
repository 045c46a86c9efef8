using AlgoSpace.Grains.Components;
using AlgoSpace.Grains.Components.Hosting;
using AlgoSpace.Grains.Components.Journal;
using AlgoSpace.Grains.Interfaces.Components;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Interfaces.Events;
using AlgoSpace.Grains.Interfaces.Kernel;
using AlgoSpace.Grains.Kernel;
using AlgoSpace.Silo.Configuration;
using static AlgoSpace.Tests.Components.Hosting.ShellHarness;

namespace AlgoSpace.Tests.Components.Hosting;

/// <summary>
/// docs/architecture.md, "How to add a component kind", followed step by step: a kind declared only by its
/// attribute in an assembly of its own (this one), found by the registry, named in a settings file that validates
/// against the registry's catalogue, built whole by a <see cref="ComponentShell"/> from its settings entry, and handed
/// only the events its kind consumes.
/// </summary>
public sealed class AddComponentKindGuideTests
{
    private const string Settings = """
        system:
          mode: backtest
        models: {}
        data_handler:
          backtest_file: ../data/ticks.csv
        risk_management:
          max_daily_loss: 5000
        execution: {}
        components:
          - name: data_handler
            type: backtest_data_handler
            mode: backtest
            critical: true
            publishes: [NEW_TICK, BACKTEST_COMPLETE]
          - name: bar_generator
            type: bar_generator
            subscribes: [NEW_TICK]
            publishes: [NEW_30MIN_BAR]
          - name: bar_counter
            type: guide_bar_counter
            subscribes: [NEW_30MIN_BAR]
            parameters:
              label: thirty
          - name: execution_handler
            type: backtest_execution_handler
            mode: backtest
            subscribes: [NEW_TICK]
            publishes: [ORDER_FILLED, TRADE_CLOSED]
        """;

    [Fact]
    public async Task A_kind_added_by_the_guide_is_found_validated_built_whole_and_given_only_what_it_consumes()
    {
        // Steps 1-2: the class below, declared by its attribute only; the registry finds it in its assembly.
        var registry = new ComponentRegistry([typeof(GuideBarCounter).Assembly]);
        Assert.True(registry.IsImplemented("guide_bar_counter"));
        var declared = registry.Catalog.Find("guide_bar_counter")!;
        Assert.Equal((ComponentRole.Processor, ComponentMode.Any), (declared.Role, declared.Modes));
        Assert.True(declared.Consumes.SetEquals([EventTypes.New30MinBar]));

        // Step 3: a components: entry; settings are validated against the registry's catalogue.
        using var tree = new TestProjectTree();
        var loaded = SettingsLoader.Load(tree.WriteSettings("guide.yaml", Settings), catalog: registry.Catalog);
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Diagnostics));
        var settings = loaded.Settings!;

        // Step 4: a host builds it whole from its settings entry, as the kernel and the in-process runner do.
        var entry = settings.Components.Single(c => c.Name == "bar_counter");
        var spec = ComponentSpecs.For(settings, registry.Catalog, entry, TradingMode.Backtest);
        var host = new RecordingHost();
        var shell = new ComponentShell(entry.Name, host, new RecoverySettings { MaxAttempts = 1, InitialDelayMs = 1, MaxDelayMs = 2 }, new RecordingLogger());
        var bus = new HostedBus(new ManualTime());
        var result = shell.Create(registry, spec, new ComponentHostParts(settings, bus, new InMemoryJournal(), NoComponentCalls.Instance, () => null, "none"), null);

        Assert.Equal(ComponentState.Initialized, result.State);
        var counter = Assert.IsType<GuideBarCounter>(shell.Component);
        Assert.Equal("thirty", counter.Label);

        Assert.True(await shell.HandleAsync(Event(1, source: "bar_generator", type: EventTypes.New30MinBar)));
        Assert.True(await shell.HandleAsync(Event(2, source: "bar_generator", type: EventTypes.New5MinBar)));
        Assert.True(await shell.HandleAsync(Event(3, source: "bar_generator", type: EventTypes.New30MinBar)));

        Assert.Equal([1L, 3L], counter.Seen);
        Assert.Equal("thirty: 2", counter.Query("status"));
        Assert.Empty(host.Errors);
    }

    private sealed class RecordingHost : IComponentShellHost
    {
        public List<SystemErrorPayload> Errors { get; } = [];

        public ValueTask ReportErrorAsync(SystemErrorPayload error)
        {
            Errors.Add(error);
            return ValueTask.CompletedTask;
        }

        public void ReportDegraded(string reason) => Errors.Add(new SystemErrorPayload("guide", "Degraded", reason, false));
    }
}

/// <summary>The kind of the guide's example: counts the 30-minute bars it is given; its parameter labels its status line.</summary>
[ComponentKind("guide_bar_counter", Consumes = [EventTypes.New30MinBar], Description = "Counts 30-minute bars (the architecture guide's example).")]
public sealed class GuideBarCounter(IComponentContext context) : ComponentAdapter(context)
{
    public string Label { get; } = context.Spec.Parameters.GetValueOrDefault("label", "bars");

    public List<long> Seen { get; } = [];

    public override string Query(string question) => question == "status" ? $"{Label}: {Seen.Count}" : "";

    protected override ValueTask OnEventAsync(EventEnvelope envelope, CancellationToken cancellation)
    {
        Seen.Add(envelope.Seq);
        return ValueTask.CompletedTask;
    }
}
