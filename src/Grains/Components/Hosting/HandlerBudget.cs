using AlgoSpace.Grains.Interfaces.Configuration;

namespace AlgoSpace.Grains.Components.Hosting;

/// <summary>
/// One component's handling times against its budget, and the rule that says when they are worth a warning: more than
/// <see cref="SlowHandlerSettings.MaxSlowPercent"/> of the last <see cref="SlowHandlerSettings.WindowEvents"/> events
/// over budget, not counting the first <see cref="SlowHandlerSettings.WarmUpEvents"/>. A single slow event is JIT
/// compilation, a garbage collection or the scheduler of a busy machine, not the component; a component that is
/// really too slow is slow again and again. Every event still counts in the totals, which the run's end reports.
/// </summary>
public sealed class HandlerBudget
{
    private readonly Queue<long> _slowInWindow = new();
    private readonly long _warmUp;
    private readonly long _window;
    private readonly long _maxSlowInWindow;

    public HandlerBudget(TimeSpan budget, TimeSpan perTick, SlowHandlerSettings rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        Budget = budget;
        PerTick = perTick;
        _warmUp = rule.WarmUpEvents;
        _window = rule.WindowEvents;
        _maxSlowInWindow = (long)Math.Floor(rule.WindowEvents * rule.MaxSlowPercent / 100);
    }

    /// <summary>The budget of one event.</summary>
    public TimeSpan Budget { get; }

    /// <summary>What each tick of a tick batch adds to <see cref="Budget"/>.</summary>
    public TimeSpan PerTick { get; }

    public long Events { get; private set; }

    /// <summary>Events that took longer than their budget, the warm-up's included.</summary>
    public long OverBudget { get; private set; }

    /// <summary>The longest event, and which it was.</summary>
    public TimeSpan Worst { get; private set; }

    public string WorstEvent { get; private set; } = "";

    /// <summary>How many of the last events the rule looks at.</summary>
    public long Window => _window;

    /// <summary>Slow events among the last window's, after the warm-up.</summary>
    public int SlowInWindow => _slowInWindow.Count;

    /// <summary>The budget of an event that carries <paramref name="ticks"/> ticks (0: not a tick batch).</summary>
    public TimeSpan For(int ticks) => Budget + PerTick * ticks;

    /// <summary>
    /// Records one handled event that took <paramref name="elapsed"/> against <paramref name="budget"/>; the event is
    /// named by <paramref name="label"/> of <paramref name="tagged"/> only if it is the worst so far. Returns true
    /// when it was over budget and the rule now holds: the component is slow, not just this event.
    /// </summary>
    public bool Record<T>(TimeSpan elapsed, TimeSpan budget, T tagged, Func<T, string> label)
    {
        ArgumentNullException.ThrowIfNull(label);
        var index = ++Events;
        if (elapsed > Worst)
        {
            Worst = elapsed;
            WorstEvent = label(tagged);
        }

        while (_slowInWindow.Count > 0 && _slowInWindow.Peek() <= index - _window) _slowInWindow.Dequeue();
        if (elapsed <= budget) return false;

        OverBudget++;
        if (index <= _warmUp) return false;
        _slowInWindow.Enqueue(index);
        return _slowInWindow.Count > _maxSlowInWindow;
    }
}
