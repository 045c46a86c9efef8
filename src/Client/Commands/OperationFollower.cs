using AlgoSpace.Client.Connection;
using AlgoSpace.Client.Rendering;
using AlgoSpace.Grains.Interfaces.Operator;

namespace AlgoSpace.Client.Commands;

/// <summary>How a followed operation ended: the client's exit code and what to tell the operator.</summary>
public sealed record OperationOutcome(int ExitCode, string Message);

/// <summary>
/// Follows an accepted operation (shutdown, mode switch): polls the kernel's status, prints each step as it appears
/// (steps are numbered in the order they finished, so only numbers above the last one printed are new), and asks
/// <c>judge</c> after each poll whether the operation is over.
/// </summary>
public sealed class OperationFollower(ClientRuntime runtime, Func<Task<SystemStatusReport>> readStatus, long lastStepBefore)
{
    private readonly long firstNew = lastStepBefore + 1;
    private long lastPrinted = lastStepBefore;

    /// <summary>Whether any step newer than the ones before the command has appeared.</summary>
    public bool SawNewStep => lastPrinted >= firstNew;

    public static long LastStep(SystemStatusReport status) => status.Steps.Count == 0 ? 0 : status.Steps.Max(s => s.Number);

    /// <param name="judge">Given the latest status and the steps new in it, the outcome if the operation is over, else null.</param>
    /// <param name="onConnectionLost">The outcome when the cluster goes away while following.</param>
    public async Task<OperationOutcome> FollowAsync(
        Func<SystemStatusReport, IReadOnlyList<OperationStep>, OperationOutcome?> judge,
        Func<Exception, OperationOutcome> onConnectionLost,
        TimeSpan timeout,
        CancellationToken cancellation)
    {
        var deadline = DateTime.UtcNow + timeout;
        SystemStatusReport? last = null;
        while (true)
        {
            try
            {
                last = await readStatus();
            }
            catch (Exception error) when (ConnectionErrors.IsConnectionLost(error))
            {
                await runtime.DropConnectionAsync();
                return onConnectionLost(error);
            }

            var fresh = last.Steps.Where(s => s.Number > lastPrinted).OrderBy(s => s.Number).ToList();
            foreach (var step in fresh)
            {
                if (step.Number > lastPrinted + 1 && SawNewStep) PrintGap(step.Number - lastPrinted - 1);
                Print(step);
                lastPrinted = step.Number;
            }

            if (judge(last, fresh) is { } outcome) return outcome;
            if (DateTime.UtcNow > deadline)
            {
                return new OperationOutcome(ClientExitCodes.OperationFailed,
                    $"no confirmation within {timeout.TotalSeconds:0} s; the system is {last.State}, operation {last.Operation ?? "none"}.");
            }

            await Task.Delay(runtime.PollInterval, cancellation);
        }
    }

    private void Print(OperationStep step) => runtime.Output.Line(
        new Cell($"  [{step.Number}] ", Tone.Muted),
        new Cell(step.Step),
        new Cell(step.Succeeded ? "  ok" : "  FAILED", step.Succeeded ? Tone.Good : Tone.Bad),
        new Cell(string.IsNullOrWhiteSpace(step.Detail) ? "" : $"  {step.Detail}", Tone.Muted));

    // The kernel keeps the steps of the current operation only: when one operation chains into another between two
    // polls (a shutdown whose drain fails goes on as an emergency shutdown), the first one's last steps are gone.
    private void PrintGap(long missed) => runtime.Output.Line(
        new Cell($"  [..] {missed} step(s) finished between two polls and were replaced by the next operation's; the silo's log has them", Tone.Warning));

    /// <summary>Prints the outcome (stdout on success, stderr otherwise) and returns its exit code.</summary>
    public static int Report(ClientRuntime runtime, OperationOutcome outcome)
    {
        if (outcome.ExitCode == ClientExitCodes.Success) runtime.Output.Line(new Cell(outcome.Message, Tone.Good));
        else runtime.Output.Fail(outcome.Message);
        return outcome.ExitCode;
    }

    /// <summary>Prints a refusal's reason on stderr; exit code 1.</summary>
    public static int Refused(ClientRuntime runtime, OperatorReply reply)
    {
        var hint = runtime.Identity.HasToken || reply.Message.Contains(OperatorIdentity.TokenVariable, StringComparison.Ordinal)
            ? ""
            : $" ({OperatorIdentity.TokenVariable} is not set in this shell.)";
        runtime.Output.Fail($"refused by the kernel: {reply.Message}{hint}");
        return ClientExitCodes.Refused;
    }
}
