using AlgoSpace.Grains.Interfaces.Components;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Interfaces.Events;
using AlgoSpace.Grains.Interfaces.Kernel;

namespace AlgoSpace.Grains.Kernel;

/// <summary>
/// The live routing table of one mode: for each event type, its producers and its subscribers in configuration
/// order, with the kernel appended as a subscriber of the events it consumes. Run-time subscriptions are added at
/// the end; unsubscriptions remove. Components that failed to start receive nothing (the kernel logs that).
/// </summary>
public sealed class RoutingTable
{
    private readonly Dictionary<string, List<string>> _subscribers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _producers = new(StringComparer.Ordinal);

    public RoutingTable(IEnumerable<ComponentSettings> components)
    {
        foreach (var component in components)
        {
            foreach (var type in component.Subscribes) Add(_subscribers, type, component.Name);
            foreach (var type in component.Publishes) Add(_producers, type, component.Name);
        }

        foreach (var type in _producers.Keys.ToList())
        {
            if (EventCatalog.Find(type) is { KernelConsumes: true }) Add(_subscribers, type, KernelKeys.KernelSubscriber);
        }
    }

    public static RoutingTable For(AlgoSpaceSettings settings, TradingMode mode, ComponentCatalog catalog) =>
        new(PipelineLayout.Expand(settings, catalog).Where(c => StartupPlan.InMode(c, mode)));

    public IReadOnlyList<string> SubscribersOf(string eventType) => _subscribers.TryGetValue(eventType, out var s) ? s : [];

    /// <summary>The subscribers of an event about <paramref name="instrument"/> (null: about none) from <paramref name="producer"/>.</summary>
    public IEnumerable<string> SubscribersOf(string eventType, string producer, string? instrument)
    {
        var about = PipelineKey.InstrumentOf(producer) ?? instrument;
        return SubscribersOf(eventType).Where(s => PipelineKey.Receives(s, about));
    }

    public IReadOnlyList<string> ProducersOf(string eventType) => _producers.TryGetValue(eventType, out var p) ? p : [];

    public IEnumerable<string> EventTypes => _producers.Keys.Union(_subscribers.Keys).Order(StringComparer.Ordinal);

    /// <summary>Adds a subscriber; returns false when it was already subscribed.</summary>
    public bool Subscribe(string eventType, string component)
    {
        if (SubscribersOf(eventType).Contains(component)) return false;
        Add(_subscribers, eventType, component);
        return true;
    }

    /// <summary>Removes a subscriber; returns false when it was not subscribed.</summary>
    public bool Unsubscribe(string eventType, string component) =>
        _subscribers.TryGetValue(eventType, out var list) && list.Remove(component);

    /// <summary>
    /// One producer's routes, leaving out subscribers that are not running. An instrument's component is routed to
    /// its own instrument's subscribers and the portfolio's; a portfolio producer gets them all, and its bus picks by
    /// each event's instrument (<see cref="PipelineKey.Receives"/>).
    /// </summary>
    public ComponentWiring WiringFor(ComponentSettings producer, ISet<string> excluded)
    {
        var instrument = PipelineKey.InstrumentOf(producer.Name);
        var routes = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var type in producer.Publishes)
        {
            routes[type] = SubscribersOf(type).Where(s => !excluded.Contains(s) && PipelineKey.Receives(s, instrument)).ToList();
        }

        return new ComponentWiring(routes);
    }

    /// <summary>The table as text: one line per event type, producers -> subscribers.</summary>
    public IEnumerable<string> Describe() => EventTypes.Select(type =>
        $"{type}: {Join(ProducersOf(type))} -> {Join(SubscribersOf(type))}");

    private static string Join(IReadOnlyList<string> names) => names.Count == 0 ? "(none)" : string.Join(", ", names);

    private static void Add(Dictionary<string, List<string>> map, string key, string value)
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        if (!list.Contains(value)) list.Add(value);
    }
}
