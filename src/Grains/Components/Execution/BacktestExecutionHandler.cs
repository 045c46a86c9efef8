using AlgoSpace.Grains.Components.Execution.Venues;
using AlgoSpace.Grains.Interfaces.Components;
using AlgoSpace.Grains.Interfaces.Configuration;
using static AlgoSpace.Grains.Interfaces.Events.EventTypes;

namespace AlgoSpace.Grains.Components.Execution;

/// <summary>The backtest_execution_handler component: the simulated fill model against the replayed ticks.</summary>
[ComponentKind("backtest_execution_handler",
    Role = ComponentRole.ExecutionHandler,
    Modes = ComponentMode.Backtest,
    Consumes = [ExecuteTrade, NewTick, New5MinBar],
    Produces = [OrderSubmitted, OrderFilled, OrderRejected, OrderCancelled, PositionUpdate, TradeClosed, RiskBreach, SystemError],
    Description = "Simulates fills against the replayed ticks.",
    HandlerBudgetMs = 10, TickBudgetMs = 0.1)]
public sealed class BacktestExecutionHandler(IComponentContext context)
    : ExecutionHandlerComponent(context, new SimulatedVenue("backtest", context.Settings), reconcilesWithVenue: false);
