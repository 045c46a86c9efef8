using AlgoSpace.Grains.Interfaces.Events;

namespace AlgoSpace.Grains.Components.Indicators;

/// <summary>The five parts of an LVN's strength (component-contracts 2.3.5); <see cref="Total"/> is 0-100.</summary>
public readonly record struct LvnStrength(double Volume, double Tests, double Rejection, double Recency, double Proximity)
{
    /// <summary>Bars looked back over for tests, rejections and the last touch.</summary>
    public const int Window = 50;

    public double Total => Math.Clamp(Volume + Tests + Rejection + Recency + Proximity, 0.0, 100.0);

    /// <summary>
    /// Scores the level at <paramref name="price"/> with profile volume <paramref name="levelVolume"/> against the
    /// point of control <paramref name="pocVolume"/>, over <paramref name="bars"/> (oldest first, the current bar
    /// last). Only the last <see cref="Window"/> bars are scored; the bar before them supplies the first previous close.
    /// <list type="bullet">
    /// <item>Volume: 40(1 - v/POC).</item>
    /// <item>Tests: min(3·tests, 15). A bar tests the level when its previous close is strictly on one side and the
    /// bar reaches toward it to within half its own range: from above, low - P ≤ 0.5(H - L); from below,
    /// P - high ≤ 0.5(H - L). Reaching through the level counts. A previous close exactly at P has no side and is
    /// no test.</item>
    /// <item>Rejection: 15·mean over the tests of the rejection, where a test rejects when its close is back on the
    /// previous close's side; the magnitude is (C - L)/(H - L) from above (closed up off the low) and (H - C)/(H - L)
    /// from below; a test that closes through or at the level, or has no range, scores 0. No tests: 0.</item>
    /// <item>Recency: 20(1 - barsSinceTouch/50). A touch is a bar whose [L, H] contains P; barsSinceTouch counts bars
    /// back from the current one (0 = the current bar touches); no touch in the window counts as 50.</item>
    /// <item>Proximity: 10(1 - min(|C - P| / (H - L), 1)) on the current bar; a zero range uses ε = 1e-10.</item>
    /// </list>
    /// </summary>
    public static LvnStrength Score(double price, double levelVolume, double pocVolume, IReadOnlyList<BarPayload> bars)
    {
        var current = bars[^1];
        var volume = pocVolume > 0 ? 40.0 * (1.0 - levelVolume / pocVolume) : 0.0;

        var tests = 0;
        var rejectionSum = 0.0;
        var barsSinceTouch = Window;
        for (var i = Math.Max(0, bars.Count - Window); i < bars.Count; i++)
        {
            var bar = bars[i];
            var range = bar.High - bar.Low;
            if (bar.Low <= price && price <= bar.High) barsSinceTouch = bars.Count - 1 - i;
            // The first bar held has no previous close, so it can be a touch but not a test.
            if (i == 0) continue;
            var previousClose = bars[i - 1].Close;
            if (previousClose > price && bar.Low - price <= 0.5 * range)
            {
                tests++;
                if (bar.Close > price && range > 0) rejectionSum += (bar.Close - bar.Low) / range;
            }
            else if (previousClose < price && price - bar.High <= 0.5 * range)
            {
                tests++;
                if (bar.Close < price && range > 0) rejectionSum += (bar.High - bar.Close) / range;
            }
        }

        var distance = Math.Abs(current.Close - price);
        var currentRange = Math.Max(current.High - current.Low, SampleStatistics.Epsilon);
        return new LvnStrength(
            volume,
            Math.Min(3.0 * tests, 15.0),
            tests == 0 ? 0.0 : 15.0 * rejectionSum / tests,
            20.0 * (1.0 - Math.Min(barsSinceTouch, Window) / (double)Window),
            10.0 * (1.0 - Math.Min(distance / currentRange, 1.0)));
    }
}
