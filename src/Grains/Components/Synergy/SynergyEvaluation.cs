using AlgoSpace.Grains.Interfaces.Events;

namespace AlgoSpace.Grains.Components.Synergy;

/// <summary>What one INDICATORS_READY did to the detector.</summary>
/// <param name="Detected">The completed pattern to publish; null when none completed (or it was discarded).</param>
/// <param name="Skipped">Why the event was not used (invalid input, or a seq already processed); null when it was.</param>
public sealed record SynergyEvaluation(SynergyDetectedPayload? Detected, IReadOnlyList<SequenceNote> Notes, string? Skipped)
{
    public static SynergyEvaluation Skip(string reason) => new(null, [], reason);
}
