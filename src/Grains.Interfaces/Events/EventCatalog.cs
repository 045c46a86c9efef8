namespace AlgoSpace.Grains.Interfaces.Events;

/// <summary>
/// What the kernel itself does with an event type. Routing validation treats the kernel as a producer or a
/// consumer of these, so that, for example, ORDER_FILLED needs no component subscriber: the kernel records it.
/// </summary>
/// <param name="Name">The event type.</param>
/// <param name="KernelConsumes">The kernel subscribes to it (control events, or monitoring that it counts and logs).</param>
/// <param name="KernelProduces">The kernel publishes it.</param>
public sealed record EventDescriptor(string Name, bool KernelConsumes, bool KernelProduces);

/// <summary>The built-in event catalogue.</summary>
public static class EventCatalog
{
    public static IReadOnlyList<EventDescriptor> BuiltIn { get; } =
    [
        new(EventTypes.NewTick, false, false),
        new(EventTypes.New5MinBar, false, false),
        new(EventTypes.New30MinBar, false, false),
        new(EventTypes.IndicatorsReady, false, false),
        new(EventTypes.SynergyDetected, false, false),
        new(EventTypes.ExecuteTrade, false, false),
        new(EventTypes.TradeRejected, true, false),
        new(EventTypes.OrderSubmitted, true, false),
        new(EventTypes.OrderFilled, true, false),
        new(EventTypes.OrderRejected, true, false),
        new(EventTypes.OrderCancelled, true, false),
        new(EventTypes.PositionUpdate, true, false),
        new(EventTypes.TradeClosed, true, false),
        new(EventTypes.PerformanceUpdate, true, false),
        new(EventTypes.RiskBreach, true, false),
        new(EventTypes.BacktestComplete, true, false),
        new(EventTypes.ConnectionLost, true, false),
        new(EventTypes.ConnectionRestored, true, false),
        new(EventTypes.SystemError, true, false),
        new(EventTypes.ShutdownRequest, true, false),
        new(EventTypes.SystemStart, false, true),
        new(EventTypes.SystemShutdown, false, true),
        new(EventTypes.ComponentStarted, false, true),
        new(EventTypes.ComponentStopped, false, true),
    ];

    private static readonly Dictionary<string, EventDescriptor> ByName = BuiltIn.ToDictionary(e => e.Name, StringComparer.Ordinal);

    /// <summary>The descriptor of a built-in event type, or null.</summary>
    public static EventDescriptor? Find(string name) => ByName.GetValueOrDefault(name);
}
