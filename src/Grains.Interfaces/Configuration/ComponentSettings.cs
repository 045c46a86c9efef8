using System.ComponentModel;

namespace AlgoSpace.Grains.Interfaces.Configuration;

/// <summary>One entry of the components list: a component the kernel creates and its place in the routing table.</summary>
public sealed class ComponentSettings
{
    [RequiredSetting, SettingPattern("^[a-z][a-z0-9_]*$", "snake_case, for example bar_generator")]
    [Description("Instance name, unique within a mode; also the grain key.")]
    public string Name { get; init; } = "";

    [RequiredSetting, Description("Component kind, as registered by the type that implements it (for example backtest_data_handler).")]
    public string Type { get; init; } = "";

    [Description("Modes this entry is created in. Live and backtest differ only in their data and execution handler entries.")]
    public ComponentMode Mode { get; init; } = ComponentMode.Any;

    [Description("A critical component that fails to start stops the system (exit 3); any other goes Degraded and the system continues.")]
    public bool Critical { get; init; }

    [Description("instrument: one copy per traded symbol ({name}@{symbol}), seeing only that instrument's events; portfolio: one for all. Left out: portfolio for data handlers, execution handlers and the performance tracker, instrument for every other kind. Matters only when symbols lists more than one.")]
    public ComponentScope? Scope { get; init; }

    [Description("Components that must be started before this one (they are called, not subscribed to).")]
    public List<string> DependsOn { get; init; } = [];

    [Description("Event types delivered to this component.")]
    public List<string> Subscribes { get; init; } = [];

    [Description("Event types this component publishes.")]
    public List<string> Publishes { get; init; } = [];

    [SettingRange(0.001, 600_000), SettingUnit("milliseconds")]
    [Description("How long one event may take this component (its publishes not counted) before it counts as slow; left out, the kind's budget from its contract (docs/configuration.md, \"Slow handlers and repeated warnings\").")]
    public double? HandlerBudgetMs { get; init; }

    [Description("Parameters for a component kind added by configuration, which has no settings section of its own (names and values as the kind documents them).")]
    public Dictionary<string, string> Parameters { get; init; } = [];
}
