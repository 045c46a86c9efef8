using AlgoSpace.Grains.Interfaces.Configuration;

namespace AlgoSpace.Grains.Kernel.Run;

/// <summary>
/// One step of the run sequence: its name (what logs and the operator's console show unless the step says more),
/// the settings key of its timeout, and how it is carried out. <see cref="BoundsItself"/> marks a step that is
/// given its timeout and returns a failed outcome when it passes (the drain), instead of being cut off.
/// </summary>
public sealed record RunStepDefinition(
    RunStep Step,
    string Name,
    string TimeoutKey,
    Func<SystemSettings, double> Timeout,
    Func<SystemSettings, double>? EmergencyTimeout,
    Func<IRunSteps, StepCall, Task<StepOutcome>> Run,
    bool BoundsItself = false)
{
    /// <summary>The emergency path's settings key of this step's timeout; null for a step the path does not take.</summary>
    public string? EmergencyTimeoutKey => EmergencyTimeout is null ? null : TimeoutKey.Replace("system.steps.", "system.emergency_steps.", StringComparison.Ordinal);

    public TimeSpan TimeoutIn(SystemSettings settings, RunOperation operation) => TimeSpan.FromSeconds(
        operation == RunOperation.Emergency
            ? (EmergencyTimeout ?? throw new InvalidOperationException($"The emergency path has no step {Step}."))(settings)
            : Timeout(settings));
}
