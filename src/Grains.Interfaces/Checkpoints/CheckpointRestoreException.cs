namespace AlgoSpace.Grains.Interfaces.Checkpoints;

/// <summary>
/// A resumed run's saved state cannot be restored as one consistent checkpoint (a piece is missing, or the settings
/// changed what a component is). The kernel refuses to resume rather than trade on a mix.
/// </summary>
[GenerateSerializer]
public sealed class CheckpointRestoreException(string message) : Exception(message);
