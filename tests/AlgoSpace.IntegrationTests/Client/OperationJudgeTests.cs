using AlgoSpace.Client;
using AlgoSpace.Client.Commands;
using AlgoSpace.Grains.Interfaces;
using AlgoSpace.Grains.Interfaces.Kernel;
using AlgoSpace.Grains.Interfaces.Operator;

namespace AlgoSpace.Tests.Client;

/// <summary>When `mode` and `shutdown` consider the kernel's operation over, and with which exit code.</summary>
public sealed class OperationJudgeTests
{
    [Fact]
    public void A_graceful_shutdown_is_confirmed_by_stopped_with_exit_code_0()
    {
        Assert.Null(ShutdownCommand.Judge(Status(SystemState.Stopping), emergency: false));
        Assert.Null(ShutdownCommand.Judge(Status(SystemState.Stopped, exitCode: null), emergency: false));
        // Stopped, but the kernel has not recorded its last step yet (it clears Operation after it).
        Assert.Null(ShutdownCommand.Judge(Status(SystemState.Stopped, exitCode: 0, operation: "shutdown"), emergency: false));
        Assert.Equal(ClientExitCodes.Success, ShutdownCommand.Judge(Status(SystemState.Stopped, exitCode: 0), emergency: false)!.ExitCode);
    }

    [Fact]
    public void A_graceful_shutdown_that_ended_in_the_emergency_path_is_a_failed_operation_but_an_asked_emergency_is_not()
    {
        var faulted = Status(SystemState.Faulted, exitCode: ExitCodes.EmergencyShutdown);

        var graceful = ShutdownCommand.Judge(faulted, emergency: false)!;
        var emergency = ShutdownCommand.Judge(faulted, emergency: true)!;

        Assert.Equal(ClientExitCodes.OperationFailed, graceful.ExitCode);
        Assert.Contains("Faulted, silo exit code 4", graceful.Message, StringComparison.Ordinal);
        Assert.Equal(ClientExitCodes.Success, emergency.ExitCode);
    }

    [Fact]
    public void A_mode_switch_is_over_at_its_complete_step_or_when_the_operation_clears_in_the_target_mode()
    {
        var running = Status(SystemState.Running, mode: "backtest", operation: "mode live");
        var done = Status(SystemState.Running, mode: "live");

        Assert.Null(ModeCommand.Judge(running, [Step("drain")], "live", sawNewStep: true));
        Assert.Equal(ClientExitCodes.Success, ModeCommand.Judge(running with { Mode = "live" }, [Step("Switch complete")], "live", true)!.ExitCode);
        Assert.Equal(ClientExitCodes.Success, ModeCommand.Judge(done, [], "live", sawNewStep: true)!.ExitCode);
        // Operation null before the switch printed anything is the moment between accept and the first step.
        Assert.Null(ModeCommand.Judge(Status(SystemState.Running, mode: "backtest"), [], "live", sawNewStep: false));
        Assert.Equal(ClientExitCodes.OperationFailed, ModeCommand.Judge(Status(SystemState.Running, mode: "backtest"), [], "live", sawNewStep: true)!.ExitCode);
    }

    [Fact]
    public void A_failed_step_or_a_stopped_system_fails_the_mode_switch()
    {
        var running = Status(SystemState.Running, operation: "mode live");

        var failed = ModeCommand.Judge(running, [Step("drain"), Step("flatten", ok: false, "2 positions still open")], "live", true)!;
        var stopped = ModeCommand.Judge(Status(SystemState.Faulted, exitCode: 4, operation: "mode live"), [], "live", true)!;

        Assert.Equal(ClientExitCodes.OperationFailed, failed.ExitCode);
        Assert.Contains("failed at 'flatten': 2 positions still open", failed.Message, StringComparison.Ordinal);
        Assert.Equal(ClientExitCodes.OperationFailed, stopped.ExitCode);
    }

    private static SystemStatusReport Status(SystemState state, int? exitCode = null, string mode = "backtest", string? operation = null) =>
        Samples.Status() with { State = state, ExitCode = exitCode, Mode = mode, Operation = operation };

    private static OperationStep Step(string name, bool ok = true, string detail = "") => new(1, "mode live", name, ok, detail, Samples.Started);
}
