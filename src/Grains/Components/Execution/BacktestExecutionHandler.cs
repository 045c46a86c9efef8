using AlgoSpace.Components.Execution.Venues;
using AlgoSpace.Configuration;
using static AlgoSpace.Events.EventTypes;

namespace AlgoSpace.Components.Execution;

/// <summary>The backtest_execution_handler component: the simulated fill model against the replayed ticks.</summary>
[ComponentKind("backtest_execution_handler",
    Role = ComponentRole.ExecutionHandler,
    Modes = ComponentMode.Backtest,
    Consumes = [ExecuteTrade, NewTick, New5MinBar],
    Produces = [OrderSubmitted, OrderFilled, OrderRejected, OrderCancelled, PositionUpdate, TradeClosed, RiskBreach, SystemError],
    Description = "Simulates fills against the replayed ticks.")]
public sealed class BacktestExecutionHandler(IComponentContext context)
    : ExecutionHandlerComponent(context, new SimulatedVenue("backtest", context.Settings), reconcilesWithVenue: false);
