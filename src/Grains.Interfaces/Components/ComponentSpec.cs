using AlgoSpace.Grains.Interfaces.Configuration;

namespace AlgoSpace.Grains.Interfaces.Components;

/// <summary>What the kernel tells a component host to create: one entry of the components list, and the mode the
/// system runs in (null: system.mode of the settings).</summary>
[GenerateSerializer, Immutable]
public sealed record ComponentSpec(
    [property: Id(0)] string Name,
    [property: Id(1)] string Kind,
    [property: Id(2)] bool Critical,
    [property: Id(3)] IReadOnlyList<string> Subscribes,
    [property: Id(4)] IReadOnlyList<string> Publishes,
    [property: Id(5)] IReadOnlyList<string> Models,
    [property: Id(6)] IReadOnlyDictionary<string, string> Parameters,
    [property: Id(7)] TradingMode? Mode = null);
