using AlgoSpace.Grains.Kernel.Run;

namespace AlgoSpace.Tests.Kernel;

/// <summary>An <see cref="IRunSteps"/> that records each step it is asked for and answers as the test says.</summary>
internal sealed class RecordingSteps : IRunSteps
{
    public List<(RunStep Step, StepCall Call)> Calls { get; } = [];

    /// <summary>What a step does, by step; unset: it succeeds at once.</summary>
    public Dictionary<RunStep, Func<StepCall, Task<StepOutcome>>> Behaviour { get; } = [];

    public IEnumerable<RunStep> Steps => Calls.Select(c => c.Step);

    private Task<StepOutcome> Run(RunStep step, StepCall call)
    {
        Calls.Add((step, call));
        return Behaviour.TryGetValue(step, out var behaviour) ? behaviour(call) : Task.FromResult(StepOutcome.Done($"{step} done"));
    }

    public Task<StepOutcome> CreateAsync(StepCall call) => Run(RunStep.Create, call);

    public Task<StepOutcome> WireAsync(StepCall call) => Run(RunStep.Wire, call);

    public Task<StepOutcome> StartAsync(StepCall call) => Run(RunStep.Start, call);

    public Task<StepOutcome> StopDataAsync(StepCall call) => Run(RunStep.StopData, call);

    public Task<StepOutcome> ProtectBookAsync(StepCall call) => Run(RunStep.ProtectBook, call);

    public Task<StepOutcome> DrainAsync(StepCall call) => Run(RunStep.Drain, call);

    public Task<StepOutcome> ReportAsync(StepCall call) => Run(RunStep.Report, call);

    public Task<StepOutcome> CheckpointAndStopAsync(StepCall call) => Run(RunStep.CheckpointAndStop, call);
}

internal sealed class ListRecorder : IStepRecorder
{
    public List<(string Step, bool Succeeded, string Detail)> Steps { get; } = [];

    public void Record(string step, bool succeeded, string detail) => Steps.Add((step, succeeded, detail));
}
