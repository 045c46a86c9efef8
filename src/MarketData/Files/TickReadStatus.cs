namespace AlgoSpace.MarketData.Files;

/// <summary>What one read from a tick source produced.</summary>
public enum TickReadStatus
{
    /// <summary>An accepted tick (its issue, if any, is a warning such as a volume set to 0).</summary>
    Tick,
    /// <summary>A rejected row or tick, or a warning about a row, with no tick.</summary>
    Issue,
    /// <summary>The end of the file.</summary>
    End,
}
