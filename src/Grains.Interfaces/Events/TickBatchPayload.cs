namespace AlgoSpace.Grains.Interfaces.Events;

/// <summary>
/// NEW_TICK carrying several consecutive ticks (backtest only, event_bus.tick_batch_size &gt; 1). The backtest data
/// handler cuts batches so that no tick after the first starts a new bucket of any configured timeframe: only the
/// first tick of a batch can close bars, so a consumer that handles the ticks one by one, in order, does exactly
/// what it would do with one NEW_TICK per tick. <see cref="FirstTickSeq"/> is the sequence number the first tick
/// would have carried unbatched (its 1-based position among the ticks published); tick i is FirstTickSeq + i, so
/// anything seeded by a tick's seq (the fill-probability draw) is the same batched or not.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record TickBatchPayload(
    [property: Id(0)] IReadOnlyList<TickPayload> Ticks,
    [property: Id(1)] long FirstTickSeq) : EventPayload, IInstrumentPayload
{
    /// <summary>A batch holds one instrument's ticks (the data handler cuts it where the instrument changes).</summary>
    string IInstrumentPayload.Symbol => Ticks[0].Symbol;
}
