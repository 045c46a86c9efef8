using AlgoSpace.Grains.Interfaces.Events;

namespace AlgoSpace.Grains.Training;

/// <summary>
/// Labels a synergy for training by what the fallback bracket of M-RMS (component-contracts 2.8: stop at
/// 1.5 · ATR, target at 2R) would have done over the following 5-minute bars: the triple-barrier method (stop,
/// target, time). A bar that touches both barriers counts as a stop: intrabar order is unknown, and assuming the
/// worse case keeps the labels from flattering the policy. Labels come from prices after the decision only, so
/// nothing the model is given at decision time is computed from them.
/// </summary>
public sealed class TripleBarrierLabeler(double stopAtrMultiple = 1.5, double rewardRisk = 2.0, int horizonBars = 100)
{
    public double StopAtrMultiple { get; } = stopAtrMultiple > 0 ? stopAtrMultiple : throw new ArgumentOutOfRangeException(nameof(stopAtrMultiple));
    public double RewardRisk { get; } = rewardRisk > 0 ? rewardRisk : throw new ArgumentOutOfRangeException(nameof(rewardRisk));
    public int HorizonBars { get; } = horizonBars > 0 ? horizonBars : throw new ArgumentOutOfRangeException(nameof(horizonBars));

    /// <summary>
    /// Labels an entry at <paramref name="entry"/> in <paramref name="direction"/> (+1 long, -1 short) with the
    /// given ATR, walking <paramref name="following"/> (the bars after the decision, oldest first).
    /// </summary>
    public TripleBarrierLabel Label(double entry, int direction, double atr, IReadOnlyList<BarPayload> following)
    {
        if (direction is not (1 or -1)) throw new ArgumentOutOfRangeException(nameof(direction), direction, "direction must be +1 or -1");
        if (!(atr > 0) || !(entry > 0)) return new TripleBarrierLabel(0, 0, 0);

        var stopDistance = StopAtrMultiple * atr;
        var stop = entry - direction * stopDistance;
        var target = entry + direction * stopDistance * RewardRisk;
        var bars = Math.Min(HorizonBars, following.Count);
        for (var i = 0; i < bars; i++)
        {
            var bar = following[i];
            var stopHit = direction > 0 ? bar.Low <= stop : bar.High >= stop;
            var targetHit = direction > 0 ? bar.High >= target : bar.Low <= target;
            if (stopHit) return new TripleBarrierLabel(-1, -1, i + 1);
            if (targetHit) return new TripleBarrierLabel(1, RewardRisk, i + 1);
        }

        if (bars == 0) return new TripleBarrierLabel(0, 0, 0);
        var marked = (following[bars - 1].Close - entry) * direction / stopDistance;
        return new TripleBarrierLabel(0, marked, bars);
    }
}
