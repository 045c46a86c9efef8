namespace AlgoSpace.Grains.Components.Data.Live;

/// <summary>
/// The wait before reconnect attempt n (1-based): base · 2^(n−1), capped at <see cref="CapFactor"/> · base, less a
/// jitter of up to <see cref="Jitter"/> of it (so handlers that lost the same feed do not all knock at once, and the
/// cap stays a true upper bound). The jitter is drawn from the run seed and a salt (the handler's count of attempts
/// so far), never from an unseeded generator: a rerun waits exactly as long.
/// With the default 1 s base: about 1, 2, 4, 8, 16, 16, … s (component-contracts 2.1: backoff 1/2/4/8/16 s).
/// </summary>
public sealed class ReconnectBackoff
{
    public const int CapFactor = 16;
    public const double Jitter = 0.1;

    private readonly TimeSpan _base;
    private readonly int _seed;
    private readonly double _jitter;

    public ReconnectBackoff(TimeSpan baseDelay, int seed, double jitter = Jitter)
    {
        if (baseDelay <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(baseDelay), baseDelay, "The base delay must be positive.");
        if (jitter is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(jitter), jitter, "The jitter is a fraction in [0, 1).");
        _base = baseDelay;
        _seed = seed;
        _jitter = jitter;
    }

    /// <summary>The delay before attempt <paramref name="attempt"/> (1 = the first reconnect).</summary>
    public TimeSpan Delay(int attempt, long salt = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        var factor = attempt > 5 ? CapFactor : Math.Min(1 << (attempt - 1), CapFactor);
        var full = _base * factor;
        return full * (1 - _jitter * UnitInterval(_seed, salt));
    }

    /// <summary>A number in [0, 1) from the seed and salt (SplitMix64's finaliser: well mixed, platform independent).</summary>
    internal static double UnitInterval(int seed, long salt)
    {
        var z = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL + (ulong)salt + 0x632BE59BD9B4E019UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return (z >> 11) * (1.0 / (1UL << 53));
    }
}
