namespace AlgoSpace.Grains.Components.Execution;

/// <summary>
/// Everything the execution handler must keep to resume a run exactly (component-contracts 2.9, State P,
/// critical): working orders, open trades with their brackets, the fill journal, recent execution ids, the account,
/// the last prices and the PRNG's seed and draw counter.
/// </summary>
/// <param name="TickIndex">Ticks handled: orders placed at tick n fill from tick n + 1.</param>
/// <param name="NextOrderNumber">The number of the next order id.</param>
/// <param name="Now">The latest simulation time seen: the time of shutdown fills.</param>
[GenerateSerializer, Immutable]
public sealed record ExecutionEngineState(
    [property: Id(0)] IReadOnlyList<Order> Orders,
    [property: Id(1)] IReadOnlyList<TradeState> Trades,
    [property: Id(2)] IReadOnlyList<FillRecord> Journal,
    [property: Id(3)] IReadOnlyList<SeenExecution> RecentExecutionIds,
    [property: Id(4)] IReadOnlyDictionary<string, double> LastPrices,
    [property: Id(5)] AccountState Account,
    [property: Id(6)] int RunSeed,
    [property: Id(7)] long RandomDraws,
    [property: Id(8)] long TickIndex,
    [property: Id(9)] long NextOrderNumber,
    [property: Id(10)] DateTime? Now,
    [property: Id(11)] ExecutionCounters Counters);
