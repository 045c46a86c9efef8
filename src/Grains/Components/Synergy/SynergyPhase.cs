namespace AlgoSpace.Grains.Components.Synergy;

/// <summary>The detector's state (component-contracts 2.5), derived from its sequence and its last synergy.</summary>
public enum SynergyPhase
{
    /// <summary>No signal collected and no recent synergy.</summary>
    Idle,

    /// <summary>One or two signals of a pattern collected.</summary>
    Building,

    /// <summary>No open sequence, and the last synergy is fewer than cooldown_bars ago: a pattern completed now is discarded.</summary>
    Cooldown,
}
