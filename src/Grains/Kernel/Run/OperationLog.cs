using AlgoSpace.Grains.Interfaces.Operator;

namespace AlgoSpace.Grains.Kernel.Run;

/// <summary>
/// The steps of the operation under way, as the operator's console follows them (SystemStatusReport.Steps): the
/// run sequence records each step as it finishes; the operation adds its "begin" and its last line.
/// </summary>
public sealed partial class OperationLog(ILogger logger) : IStepRecorder
{
    private const int MaxSteps = 100;
    private readonly List<OperationStep> _steps = [];
    private long _number;

    /// <summary>The operation under way; null between operations.</summary>
    public string? Operation { get; private set; }

    public IReadOnlyList<OperationStep> Steps => _steps.ToList();

    /// <summary>
    /// Starts recording an operation. One that follows from the operation under way (a graceful shutdown falling
    /// back to the emergency path) keeps the earlier steps, so the failure that led to it stays visible.
    /// </summary>
    public void Begin(string operation, string detail)
    {
        if (Operation is null) _steps.Clear();
        Operation = operation;
        Step("begin", true, detail);
    }

    /// <summary>Records and logs a step of the operation's own (its "begin" and its last line).</summary>
    public void Step(string step, bool succeeded, string detail)
    {
        Record(step, succeeded, detail);
        LogStep(logger, Operation ?? "", step, succeeded ? "done" : "FAILED", detail);
    }

    /// <summary>Records a step of the run sequence (which logs it itself).</summary>
    public void Record(string step, bool succeeded, string detail)
    {
        _steps.Add(new OperationStep(++_number, Operation ?? "", step, succeeded, detail, DateTime.UtcNow));
        if (_steps.Count > MaxSteps) _steps.RemoveAt(0);
    }

    public void End() => Operation = null;

    [LoggerMessage(EventId = 222, Level = LogLevel.Information, Message = "{Operation}: {Step} {Outcome}: {Detail}")]
    private static partial void LogStep(ILogger logger, string operation, string step, string outcome, string detail);
}
