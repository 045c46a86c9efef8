using System.ComponentModel;

namespace AlgoSpace.Grains.Interfaces.Configuration;

/// <summary>
/// When a component's handlers are slow enough to warn about (docs/configuration.md, "Slow handlers and repeated warnings"). Every handled
/// event is timed against the component's budget; one event over it (JIT compilation of a first call, a garbage
/// collection, a busy machine's scheduler) says nothing about the component, so a warning needs many slow events
/// close together, after a warm-up.
/// </summary>
public sealed class SlowHandlerSettings
{
    [SettingRange(0, 1_000_000), SettingUnit("events")]
    [Description("Events of each component that are timed but never warned about: the first calls of each code path are compiled then.")]
    public int WarmUpEvents { get; init; } = 100;

    [SettingRange(1, 100_000), SettingUnit("events")]
    [Description("The sliding window the rule counts slow events in: the component's last this many events.")]
    public int WindowEvents { get; init; } = 100;

    [SettingRange(0, 100), SettingUnit("percent")]
    [Description("A component is warned about when more than this share of the events in its window took longer than its budget.")]
    public double MaxSlowPercent { get; init; } = 10;
}
