using System.Globalization;
using AlgoSpace.Grains.Interfaces.Components;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Interfaces.Events;
using static AlgoSpace.Grains.Interfaces.Events.EventTypes;

namespace AlgoSpace.Grains.Components.Execution;

/// <summary>
/// The backtest execution logic of component-contracts 2.9, without Orleans: orders and their state table,
/// brackets with OCO links, the fill model, pre-trade checks, time stop, end-of-day flat, P&amp;L, excursions and
/// the account. Each call takes one event and returns the events to publish, in order; the engine's state is
/// complete before the caller publishes any of them, so a handler re-entered by its own publication sees a
/// consistent book. Every time is simulation time from the events; the wall clock is never read.
/// </summary>
/// <remarks>
/// Per tick, for each trade of the tick's symbol in the order the trades were accepted: the end-of-day flat
/// (which also cancels an entry still waiting), then the entry fill or its rejection by the fill probability,
/// then the working orders placed before this tick (a pending market exit, the stop, the target). Orders placed
/// while handling a tick can fill from the next tick on; an entry accepted between ticks fills on the first tick
/// this handler receives after it.
/// </remarks>
public sealed class ExecutionEngine
{
    private const string RiskCheckFailed = "RISK_CHECK_FAILED";

    private readonly ExecutionSettings _settings;
    private readonly InstrumentTable _instruments;
    private readonly FillModel _fills;
    private readonly SessionCalendar _session;
    private readonly PreTradeChecks _checks;
    private readonly Account _account;
    private readonly DuplicateWindow _duplicates;
    private readonly OrderBook _book = new();
    private readonly List<TradeState> _trades = [];
    private readonly List<FillRecord> _journal = [];
    private readonly Dictionary<string, double> _lastPrices = new(StringComparer.Ordinal);
    private DeterministicRandom _random;
    private long _tickIndex;
    private long _nextOrderNumber = 1;
    private DateTime? _now;
    private ExecutionCounters _counters = ExecutionCounters.Zero;
    private readonly ExecutionEventOutbox _outbox = new();

    private readonly PortfolioGate? _gate;

    /// <param name="gate">The portfolio risk gate checked after the pre-trade checks; null checks none.</param>
    public ExecutionEngine(ExecutionSettings settings, double initialCapital, int runSeed, InstrumentTable instruments, PortfolioGate? gate = null)
    {
        _gate = gate;
        _settings = settings;
        _instruments = instruments;
        _fills = new FillModel(settings.SlippageTicks, settings.CommissionPerContract);
        _session = SessionCalendar.Parse(settings.SessionClose);
        _checks = new PreTradeChecks(settings, SessionOf);
        _account = new Account(initialCapital);
        _duplicates = new DuplicateWindow(TimeSpan.FromSeconds(settings.DuplicateOrderWindow));
        _random = new DeterministicRandom(runSeed);
    }

    /// <summary>Trades waiting for their entry or holding a position, in the order they were accepted.</summary>
    public IReadOnlyList<TradeState> Trades => _trades;

    public IReadOnlyList<Order> WorkingOrders => _book.Orders;

    public IReadOnlyList<FillRecord> Journal => _journal;

    public ExecutionCounters Counters => _counters;

    public double Equity => _account.Equity;

    public double RealizedPnlDay => _account.RealizedDay;

    /// <summary>Trades closed on the current session day (the account's day).</summary>
    public int TradesToday => _journal.Count(f => f.Role == OrderRole.Exit && _account.Day is { } day && f.Timestamp.Date == day.Date);

    /// <summary>The last traded price of <paramref name="symbol"/>; null before its first tick.</summary>
    public double? LastPriceOf(string symbol) => LastPrice(symbol);

    /// <summary>The point value of <paramref name="symbol"/> (USD per point), for P&amp;L shown outside the engine.</summary>
    public double PointValueOf(string symbol) => _instruments.Get(symbol).PointValue;

    /// <summary>The session a symbol trades in: its own close (instruments.X.session_close), else execution.session_close.</summary>
    private SessionCalendar SessionOf(string symbol) =>
        _instruments.Find(symbol)?.SessionClose is { } close ? new SessionCalendar(close) : _session;

    /// <summary>EXECUTE_TRADE: checks the command and, when it passes, submits its market entry.</summary>
    public IReadOnlyList<PublishedEvent> OnExecuteTrade(ExecuteTradePayload command, DateTime simTime)
    {
        Observe(simTime);
        // Checked by the validator below; a missing value still gets a rejected order to report.
        var executionId = command.ExecutionId ?? "";
        var spec = command.TradeSpecification;
        var risk = command.RiskParameters;
        var entry = Place(executionId, spec?.Symbol ?? "", spec?.Direction ?? 0, OrderType.Market, OrderRole.Entry,
            risk?.PositionSize ?? 0, null, null, simTime);
        _book.Advance(entry.OrderId, OrderStatus.PendingSubmit);

        var invalid = TradeCommandValidator.Validate(command, _instruments);
        if (invalid is not null || spec is null || risk is null)
        {
            Reject(entry.OrderId, $"{RejectionCodes.InvalidCommand}: {invalid}", simTime);
            return _outbox.Drain();
        }

        var failure = _trades.Exists(t => t.ExecutionId == executionId)
            ? PreTradeChecks.ActiveTradeDuplicate(executionId, spec.Symbol)
            : _checks.Evaluate(command, _instruments.Get(spec.Symbol), PreTradeChecks.Exposure(_trades, spec.Symbol), LastPrice(spec.Symbol), simTime, _duplicates)
                ?? _gate?.Evaluate(command, _trades, LastPrice, _instruments, _account.RealizedDay);
        _duplicates.Record(executionId, simTime);
        if (failure is not null)
        {
            Reject(entry.OrderId, $"{failure.Code}: {failure.Message}", simTime);
            _counters = _counters with { RiskBreaches = _counters.RiskBreaches + 1 };
            _outbox.Emit(RiskBreach, new RiskBreachPayload(RiskCheckFailed, failure.Message, failure.Context), simTime);
            return _outbox.Drain();
        }

        Submit(entry.OrderId, simTime);
        _trades.Add(new TradeState(executionId, spec.Symbol, spec.Direction, risk.PositionSize, spec.EntryPrice, risk.StopLoss,
            risk.TakeProfit, risk.MaxHoldTime, simTime, SessionOf(spec.Symbol).NextClose(simTime), TradePhase.PendingEntry));
        return _outbox.Drain();
    }

    /// <summary>NEW_TICK: end-of-day flat, entry fills, then stops, targets and pending exits.</summary>
    /// <param name="seq">The tick event's sequence number: it seeds the fill-probability draw.</param>
    public IReadOnlyList<PublishedEvent> OnTick(TickPayload tick, long seq)
    {
        if (!double.IsFinite(tick.Price) || tick.Price <= 0)
        {
            _counters = _counters with { TicksIgnored = _counters.TicksIgnored + 1 };
            return [];
        }

        Observe(tick.Timestamp);
        _tickIndex++;
        _lastPrices[tick.Symbol] = tick.Price;
        // The hot path of a backtest: most ticks find no trade, and then allocate nothing.
        if (_trades.Count == 0 && _outbox.IsEmpty) return [];
        foreach (var executionId in _trades.Where(t => t.Symbol == tick.Symbol).Select(t => t.ExecutionId).ToList())
        {
            OnTradeTick(executionId, tick, seq);
        }

        return _outbox.Drain();
    }

    /// <summary>NEW_5MIN_BAR: counts bars held and starts the time stop.</summary>
    public IReadOnlyList<PublishedEvent> OnBar(BarPayload bar)
    {
        if (bar.Timeframe != 5) return [];
        var time = bar.CloseTime;
        Observe(time);
        foreach (var executionId in _trades.Where(t => t.Symbol == bar.Symbol).Select(t => t.ExecutionId).ToList())
        {
            var trade = Trade(executionId);
            // A bar that closed at or before the entry fill was mostly before the position existed.
            if (trade.Phase != TradePhase.Open || bar.CloseTime <= trade.EntryTime || _book.HasExit(trade.ExecutionId)) continue;
            trade = Replace(trade with { BarsHeld = trade.BarsHeld + 1 });
            if (trade.MaxHoldTime > 0 && trade.BarsHeld >= trade.MaxHoldTime)
            {
                CancelWorking(trade, ExitReasons.TimeStop, time);
                var exit = Place(trade.ExecutionId, trade.Symbol, -trade.Direction, OrderType.Market, OrderRole.Exit, trade.Quantity, null, null, time, ExitReasons.TimeStop);
                _book.Advance(exit.OrderId, OrderStatus.PendingSubmit);
                Submit(exit.OrderId, time);
            }
        }

        return _outbox.Drain();
    }

    /// <summary>
    /// Shutdown: cancels every working order (ORDER_CANCELLED with the protection's reason) and, when it flattens,
    /// closes every open position at its symbol's last tick price with slippage. The exit reason is EMERGENCY on the
    /// emergency path, else SHUTDOWN.
    /// </summary>
    public IReadOnlyList<PublishedEvent> ProtectPositions(BookProtection protection)
    {
        var (flatten, reason) = (protection.Flatten, protection.Reason);
        var time = _now ?? default;
        foreach (var trade in _trades.ToList())
        {
            CancelWorking(trade, reason, time);
            if (trade.Phase == TradePhase.PendingEntry) _trades.Remove(trade);
        }

        if (flatten)
        {
            var exitReason = protection.Cause == ProtectionCause.Emergency ? ExitReasons.Emergency : ExitReasons.Shutdown;
            foreach (var trade in _trades.ToList())
            {
                var last = LastPrice(trade.Symbol) ?? throw new InvalidOperationException($"Trade {trade.ExecutionId} is open but {trade.Symbol} has no last price.");
                ExitAtMarket(trade, last, exitReason, time);
            }
        }

        return _outbox.Drain();
    }

    public ExecutionEngineState SaveState() => new(
        [.. _book.Orders],
        [.. _trades],
        [.. _journal],
        [.. _duplicates.Seen],
        new Dictionary<string, double>(_lastPrices),
        _account.Save(),
        _random.RunSeed,
        _random.Draws,
        _tickIndex,
        _nextOrderNumber,
        _now,
        _counters);

    /// <summary>Restores a saved state; the saved run seed wins over the configured one, as it is the same run.</summary>
    public void RestoreState(ExecutionEngineState state)
    {
        _book.Restore(state.Orders);
        _trades.Clear();
        _trades.AddRange(state.Trades);
        _journal.Clear();
        _journal.AddRange(state.Journal);
        _duplicates.Restore(state.RecentExecutionIds);
        _lastPrices.Clear();
        foreach (var (symbol, price) in state.LastPrices) _lastPrices[symbol] = price;
        _account.Restore(state.Account);
        _random = new DeterministicRandom(state.RunSeed, state.RandomDraws);
        _tickIndex = state.TickIndex;
        _nextOrderNumber = state.NextOrderNumber;
        _now = state.Now;
        _counters = state.Counters;
    }

    private void OnTradeTick(string executionId, TickPayload tick, long seq)
    {
        var trade = Trade(executionId);
        var time = tick.Timestamp;
        if (_settings.ForceFlatEod && time >= trade.FlatBy)
        {
            if (trade.Phase == TradePhase.PendingEntry)
            {
                CancelWorking(trade, ExitReasons.EodFlat, time);
                _trades.Remove(trade);
                return;
            }

            CancelWorking(trade, ExitReasons.EodFlat, time);
            ExitAtMarket(Replace(trade.WithExcursion(tick.Price)), tick.Price, ExitReasons.EodFlat, time);
            return;
        }

        if (trade.Phase == TradePhase.PendingEntry)
        {
            TryFillEntry(trade, tick, seq);
            return;
        }

        trade = Replace(trade.WithExcursion(tick.Price));
        var instrument = _instruments.Get(trade.Symbol);
        foreach (var order in _book.ForExecution(executionId).Where(o => o.PlacedAtTick < _tickIndex))
        {
            var (price, slippage, reason) = _fills.ExitFill(order, tick.Price, instrument);
            if (reason is null) continue;
            Fill(order, price, slippage, time);
            Close(trade, order, price, slippage, reason, time);
            return;
        }
    }

    /// <summary>The entry fills with probability execution.fill_probability, drawn from hash(run seed, tick seq, draw).</summary>
    private void TryFillEntry(TradeState trade, TickPayload tick, long seq)
    {
        var entry = _book.ForExecution(trade.ExecutionId).Single(o => o.Role == OrderRole.Entry);
        if (entry.PlacedAtTick >= _tickIndex) return;

        var draw = _random.NextUnit(seq);
        if (draw >= _settings.FillProbability)
        {
            Reject(entry.OrderId, string.Create(CultureInfo.InvariantCulture,
                $"{RejectionCodes.NotFilled}: the simulated venue did not fill the entry (draw {draw:F4} >= fill probability {_settings.FillProbability})"), tick.Timestamp);
            _trades.Remove(trade);
            return;
        }

        var instrument = _instruments.Get(trade.Symbol);
        var price = _fills.MarketFillPrice(tick.Price, trade.Direction, instrument);
        var slippage = _fills.Slippage(instrument);
        var time = tick.Timestamp;
        Fill(entry, price, slippage, time);
        trade = Replace((trade with
        {
            Phase = TradePhase.Open,
            EntryPrice = price,
            EntryTime = time,
            EntrySlippage = slippage,
            EntryCommission = _fills.Commission(trade.Quantity),
        }).WithExcursion(tick.Price));

        // The bracket: both orders on the opposite side, sized to the fill, one cancels the other.
        var oco = $"OCO_BR_{trade.ExecutionId}";
        var stop = Place(trade.ExecutionId, trade.Symbol, -trade.Direction, OrderType.Stop, OrderRole.StopLoss, trade.Quantity, trade.StopLoss, oco, time);
        var target = Place(trade.ExecutionId, trade.Symbol, -trade.Direction, OrderType.Limit, OrderRole.TakeProfit, trade.Quantity, trade.TakeProfit, oco, time);
        foreach (var order in new[] { stop, target })
        {
            _book.Advance(order.OrderId, OrderStatus.PendingSubmit);
            Submit(order.OrderId, time);
            // The simulated venue acknowledges at once: a resting order is working from the next tick.
            _book.Advance(order.OrderId, OrderStatus.Acknowledged);
        }

        EmitPosition(trade.Symbol, time);
    }

    /// <summary>Closes a trade now with a market order at <paramref name="tickPrice"/> (end of day, shutdown).</summary>
    private void ExitAtMarket(TradeState trade, double tickPrice, string reason, DateTime time)
    {
        var instrument = _instruments.Get(trade.Symbol);
        var exit = Place(trade.ExecutionId, trade.Symbol, -trade.Direction, OrderType.Market, OrderRole.Exit, trade.Quantity, null, null, time, reason);
        _book.Advance(exit.OrderId, OrderStatus.PendingSubmit);
        exit = Submit(exit.OrderId, time);
        var price = _fills.MarketFillPrice(tickPrice, exit.Side, instrument);
        Fill(exit, price, _fills.Slippage(instrument), time);
        Close(trade, exit, price, _fills.Slippage(instrument), reason, time);
    }

    /// <summary>Books the exit: cancels what is left of the trade's orders, realizes P&amp;L, reports the trade and the position.</summary>
    private void Close(TradeState trade, Order exitOrder, double exitPrice, double exitSlippage, string reason, DateTime time)
    {
        CancelWorking(trade, reason is ExitReasons.StopLoss or ExitReasons.TakeProfit ? $"{RejectionCodes.Oco}: {exitOrder.OrderId} filled" : reason, time);
        var instrument = _instruments.Get(trade.Symbol);
        var exitCommission = _fills.Commission(trade.Quantity);
        var pnl = TradePnl.Compute(trade.EntryPrice, exitPrice, trade.Direction, trade.Quantity, instrument.PointValue, trade.EntryCommission, exitCommission);
        _account.Realize(pnl.Net, time);
        _trades.Remove(trade);
        _counters = _counters with { TradesClosed = _counters.TradesClosed + 1 };

        _outbox.EmitTradeClosed(trade, pnl, exitPrice, exitSlippage, reason, time);
        EmitPosition(trade.Symbol, time);
    }

    private Order Place(string executionId, string symbol, int side, OrderType type, OrderRole role, int quantity, double? price, string? oco, DateTime time, string? exitReason = null)
    {
        var order = new Order($"ORD_{_nextOrderNumber++:D6}", executionId, symbol, side, type, role, quantity, price, oco, OrderStatus.Created, _tickIndex, time, exitReason);
        _book.Add(order);
        return order;
    }

    private Order Submit(string orderId, DateTime time)
    {
        var order = _book.Advance(orderId, OrderStatus.Submitted);
        _counters = _counters with { OrdersSubmitted = _counters.OrdersSubmitted + 1 };
        _outbox.EmitOrder(OrderSubmitted, order, time, null, null);
        return order;
    }

    private void Fill(Order order, double price, double slippage, DateTime time)
    {
        // A market order is still SUBMITTED: the simulated venue acknowledges and fills it in one step.
        var filled = order.Status == OrderStatus.Submitted
            ? _book.Advance(order.OrderId, OrderStatus.Acknowledged, OrderStatus.Filled)
            : _book.Advance(order.OrderId, OrderStatus.Filled);
        var commission = _fills.Commission(order.Quantity);
        _journal.Add(new FillRecord(order.OrderId, order.ExecutionId, order.Role, order.Side, price, order.Quantity, commission, slippage, time));
        _counters = _counters with { OrdersFilled = _counters.OrdersFilled + 1 };
        _outbox.EmitOrder(OrderFilled, filled, time, new OrderFill(price, order.Quantity, commission, slippage), null);
    }

    private void Reject(string orderId, string reason, DateTime time)
    {
        var rejected = _book.Advance(orderId, OrderStatus.Rejected);
        _counters = _counters with { OrdersRejected = _counters.OrdersRejected + 1 };
        _outbox.EmitOrder(OrderRejected, rejected, time, null, reason);
    }

    /// <summary>Cancels every working order of a trade. A SUBMITTED order is acknowledged first: the table has no SUBMITTED → CANCELLED.</summary>
    private void CancelWorking(TradeState trade, string reason, DateTime time)
    {
        foreach (var order in _book.ForExecution(trade.ExecutionId))
        {
            var cancelled = order.Status == OrderStatus.Submitted
                ? _book.Advance(order.OrderId, OrderStatus.Acknowledged, OrderStatus.Cancelled)
                : _book.Advance(order.OrderId, OrderStatus.Cancelled);
            _counters = _counters with { OrdersCancelled = _counters.OrdersCancelled + 1 };
            _outbox.EmitOrder(OrderCancelled, cancelled, time, null, reason);
        }
    }

    private void EmitPosition(string symbol, DateTime time) =>
        _outbox.EmitPosition(symbol, _trades, _instruments.Get(symbol).PointValue, LastPrice(symbol) ?? 0, _account, time);

    private void Observe(DateTime time)
    {
        if (_now is null || time > _now) _now = time;
        _account.Observe(time);
    }

    private double? LastPrice(string symbol) => _lastPrices.TryGetValue(symbol, out var price) ? price : null;

    private TradeState Trade(string executionId) => _trades.Find(t => t.ExecutionId == executionId)
        ?? throw new KeyNotFoundException($"No active trade {executionId}.");

    private TradeState Replace(TradeState trade)
    {
        var index = _trades.FindIndex(t => t.ExecutionId == trade.ExecutionId);
        _trades[index] = trade;
        return trade;
    }
}
