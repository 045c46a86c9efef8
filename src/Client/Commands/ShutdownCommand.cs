using System.CommandLine;
using AlgoSpace.Client.Rendering;
using AlgoSpace.Grains.Interfaces;
using AlgoSpace.Grains.Interfaces.Kernel;
using AlgoSpace.Grains.Interfaces.Operator;

namespace AlgoSpace.Client.Commands;

/// <summary>
/// `shutdown [--emergency]`: asks the kernel to shut the system down, then prints each step until the system is
/// Stopped or Faulted with an exit code. The silo process exits after a shutdown, so a connection lost after the
/// kernel accepted is taken as the confirmation that the silo stopped.
/// </summary>
public static class ShutdownCommand
{
    public static Command Create(Func<ClientRuntime> runtime)
    {
        var emergency = new Option<bool>("--emergency") { Description = "The emergency path: protect positions, save state and stop at once (silo exit code 4)." };
        var timeout = new Option<double>("--timeout") { Description = "Seconds to wait for the silo to confirm.", HelpName = "SECONDS", DefaultValueFactory = _ => 120 };
        var command = new Command("shutdown", "Shut the system down (needs ALGOSPACE_OPERATOR_TOKEN) and follow its steps until the silo confirms.") { emergency, timeout };
        CommandAction.Set(command, runtime, async (rt, parse, ct) =>
        {
            var wait = CommandAction.Seconds(parse, timeout);
            var isEmergency = parse.GetValue(emergency);
            var kernel = await rt.KernelAsync(ct);
            var before = OperationFollower.LastStep(await kernel.GetSystemStatusAsync());
            var reply = await kernel.OperatorShutdownAsync(rt.Identity.Request(), isEmergency);
            if (!reply.Accepted) return OperationFollower.Refused(rt, reply);

            rt.Output.Line(new Cell($"{(isEmergency ? "emergency shutdown" : "shutdown")} accepted: ", Tone.Heading), reply.Message);
            var outcome = await new OperationFollower(rt, kernel.GetSystemStatusAsync, before).FollowAsync(
                (status, _) => Judge(status, isEmergency),
                _ => SiloGone,
                wait, ct);
            return OperationFollower.Report(rt, outcome);
        });
        return command;
    }

    /// <summary>The silo process exits after a shutdown: losing it after the kernel accepted is the confirmation.</summary>
    public static OperationOutcome SiloGone { get; } =
        new(ClientExitCodes.Success, "the connection to the cluster closed after the shutdown was accepted: the silo has stopped.");

    /// <summary>
    /// Over when the system is Stopped or Faulted with an exit code and the kernel has ended the operation (it clears
    /// Operation after recording the last step, "stopped", so that step is printed before the client ends). A graceful shutdown that ends Faulted or with a
    /// non-zero exit code (it timed out into the emergency path) is reported as a failed operation; an emergency
    /// shutdown succeeds by stopping at all.
    /// </summary>
    public static OperationOutcome? Judge(SystemStatusReport status, bool emergency)
    {
        if (status.State is not (SystemState.Stopped or SystemState.Faulted) || status.ExitCode is not { } exit || status.Operation is not null) return null;
        var message = $"the system is {status.State}, silo exit code {exit}.";
        return emergency || (status.State == SystemState.Stopped && exit == ExitCodes.Success)
            ? new OperationOutcome(ClientExitCodes.Success, message)
            : new OperationOutcome(ClientExitCodes.OperationFailed, $"the shutdown did not finish cleanly: {message}");
    }
}
