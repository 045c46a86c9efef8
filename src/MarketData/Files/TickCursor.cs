namespace AlgoSpace.MarketData.Files;

/// <summary>
/// How far a replay has read: the data lines after the header that are fully consumed (blank and rejected ones
/// included), and how many ticks of the next line were already handed out (a bar gives four; a save can fall
/// between them). Resuming skips exactly this much.
/// </summary>
public sealed record TickCursor(long DataLines, int Parts)
{
    public static TickCursor Start { get; } = new(0, 0);
}
