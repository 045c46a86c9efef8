namespace AlgoSpace.MarketData.Sample;

/// <summary>The correlation of two instruments' returns in <see cref="SamplePortfolioGenerator"/> (either order; a pair not given is 0).</summary>
public sealed record SampleCorrelation(string First, string Second, double Value)
{
    public bool Pairs(string a, string b) =>
        (string.Equals(First, a, StringComparison.OrdinalIgnoreCase) && string.Equals(Second, b, StringComparison.OrdinalIgnoreCase))
        || (string.Equals(First, b, StringComparison.OrdinalIgnoreCase) && string.Equals(Second, a, StringComparison.OrdinalIgnoreCase));
}
