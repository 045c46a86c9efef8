namespace AlgoSpace.MarketData.Sample;

/// <summary>One file <see cref="SamplePortfolioGenerator.WriteFiles"/> wrote: the instrument, where, and how many ticks.</summary>
public sealed record SamplePortfolioFile(string Symbol, string Path, long Ticks);
