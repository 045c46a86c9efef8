
namespace AlgoSpace.MarketData.Files;

/// <summary>
/// A tick with where it came from: the file's line (1 = the header) and, for a bar expanded into four ticks, which
/// of them it is (0-3; always 0 for a tick file). Rejections and resume positions are stated in these terms.
/// </summary>
public readonly record struct SourcedTick(MarketTick Tick, long Line, int Part, int PartsInLine);
