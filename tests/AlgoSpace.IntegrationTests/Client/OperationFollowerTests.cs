using AlgoSpace.Client;
using AlgoSpace.Client.Commands;
using AlgoSpace.Client.Connection;
using AlgoSpace.Grains.Interfaces.Kernel;
using AlgoSpace.Grains.Interfaces.Operator;

namespace AlgoSpace.Tests.Client;

/// <summary>Following an accepted operation: new steps printed once each, the silo going away, gaps and timeouts.</summary>
public sealed class OperationFollowerTests
{
    [Fact]
    public async Task Each_new_step_is_printed_once_and_a_lost_connection_after_an_accepted_shutdown_confirms_the_stop()
    {
        var harness = new ClientHarness();
        await using var runtime = Runtime(harness);
        // Step 1 finished before the command; the silo then answers twice and goes away.
        var answers = new Queue<Func<SystemStatusReport>>([
            () => Stopping(Step(1, "begin"), Step(2, "stop data")),
            () => Stopping(Step(1, "begin"), Step(2, "stop data"), Step(3, "drain the bus")),
            () => throw new SiloUnavailableException("the silo is gone"),
        ]);

        var outcome = await new OperationFollower(runtime, () => Task.FromResult(answers.Dequeue()()), lastStepBefore: 1)
            .FollowAsync((status, _) => ShutdownCommand.Judge(status, emergency: false), _ => ShutdownCommand.SiloGone, TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.Same(ShutdownCommand.SiloGone, outcome);
        Assert.Equal(ClientExitCodes.Success, outcome.ExitCode);
        Assert.Equal(["  [2] stop data  ok", "  [3] drain the bus  ok"], Lines(harness));
    }

    [Fact]
    public async Task Steps_lost_between_two_polls_are_said_to_be_missing()
    {
        var harness = new ClientHarness();
        await using var runtime = Runtime(harness);
        var answers = new Queue<SystemStatusReport>([
            Stopping(Step(1, "begin"), Step(2, "stop data")),
            // The shutdown's failed drain (3) and the emergency's begin (4) were replaced before this poll.
            Stopping(Step(5, "stop data")) with { State = SystemState.Faulted, ExitCode = 4, Operation = null },
        ]);

        var outcome = await new OperationFollower(runtime, () => Task.FromResult(answers.Dequeue()), lastStepBefore: 0)
            .FollowAsync((status, _) => ShutdownCommand.Judge(status, emergency: false), _ => ShutdownCommand.SiloGone, TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.Equal(ClientExitCodes.OperationFailed, outcome.ExitCode);
        var lines = Lines(harness);
        Assert.Equal("  [1] begin  ok", lines[0]);
        Assert.StartsWith("  [..] 2 step(s) finished between two polls", lines[2], StringComparison.Ordinal);
        Assert.Equal("  [5] stop data  ok", lines[3]);
    }

    [Fact]
    public async Task An_operation_that_does_not_finish_in_time_fails_with_the_last_state()
    {
        var harness = new ClientHarness();
        await using var runtime = Runtime(harness);

        var outcome = await new OperationFollower(runtime, () => Task.FromResult(Stopping()), lastStepBefore: 0)
            .FollowAsync((_, _) => null, _ => ShutdownCommand.SiloGone, TimeSpan.FromMilliseconds(300), CancellationToken.None);

        Assert.Equal(ClientExitCodes.OperationFailed, outcome.ExitCode);
        Assert.Equal("no confirmation within 0 s; the system is Stopping, operation shutdown.", outcome.Message);
    }

    private static ClientRuntime Runtime(ClientHarness harness) =>
        new(new OrleansClusterConnector(ConnectionSettings.Default), harness.Output(rich: false), new OperatorIdentity(null, "test")) { PollInterval = TimeSpan.FromMilliseconds(10) };

    private static SystemStatusReport Stopping(params OperationStep[] steps) =>
        Samples.Status(operation: "shutdown", steps: steps) with { State = SystemState.Stopping };

    private static OperationStep Step(long number, string name) => new(number, "shutdown", name, true, "", Samples.Started);

    private static string[] Lines(ClientHarness harness) => harness.Out.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
