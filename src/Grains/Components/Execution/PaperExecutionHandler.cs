using AlgoSpace.Grains.Components.Execution.Venues;
using AlgoSpace.Grains.Interfaces.Components;
using AlgoSpace.Grains.Interfaces.Configuration;
using static AlgoSpace.Grains.Interfaces.Events.EventTypes;

namespace AlgoSpace.Grains.Components.Execution;

/// <summary>
/// The paper_execution_handler component: the live mode's broker for this release. Orders fill against the live
/// ticks with the backtest fill model, and positions, orders and fills persist exactly as in backtest, so that
/// shutdown's cancel-and-flatten does real work in live mode. A real venue replaces <see cref="SimulatedVenue"/> with
/// its own <see cref="IExecutionVenue"/> in a kind of its own.
/// </summary>
[ComponentKind("paper_execution_handler",
    Role = ComponentRole.ExecutionHandler,
    Modes = ComponentMode.Live,
    Consumes = [ExecuteTrade, NewTick, New5MinBar],
    Produces = [OrderSubmitted, OrderFilled, OrderRejected, OrderCancelled, PositionUpdate, TradeClosed, RiskBreach, ConnectionLost, ConnectionRestored, SystemError],
    Description = "Paper broker: fills against live ticks with the backtest fill model.",
    HandlerBudgetMs = 10, TickBudgetMs = 0.1)]
public sealed class PaperExecutionHandler(IComponentContext context)
    : ExecutionHandlerComponent(context, new SimulatedVenue("paper", context.Settings), reconcilesWithVenue: true);
