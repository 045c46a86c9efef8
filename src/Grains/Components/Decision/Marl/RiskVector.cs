using AlgoSpace.Grains.Interfaces.Components.Calls;

namespace AlgoSpace.Grains.Components.Decision.Marl;

/// <summary>
/// The risk vector ρ [1,8] of component-contracts 2.7 step 5: [size/5, m_sl/3, rr/5, confidence, size/maxSize,
/// 1[size &gt; 0], min(size/3, 1), 0.5].
/// </summary>
public static class RiskVector
{
    public const int Length = 8;

    public static float[] Build(RiskProposal proposal, int maxSize)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        double size = proposal.PositionSize;
        return
        [
            (float)(size / 5),
            (float)(proposal.SlAtrMultiplier / 3),
            (float)(proposal.RiskRewardRatio / 5),
            (float)proposal.ConfidenceScore,
            (float)(size / maxSize),
            size > 0 ? 1 : 0,
            (float)Math.Min(size / 3, 1),
            0.5f,
        ];
    }
}
