namespace AlgoSpace.Grains.Models;

/// <summary>Whether a model can be used.</summary>
public enum ModelStatus
{
    /// <summary>Checked against the manifest and verified with a forward pass: components may call it.</summary>
    Loaded,

    /// <summary>
    /// Not usable (the reason says why). Components that need it run degraded (FR-SK-04) instead of stopping the
    /// silo: a bad model file must not take down the rest of the system.
    /// </summary>
    Degraded,
}
