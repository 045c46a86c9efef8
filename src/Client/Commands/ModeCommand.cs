using System.CommandLine;
using AlgoSpace.Client.Rendering;
using AlgoSpace.Grains.Interfaces.Kernel;
using AlgoSpace.Grains.Interfaces.Operator;

namespace AlgoSpace.Client.Commands;

/// <summary>
/// `mode live|backtest`: asks the kernel to switch, then prints the switch's steps until it ends. The switch is over
/// when a step fails, a step named "switch complete" appears, or the kernel's Operation is null again after at
/// least one new step (the kernel clears it when the switch finishes).
/// </summary>
public static class ModeCommand
{
    public const string CompleteStep = "switch complete";

    public static Command Create(Func<ClientRuntime> runtime)
    {
        var mode = new Argument<string>("mode") { Description = "The mode to switch to: live or backtest." };
        mode.AcceptOnlyFromAmong("live", "backtest");
        var timeout = new Option<double>("--timeout") { Description = "Seconds to wait for the switch to finish.", HelpName = "SECONDS", DefaultValueFactory = _ => 120 };
        var command = new Command("mode", "Switch the running system to live or backtest (needs ALGOSPACE_OPERATOR_TOKEN) and follow the switch's steps.") { mode, timeout };
        CommandAction.Set(command, runtime, async (rt, parse, ct) =>
        {
            var wait = CommandAction.Seconds(parse, timeout);
            var target = parse.GetValue(mode)!;
            var kernel = await rt.KernelAsync(ct);
            var before = OperationFollower.LastStep(await kernel.GetSystemStatusAsync());
            var reply = await kernel.SwitchModeAsync(rt.Identity.Request(), target);
            if (!reply.Accepted) return OperationFollower.Refused(rt, reply);

            rt.Output.Line(new Cell($"switch to {target} accepted: ", Tone.Heading), reply.Message);
            var follower = new OperationFollower(rt, kernel.GetSystemStatusAsync, before);
            var outcome = await follower.FollowAsync(
                (status, fresh) => Judge(status, fresh, target, follower.SawNewStep),
                error => new OperationOutcome(ClientExitCodes.ClusterUnreachable, $"lost the connection to the cluster during the switch to {target}: {CommandAction.OneLine(error)}"),
                wait, ct);
            return OperationFollower.Report(rt, outcome);
        });
        return command;
    }

    public static OperationOutcome? Judge(SystemStatusReport status, IReadOnlyList<OperationStep> fresh, string target, bool sawNewStep)
    {
        if (fresh.FirstOrDefault(s => !s.Succeeded) is { } failed)
        {
            return new OperationOutcome(ClientExitCodes.OperationFailed, $"the switch to {target} failed at '{failed.Step}': {failed.Detail}");
        }

        if (fresh.Any(s => s.Step.Equals(CompleteStep, StringComparison.OrdinalIgnoreCase))
            || (status.Operation is null && sawNewStep && status.Mode.Equals(target, StringComparison.OrdinalIgnoreCase)))
        {
            return new OperationOutcome(ClientExitCodes.Success, $"the system runs in {status.Mode} mode ({status.State}).");
        }

        if (status.Operation is null && sawNewStep)
        {
            return new OperationOutcome(ClientExitCodes.OperationFailed, $"the switch ended with the system in {status.Mode} mode, not {target} ({status.State}).");
        }

        return status.State is SystemState.Stopped or SystemState.Faulted
            ? new OperationOutcome(ClientExitCodes.OperationFailed, $"the system is {status.State} (exit code {status.ExitCode?.ToString() ?? "none"}) during the switch to {target}.")
            : null;
    }
}
