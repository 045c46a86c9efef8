namespace AlgoSpace.Grains.Components.Hosting;

/// <summary>
/// Whether a failure means that another silo of the cluster is gone: a delivery or call that could not reach it
/// (its process was killed, or it left while the message was under way). Such a failure is not the component's: the
/// kernel restores the run from its last checkpoint on the silos that remain, so it is reported as a lost silo, not
/// as the component's error (which, from a critical component, would stop the run on the emergency path).
/// </summary>
public static class SiloLoss
{
    // Orleans' own types for "the target silo cannot be reached"; matched by name because ConnectionFailedException is
    // internal to Orleans, and looked for along the inner exceptions, where the bus's transports wrap them.
    private static readonly HashSet<string> Names = new(StringComparer.Ordinal)
    {
        "SiloUnavailableException",
        "OrleansMessageRejectionException",
        "ConnectionFailedException",
    };

    public static bool Is(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (Names.Contains(e.GetType().Name)) return true;
            if (e is AggregateException aggregate && aggregate.InnerExceptions.Any(Is)) return true;
        }

        return false;
    }
}
