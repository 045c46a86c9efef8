namespace AlgoSpace.MarketData.Sample;

/// <summary>
/// Parameters of <see cref="SamplePortfolioGenerator"/>: one seed and one calendar for all the instruments, each
/// instrument's own parameters, and the correlations of their returns (by default ES-NQ 0.85, CL 0.2 with both).
/// </summary>
public sealed record SamplePortfolioOptions
{
    public int Seed { get; init; } = 42;
    public int Days { get; init; } = 15;

    /// <summary>The first trading day; a weekend date moves to the Monday after.</summary>
    public DateOnly Start { get; init; } = new(2024, 1, 2);

    public IReadOnlyList<SampleInstrument> Instruments { get; init; } = SampleInstrument.Known;

    public IReadOnlyList<SampleCorrelation> Correlations { get; init; } =
    [
        new("ES", "NQ", 0.85),
        new("ES", "CL", 0.20),
        new("NQ", "CL", 0.20),
    ];

    /// <summary>The correlation of two instruments' returns: 1 with itself, 0 for a pair not in <see cref="Correlations"/>.</summary>
    public double Correlation(string a, string b) =>
        string.Equals(a, b, StringComparison.OrdinalIgnoreCase) ? 1 : Correlations.LastOrDefault(c => c.Pairs(a, b))?.Value ?? 0;

    /// <summary>The correlation matrix of <see cref="Instruments"/>, in their order.</summary>
    public double[,] CorrelationMatrix()
    {
        var n = Instruments.Count;
        var matrix = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++) matrix[i, j] = Correlation(Instruments[i].Symbol, Instruments[j].Symbol);
        }

        return matrix;
    }
}
