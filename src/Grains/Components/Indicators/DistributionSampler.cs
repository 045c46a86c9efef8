namespace AlgoSpace.Grains.Components.Indicators;

/// <summary>
/// Draws from the distributions of the MMD reference table (component-contracts 2.3.6) with a seeded
/// <see cref="Xoshiro256StarStar"/>: normal by Box-Muller, gamma by Marsaglia-Tsang, log-normal and beta built on
/// those. Parameters follow numpy: normal(mean, std), lognormal(mean, std of the log), gamma(shape, scale).
/// </summary>
public sealed class DistributionSampler(Xoshiro256StarStar random)
{
    private double? _spareNormal;

    /// <summary>Standard normal. Box-Muller makes two values per pair of uniforms; the second is kept for the next call.</summary>
    public double StandardNormal()
    {
        if (_spareNormal is { } spare)
        {
            _spareNormal = null;
            return spare;
        }
        var radius = Math.Sqrt(-2.0 * Math.Log(random.NextOpenUnit()));
        var angle = 2.0 * Math.PI * random.NextUnit();
        _spareNormal = radius * Math.Sin(angle);
        return radius * Math.Cos(angle);
    }

    public double Normal(double mean, double std) => mean + std * StandardNormal();

    public double LogNormal(double mean, double std) => Math.Exp(Normal(mean, std));

    /// <summary>
    /// Gamma(shape, scale) by Marsaglia and Tsang (2000). A shape below 1 is drawn as Gamma(shape + 1)·U^(1/shape),
    /// their recommended boost.
    /// </summary>
    public double Gamma(double shape, double scale)
    {
        if (shape <= 0 || scale <= 0) throw new ArgumentOutOfRangeException(nameof(shape), $"Gamma needs a positive shape and scale, got ({shape}, {scale}).");
        if (shape < 1) return Gamma(shape + 1, scale) * Math.Pow(random.NextOpenUnit(), 1.0 / shape);

        var d = shape - 1.0 / 3.0;
        var c = 1.0 / Math.Sqrt(9.0 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = StandardNormal();
                v = 1.0 + c * x;
            }
            while (v <= 0);
            v = v * v * v;
            var u = random.NextOpenUnit();
            if (u < 1.0 - 0.0331 * x * x * x * x) return d * v * scale;
            if (Math.Log(u) < 0.5 * x * x + d * (1.0 - v + Math.Log(v))) return d * v * scale;
        }
    }

    /// <summary>Beta(a, b) as X / (X + Y) with X ~ Gamma(a, 1), Y ~ Gamma(b, 1).</summary>
    public double Beta(double a, double b)
    {
        var x = Gamma(a, 1);
        var y = Gamma(b, 1);
        return x / (x + y);
    }
}
