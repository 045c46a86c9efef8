using System.Diagnostics.Metrics;
using System.Reflection;
using AlgoSpace.Grains.Bus;
using AlgoSpace.Grains.Interfaces.Components;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Interfaces.Events;

namespace AlgoSpace.Grains.Components.Hosting;

/// <summary>
/// Holds one component to its handler budget: each handled event's own time (<see cref="HandlerStopwatch"/>) is
/// recorded in a <see cref="HandlerBudget"/>; when its rule says the component is slow, a warning, repeated as a
/// <see cref="RepeatedWarning"/>; at stop, one line with the figures (Information when any event was over budget, so
/// that outliers under the warning threshold are not lost). Events over budget are also counted in the
/// algospace_events_over_budget metric.
/// </summary>
public sealed partial class SlowHandlerMonitor
{
    private static readonly Counter<long> OverBudgetCounter = BusTelemetry.Meter.CreateCounter<long>(
        "algospace_events_over_budget", description: "Events a component took longer than its handler budget to handle, by component");

    private readonly string _component;
    private readonly ILogger _logger;
    private readonly HandlerBudget _budget;
    private readonly RepeatedWarning _warning;
    private readonly KeyValuePair<string, object?> _tag;

    public SlowHandlerMonitor(string component, HandlerBudget budget, SystemSettings system, ILogger logger, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        _component = component;
        _logger = logger;
        _budget = budget;
        _tag = new KeyValuePair<string, object?>("component", component);
        _warning = new RepeatedWarning(logger, new EventId(312, "SlowHandler"), $"Component {component} over its handler budget",
            TimeSpan.FromSeconds(system.WarningSummaryInterval), time);
    }

    public HandlerBudget Budget => _budget;

    /// <summary>
    /// The budget of <paramref name="component"/>: its entry's handler_budget_ms, else the kind's own setting
    /// (<see cref="IHandlerBudgetSetting"/>), else its kind's declaration; ticks of a batch add the kind's per-tick budget.
    /// </summary>
    public static HandlerBudget BudgetOf(ComponentSpec spec, AlgoSpaceSettings settings, IComponent component)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(component);
        var kind = component.GetType().GetCustomAttribute<ComponentKindAttribute>();
        var entry = settings.Components.FirstOrDefault(c => c.Name == spec.Name && c.Type == spec.Kind);
        var budgetMs = entry?.HandlerBudgetMs
            ?? (component as IHandlerBudgetSetting)?.HandlerBudgetMs
            ?? kind?.HandlerBudgetMs
            ?? ComponentKindAttribute.DefaultHandlerBudgetMs;
        return new HandlerBudget(TimeSpan.FromMilliseconds(budgetMs), TimeSpan.FromMilliseconds(kind?.TickBudgetMs ?? 0), settings.System.SlowHandlers);
    }

    /// <summary>Records one handled event and warns when the rule holds.</summary>
    public void Record(EventEnvelope envelope, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var budget = _budget.For(envelope.Payload is TickBatchPayload batch ? batch.Ticks.Count : 0);
        var slow = _budget.Record(elapsed, budget, envelope, static e => $"{e.Type} #{e.Seq}");
        if (elapsed <= budget) return;

        OverBudgetCounter.Add(1, _tag);
        if (!slow) return;
        var detail = $"{elapsed.TotalMilliseconds:F2} ms on {envelope.Type} #{envelope.Seq}";
        if (_warning.Occur(detail, elapsed.TotalMilliseconds))
        {
            LogSlow(_logger, _component, _budget.SlowInWindow, Math.Min(_budget.Events, _budget.Window), Describe(), detail);
        }
    }

    /// <summary>The component stops: the warnings not yet summarised, then the run's figures.</summary>
    public void Stop()
    {
        _warning.Flush();
        if (_budget.Events == 0) return;
        if (_budget.OverBudget > 0)
        {
            LogSummary(_logger, _component, _budget.OverBudget, _budget.Events, Describe(), _budget.Worst.TotalMilliseconds, _budget.WorstEvent);
        }
        else
        {
            LogWithinBudget(_logger, _component, _budget.Events, Describe(), _budget.Worst.TotalMilliseconds, _budget.WorstEvent);
        }
    }

    private string Describe() => _budget.PerTick > TimeSpan.Zero
        ? $"{_budget.Budget.TotalMilliseconds:0.###} ms + {_budget.PerTick.TotalMilliseconds:0.###} ms per tick"
        : $"{_budget.Budget.TotalMilliseconds:0.###} ms";

    [LoggerMessage(EventId = 312, Level = LogLevel.Warning, Message = "Component {Component} is over its handler budget: {Slow} of its last {Window} events took longer than {Budget} (this one {Detail})")]
    private static partial void LogSlow(ILogger logger, string component, int slow, long window, string budget, string detail);

    [LoggerMessage(EventId = 313, Level = LogLevel.Information, Message = "Component {Component}: {OverBudget:N0} of {Events:N0} events over its {Budget} budget (worst {WorstMs:F2} ms on {WorstEvent})")]
    private static partial void LogSummary(ILogger logger, string component, long overBudget, long events, string budget, double worstMs, string worstEvent);

    [LoggerMessage(EventId = 314, Level = LogLevel.Debug, Message = "Component {Component}: all {Events:N0} events within its {Budget} budget (worst {WorstMs:F2} ms on {WorstEvent})")]
    private static partial void LogWithinBudget(ILogger logger, string component, long events, string budget, double worstMs, string worstEvent);
}
