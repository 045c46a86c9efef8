namespace AlgoSpace.MarketData.Sample;

/// <summary>The random draws the sample generators share, so that every generator draws them the same way.</summary>
public static class SampleRandom
{
    /// <summary>A standard normal draw (Box-Muller; two uniforms per draw, so the draw order stays simple).</summary>
    public static double Normal(Random random)
    {
        var u1 = 1 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
