using AlgoSpace.Grains.Interfaces.Configuration;

namespace AlgoSpace.Grains.Interfaces.Components;

/// <summary>What the kernel tells a component host to create: one entry of the components list, and the mode the
/// system runs in (null: system.mode of the settings). <see cref="Pipeline"/> names the entries made per instrument
/// (empty with one symbol), so that an instrument's component calls its own instrument's copies.</summary>
[GenerateSerializer, Immutable]
public sealed record ComponentSpec(
    [property: Id(0)] string Name,
    [property: Id(1)] string Kind,
    [property: Id(2)] bool Critical,
    [property: Id(3)] IReadOnlyList<string> Subscribes,
    [property: Id(4)] IReadOnlyList<string> Publishes,
    [property: Id(5)] IReadOnlyList<string> Models,
    [property: Id(6)] IReadOnlyDictionary<string, string> Parameters,
    [property: Id(7)] TradingMode? Mode = null,
    [property: Id(8)] IReadOnlyList<string>? Pipeline = null)
{
    /// <summary>The instrument this component trades: its own for an instrument's copy, else null (portfolio-wide, or the only symbol).</summary>
    public string? Instrument => PipelineKey.InstrumentOf(Name);

    /// <summary>The component a call to <paramref name="name"/> (a components-list entry) reaches: the caller's instrument's copy when there is one.</summary>
    public string CallTarget(string name) =>
        Instrument is { } symbol && Pipeline is { } pipeline && pipeline.Contains(name) ? PipelineKey.Compose(name, symbol) : name;
}
