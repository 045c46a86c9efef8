using AlgoSpace.Grains.Interfaces.Events;
using AlgoSpace.MarketData.Files;

namespace AlgoSpace.Grains.Components.Data;

/// <summary>
/// What the backtest data handler saves so that a restart resumes where it stopped, without publishing a tick
/// twice (component-contracts 2.1 State; the validator window is saved too, so that the resumed run decides
/// exactly as an unbroken one would). <see cref="CompletePublished"/> keeps a finished replay from announcing
/// BACKTEST_COMPLETE again. <see cref="Held"/> are ticks the source has accepted but that were not yet published
/// (the batch being gathered, event_bus.tick_batch_size &gt; 1): a resumed run publishes them first. A portfolio's
/// replay saves every file's position and read-ahead tick in <see cref="Lanes"/> (<see cref="Source"/> is then the
/// first file's), with <see cref="Held"/> the window being gathered and <see cref="Pending"/> the batches of a cut
/// window not yet published (<see cref="TickWindow"/>); one file's is saved in <see cref="Source"/> alone, as before
/// portfolios.
/// </summary>
[GenerateSerializer]
public sealed record BacktestDataHandlerState(
    [property: Id(0)] TickSourceSnapshot Source,
    [property: Id(1)] bool CompletePublished,
    [property: Id(2)] TickBatchPayload? Held = null,
    [property: Id(3)] IReadOnlyList<TickMergeLaneState>? Lanes = null,
    [property: Id(4)] IReadOnlyList<TickBatchPayload>? Pending = null);
