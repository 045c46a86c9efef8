using AlgoSpace.Grains.Interfaces.Components;

namespace AlgoSpace.Grains.Kernel;

/// <summary>
/// Decides when the bus is quiet (shutdown step 4). Every component counts the deliveries it started (sent) and
/// the deliveries it finished handling (handled); the kernel reads all counters in a wave. Counters only grow, and
/// a handler counts its own publishes as sent before it counts itself handled, so if two consecutive waves read
/// identical totals with sent == handled, nothing was in flight between them: the four-counter method of
/// distributed termination detection, exact without stopping the components to look.
/// </summary>
public sealed class EventFlush
{
    private (long Sent, long Handled)? _previous;

    /// <summary>Feeds one wave of counters; true when this wave proves the bus quiet.</summary>
    public bool IsQuiet(IEnumerable<BusCounters> wave)
    {
        long sent = 0, handled = 0;
        foreach (var counters in wave)
        {
            sent += counters.Sent;
            handled += counters.Handled;
        }

        Totals = (sent, handled);
        var quiet = sent == handled && _previous == Totals;
        _previous = Totals;
        return quiet;
    }

    public (long Sent, long Handled) Totals { get; private set; }
}
