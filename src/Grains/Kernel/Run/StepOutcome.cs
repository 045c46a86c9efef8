namespace AlgoSpace.Grains.Kernel.Run;

/// <summary>
/// What one step did. <see cref="Label"/> is what the operator's console shows for it (a step may say what it did,
/// e.g. "keep the simulated book"); <see cref="EndsOperation"/> stops the operation after this step without it being
/// a failure (a mode switch abandoned because positions are open).
/// </summary>
public sealed record StepOutcome(bool Succeeded, string Detail, string? Label = null, bool EndsOperation = false)
{
    public static StepOutcome Done(string detail, string? label = null) => new(true, detail, label);

    public static StepOutcome Failed(string detail, string? label = null) => new(false, detail, label);
}

/// <summary>The arguments of one step: which operation runs it, how long it may take, and when to give up.</summary>
public sealed record StepCall(RunOperation Operation, TimeSpan Timeout, CancellationToken Cancellation);

/// <summary>How an operation's sequence ended.</summary>
public sealed record SequenceResult(bool Completed, RunStep? StoppedAt, StepOutcome? Last, Exception? Error)
{
    /// <summary>It stopped early on purpose (<see cref="StepOutcome.EndsOperation"/>), not by a failure.</summary>
    public bool EndedEarly => !Completed && Error is null && Last is { EndsOperation: true };

    /// <summary>Why it did not complete, in words: the failed step's detail, or the error's message.</summary>
    public string Reason => Error?.GetBaseException().Message ?? Last?.Detail ?? "";
}
