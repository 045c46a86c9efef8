namespace AlgoSpace.Grains.Components.Matrices;

/// <summary>What applying one INDICATORS_READY did.</summary>
/// <param name="NonFiniteFeatures">Inputs that were NaN or infinite (their cells are 0), to be warned about.</param>
public sealed record MatrixApplyResult(MatrixApplyOutcome Outcome, IReadOnlyList<string> NonFiniteFeatures);

public enum MatrixApplyOutcome
{
    /// <summary>A row was appended.</summary>
    Appended,

    /// <summary>Applied, but this trigger appends no row (a 5-minute event for the 30-minute and regime matrices).</summary>
    NoRow,

    /// <summary>The seq was already applied (a redelivery); nothing changed.</summary>
    Duplicate,

    /// <summary>The seq is older than the last one applied; ignored.</summary>
    OutOfOrder,
}
