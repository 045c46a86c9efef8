namespace AlgoSpace.Grains.Kernel.Run;

/// <summary>
/// What carries out the steps of the run sequence: the kernel over component host grains
/// (<see cref="KernelRun"/>) and the in-process runner over plain components. The sequence decides the order and
/// the timeouts; an implementation decides what a step means for its operation (<see cref="StepCall.Operation"/>).
/// </summary>
public interface IRunSteps
{
    Task<StepOutcome> CreateAsync(StepCall call);

    Task<StepOutcome> WireAsync(StepCall call);

    Task<StepOutcome> StartAsync(StepCall call);

    Task<StepOutcome> StopDataAsync(StepCall call);

    Task<StepOutcome> ProtectBookAsync(StepCall call);

    /// <summary>Waits for the bus to be quiet; returns a failed outcome (not an exception) when <see cref="StepCall.Timeout"/> passes.</summary>
    Task<StepOutcome> DrainAsync(StepCall call);

    Task<StepOutcome> ReportAsync(StepCall call);

    Task<StepOutcome> CheckpointAndStopAsync(StepCall call);
}
