using System.CommandLine;
using AlgoSpace.Client.Connection;

namespace AlgoSpace.Client.Commands;

/// <summary>
/// Runs a command's body and turns what can go wrong into one line on stderr and an exit code
/// (<see cref="ClientExitCodes"/>): never a stack trace.
/// </summary>
public static class CommandAction
{
    /// <summary>Makes <paramref name="body"/> the command's action; it connects (rt.KernelAsync) after checking its options.</summary>
    public static void Set(Command command, Func<ClientRuntime> runtime, Func<ClientRuntime, ParseResult, CancellationToken, Task<int>> body) =>
        command.SetAction((parse, cancellation) => RunAsync(runtime(), cancellation, (rt, ct) => body(rt, parse, ct)));

    public static async Task<int> RunAsync(ClientRuntime runtime, CancellationToken cancellation, Func<ClientRuntime, CancellationToken, Task<int>> body)
    {
        try
        {
            return await body(runtime, cancellation);
        }
        catch (ClusterUnreachableException unreachable)
        {
            runtime.Output.Fail(unreachable.Message);
            await runtime.DropConnectionAsync();
            return ClientExitCodes.ClusterUnreachable;
        }
        catch (ClientUsageException usage)
        {
            runtime.Output.Fail(usage.Message);
            return ClientExitCodes.UsageError;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            runtime.Output.Fail("interrupted.");
            return ClientExitCodes.Interrupted;
        }
        catch (Exception error) when (ConnectionErrors.IsConnectionLost(error))
        {
            runtime.Output.Fail($"lost the connection to the cluster: {OneLine(error)}");
            await runtime.DropConnectionAsync();
            return ClientExitCodes.ClusterUnreachable;
        }
        catch (Exception error)
        {
            runtime.Output.Fail($"the kernel answered with an error: {error.GetType().Name}: {OneLine(error)}");
            return ClientExitCodes.KernelError;
        }
    }

    public static string OneLine(Exception error) => error.Message.ReplaceLineEndings(" ");

    /// <summary>A positive number of seconds, or a usage error naming the option.</summary>
    public static TimeSpan Seconds(ParseResult parse, Option<double> option)
    {
        var seconds = parse.GetValue(option);
        if (!(seconds > 0 && seconds <= 86_400))
        {
            throw new ClientUsageException($"{option.Name} must be a number of seconds above 0 (found {seconds}).");
        }

        return TimeSpan.FromSeconds(seconds);
    }
}
