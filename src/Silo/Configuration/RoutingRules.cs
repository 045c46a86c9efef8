using AlgoSpace.Grains.Interfaces.Components;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Interfaces.Events;

namespace AlgoSpace.Silo.Configuration;

/// <summary>
/// Validates the components list as the routing table: known kinds and events, each kind's declared capabilities,
/// one data and one execution handler per mode, a producer for every subscription and a consumer for every
/// publication, acyclic start dependencies, and the models the configured components need.
/// </summary>
public static class RoutingRules
{
    public static void Check(RuleContext c, ComponentCatalog catalog)
    {
        var components = c.Settings.Components;
        if (components.Count == 0)
        {
            // A missing list is already reported as a missing required key.
            if (!c.Positions.IsWritten("components")) return;
            c.Error("components", "an empty list", "the components to create", "Start from the components: list in settings/settings.yaml.");
            return;
        }

        var events = KnownEvents(c);
        for (var i = 0; i < components.Count; i++)
        {
            CheckEntry(c, catalog, events, i);
        }

        foreach (var mode in ModesToCheck(c.Settings))
        {
            CheckMode(c, catalog, mode);
        }

        CheckModels(c, catalog);
    }

    private static HashSet<string> KnownEvents(RuleContext c)
    {
        var events = EventCatalog.BuiltIn.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        var custom = c.Settings.CustomEvents;
        for (var i = 0; i < custom.Count; i++)
        {
            if (!events.Add(custom[i]))
            {
                var builtIn = EventCatalog.Find(custom[i]) is not null;
                c.Error($"custom_events[{i}]", $"'{custom[i]}'{(builtIn ? ", a built-in event" : " a second time")}", "a new event type",
                    builtIn ? "Built-in events need no declaration." : "Declare each event type once.");
            }
        }

        return events;
    }

    /// <summary>The active mode, and the other one too when the configuration names components for it (for a later mode switch).</summary>
    private static IEnumerable<TradingMode> ModesToCheck(AlgoSpaceSettings s)
    {
        yield return s.System.Mode;
        var other = s.System.Mode == TradingMode.Live ? TradingMode.Backtest : TradingMode.Live;
        var otherMode = other == TradingMode.Live ? ComponentMode.Live : ComponentMode.Backtest;
        if (s.Components.Any(x => x.Mode == otherMode)) yield return other;
    }

    private static bool IsIn(ComponentSettings entry, TradingMode mode) =>
        entry.Mode == ComponentMode.Any || (entry.Mode == ComponentMode.Live) == (mode == TradingMode.Live);

    private static void CheckEntry(RuleContext c, ComponentCatalog catalog, HashSet<string> events, int index)
    {
        var entry = c.Settings.Components[index];
        var path = $"components[{index}]";
        var kind = catalog.Find(entry.Type);
        if (kind is null)
        {
            var kinds = catalog.Kinds.Select(k => k.Kind).ToList();
            c.Error($"{path}.type", $"the unknown component type '{entry.Type}'", "a registered component kind",
                DidYouMean.Suggest(entry.Type, kinds) is { } s ? $"Did you mean '{s}'?" : $"Registered kinds: {string.Join(", ", kinds)}.");
        }
        else if (kind.Modes != ComponentMode.Any && entry.Mode != kind.Modes)
        {
            var only = SettingMember.EnumName(kind.Modes);
            c.Error($"{path}.mode", $"'{SettingMember.EnumName(entry.Mode)}' for {entry.Type}", $"'{only}'",
                $"{entry.Type} runs only in {only} mode; mark the entry mode: {only} and give the other mode its own {kind.Role switch { ComponentRole.DataHandler => "data handler", ComponentRole.ExecutionHandler => "execution handler", _ => "entry" }}.");
        }

        CheckEventList(c, events, entry.Subscribes, $"{path}.subscribes", kind?.Consumes, entry.Type, "handle");
        CheckEventList(c, events, entry.Publishes, $"{path}.publishes", kind?.Produces, entry.Type, "publish");

        for (var j = 0; j < entry.DependsOn.Count; j++)
        {
            var dependency = entry.DependsOn[j];
            if (dependency == entry.Name)
            {
                c.Error($"{path}.depends_on[{j}]", $"'{dependency}', the component itself", "another component");
            }
            else if (c.Settings.Components.All(x => x.Name != dependency))
            {
                var names = c.Settings.Components.Select(x => x.Name).Distinct();
                c.Error($"{path}.depends_on[{j}]", $"'{dependency}', which is not a component", "the name of a listed component",
                    DidYouMean.Suggest(dependency, names) is { } s ? $"Did you mean '{s}'?" : null);
            }
        }
    }

    private static void CheckEventList(RuleContext c, HashSet<string> events, List<string> list, string path, IReadOnlySet<string>? capable, string type, string verb)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var j = 0; j < list.Count; j++)
        {
            var name = list[j];
            var itemPath = $"{path}[{j}]";
            if (!events.Contains(name))
            {
                c.Error(itemPath, $"the unknown event '{name}'", "an event type of the catalogue or of custom_events",
                    DidYouMean.Suggest(name, events) is { } s ? $"Did you mean '{s}'?" : "Declare new event types under custom_events.");
            }
            else if (!seen.Add(name))
            {
                c.Error(itemPath, $"'{name}' a second time", "each event once");
            }
            else if (capable is not null && !capable.Contains(name) && EventCatalog.Find(name) is not null)
            {
                var can = capable.Count == 0 ? "none" : string.Join(", ", capable.Order(StringComparer.Ordinal));
                c.Error(itemPath, $"'{name}', which {type} does not {verb}", $"one of the events it can {verb}: {can}");
            }
        }
    }

    private static void CheckMode(RuleContext c, ComponentCatalog catalog, TradingMode mode)
    {
        var modeName = SettingMember.EnumName(mode);
        // Entries whose kind cannot run in this mode are reported by the entry check and left out here.
        var active = c.Settings.Components.Select((entry, index) => (entry, index))
            .Where(x => IsIn(x.entry, mode) && catalog.Find(x.entry.Type)?.RunsIn(mode) != false)
            .ToList();

        foreach (var group in active.GroupBy(x => x.entry.Name).Where(g => g.Count() > 1))
        {
            foreach (var (_, index) in group.Skip(1))
            {
                c.Error($"components[{index}].name", $"'{group.Key}' a second time in {modeName} mode", "a name unique within a mode",
                    "Two entries may share a name only when their modes differ (mode: live and mode: backtest).");
            }
        }

        CheckRole(c, catalog, active, mode, ComponentRole.DataHandler, "data handler");
        CheckRole(c, catalog, active, mode, ComponentRole.ExecutionHandler, "execution handler");
        CheckProducersAndConsumers(c, active, modeName);
        CheckDependencyCycles(c, active, modeName);
    }

    private static void CheckRole(RuleContext c, ComponentCatalog catalog, List<(ComponentSettings entry, int index)> active, TradingMode mode, ComponentRole role, string roleName)
    {
        var holders = active.Where(x => catalog.Find(x.entry.Type)?.Role == role).ToList();
        var modeName = SettingMember.EnumName(mode);
        if (holders.Count == 0)
        {
            var candidates = catalog.Kinds.Where(k => k.Role == role && k.RunsIn(mode)).Select(k => k.Kind);
            c.Error("components", $"no {roleName} for {modeName} mode", $"one component of type {string.Join(" or ", candidates)}",
                $"Add an entry for the {roleName} with mode: {modeName}.");
        }

        foreach (var (_, index) in holders.Skip(1))
        {
            c.Error($"components[{index}].type", $"a second {roleName} in {modeName} mode", $"exactly one {roleName} per mode");
        }
    }

    private static void CheckProducersAndConsumers(RuleContext c, List<(ComponentSettings entry, int index)> active, string modeName)
    {
        var produced = active.SelectMany(x => x.entry.Publishes).ToHashSet(StringComparer.Ordinal);
        var consumed = active.SelectMany(x => x.entry.Subscribes).ToHashSet(StringComparer.Ordinal);
        foreach (var (entry, index) in active)
        {
            for (var j = 0; j < entry.Subscribes.Count; j++)
            {
                var name = entry.Subscribes[j];
                if (!produced.Contains(name) && EventCatalog.Find(name) is not { KernelProduces: true } && IsKnown(c, name))
                {
                    c.Error($"components[{index}].subscribes[{j}]", $"'{name}', which no component publishes in {modeName} mode", "an event with a producer",
                        $"Add {name} to the publishes list of the component that produces it, or remove this subscription.");
                }
            }

            for (var j = 0; j < entry.Publishes.Count; j++)
            {
                var name = entry.Publishes[j];
                if (!consumed.Contains(name) && EventCatalog.Find(name) is not { KernelConsumes: true } && IsKnown(c, name))
                {
                    c.Error($"components[{index}].publishes[{j}]", $"'{name}', which nothing subscribes to in {modeName} mode", "an event with a consumer",
                        $"Add {name} to the subscribes list of the component that handles it, or stop publishing it.");
                }
            }
        }
    }

    /// <summary>Unknown events are reported once, by the entry check, not again as unproduced or unconsumed.</summary>
    private static bool IsKnown(RuleContext c, string name) => EventCatalog.Find(name) is not null || c.Settings.CustomEvents.Contains(name);

    private static void CheckDependencyCycles(RuleContext c, List<(ComponentSettings entry, int index)> active, string modeName)
    {
        var byName = active.GroupBy(x => x.entry.Name).ToDictionary(g => g.Key, g => g.First());
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 visiting, 2 done
        foreach (var name in byName.Keys)
        {
            var stack = new List<string>();
            if (FindCycle(name, byName, state, stack) is { } cycle)
            {
                var (_, index) = byName[cycle[0]];
                c.Error($"components[{index}].depends_on", $"the cycle {string.Join(" -> ", cycle)} in {modeName} mode", "dependencies without cycles",
                    "Start order follows depends_on, so a cycle has no order.");
                return;
            }
        }
    }

    private static List<string>? FindCycle(string name, Dictionary<string, (ComponentSettings entry, int index)> byName, Dictionary<string, int> state, List<string> stack)
    {
        if (state.GetValueOrDefault(name) == 2 || !byName.ContainsKey(name)) return null;
        if (state.GetValueOrDefault(name) == 1) return [.. stack[stack.IndexOf(name)..], name];
        state[name] = 1;
        stack.Add(name);
        foreach (var dependency in byName[name].entry.DependsOn)
        {
            if (FindCycle(dependency, byName, state, stack) is { } cycle) return cycle;
        }

        stack.RemoveAt(stack.Count - 1);
        state[name] = 2;
        return null;
    }

    private static void CheckModels(RuleContext c, ComponentCatalog catalog)
    {
        var configured = c.Settings.Models.Keys.Select(k => k[..^"_path".Length]).ToHashSet(StringComparer.Ordinal);
        var needed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in c.Settings.Components)
        {
            foreach (var model in catalog.Find(entry.Type)?.Models ?? [])
            {
                needed.Add(model);
                if (!configured.Contains(model))
                {
                    c.Warning("models", $"no {model}_path", $"{model}_path, which {entry.Name} needs",
                        $"Without it {entry.Name} runs degraded (FR-SK-04).");
                }
            }
        }

        foreach (var model in configured.Where(m => !needed.Contains(m)))
        {
            c.Warning($"models.{model}_path", $"the model '{model}', which no configured component uses", "models that a component needs",
                DidYouMean.Suggest(model, needed) is { } s ? $"Did you mean '{s}_path'?" : "It is loaded but never handed out.");
        }
    }
}
