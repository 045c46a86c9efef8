namespace AlgoSpace.Grains.Interfaces.Components;

/// <summary>Why the book is protected: an execution handler closes positions with the matching exit reason.</summary>
public enum ProtectionCause
{
    /// <summary>A graceful shutdown or a mode switch.</summary>
    Shutdown,

    /// <summary>The emergency path.</summary>
    Emergency,
}

/// <summary>
/// What an execution handler is asked to do with its book: working orders are always cancelled; positions are
/// flattened when <see cref="Flatten"/>. <see cref="Reason"/> is the text stamped on what it cancels.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record BookProtection([property: Id(0)] bool Flatten, [property: Id(1)] ProtectionCause Cause, [property: Id(2)] string Reason)
{
    public static BookProtection Shutdown(bool flatten) =>
        new(flatten, ProtectionCause.Shutdown, flatten ? "shutdown: cancel working orders and flatten" : "shutdown: cancel working orders");

    public static BookProtection Emergency(string why) => new(true, ProtectionCause.Emergency, $"emergency: {why}");
}
