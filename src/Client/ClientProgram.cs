using System.CommandLine;
using AlgoSpace.Client.Commands;
using AlgoSpace.Client.Connection;
using AlgoSpace.Client.Rendering;

namespace AlgoSpace.Client;

/// <summary>
/// The client's entry: parses the command line, works out where the cluster is, then runs one command, or the
/// interactive prompt when no command is given.
/// </summary>
public static class ClientProgram
{
    public static async Task<int> RunAsync(string[] args)
    {
        var cancellation = new CommandCancellation();
        Console.CancelKeyPress += (_, e) => e.Cancel = cancellation.CancelCurrent();
        return await RunAsync(args, ClientOutput.ForProcess(), Console.In, Environment.GetEnvironmentVariable, settings => new OrleansClusterConnector(settings), cancellation);
    }

    /// <param name="connect">Makes the connector for the resolved settings (tests pass one that returns a test cluster's client).</param>
    public static async Task<int> RunAsync(
        string[] args, ClientOutput output, TextReader input, Func<string, string?> environment,
        Func<ConnectionSettings, IClusterConnector> connect, CommandCancellation? cancellation = null)
    {
        cancellation ??= new CommandCancellation();
        ClientRuntime? runtime = null;
        var connection = new ConnectionOptions();
        var root = new RootCommand(
            "AlgoSpace operator console: an Orleans client that shows the kernel's status and switches mode or shuts the system down. " +
            "Without a command it opens an interactive prompt.\n\n" +
            "Exit codes: 0 ok; 1 refused by the kernel; 2 usage or --config error; 3 cluster unreachable; 4 operation failed or timed out; " +
            "5 the kernel answered with an error; 130 interrupted.\n\n" +
            $"mode and shutdown send the operator token from the environment variable {OperatorIdentity.TokenVariable}.");
        foreach (var option in connection.All) root.Options.Add(option);
        root.SetAction(_ => ClientExitCodes.Success); // no command is valid: it opens the prompt (below)
        foreach (var command in ClientCommands.Create(() => runtime!)) root.Subcommands.Add(command);

        var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        var invocation = new InvocationConfiguration { Output = output.Out, Error = output.Error, ProcessTerminationTimeout = null };
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) output.Fail(error.Message);
            await output.Error.WriteLineAsync("Run with --help for the commands and options.");
            return ClientExitCodes.UsageError;
        }

        var isCommand = parse.CommandResult.Command != root;
        // --help on any command, or --version.
        if (parse.Action is System.CommandLine.Help.HelpAction || root.Options.OfType<VersionOption>().Any(v => parse.Action == v.Action))
        {
            return await parse.InvokeAsync(invocation);
        }

        ConnectionSettings settings;
        try
        {
            settings = connection.Resolve(parse, environment);
        }
        catch (ClientUsageException usage)
        {
            output.Fail(usage.Message);
            return ClientExitCodes.UsageError;
        }

        await using (runtime = new ClientRuntime(connect(settings), output, OperatorIdentity.FromEnvironment(environment)))
        {
            if (!isCommand)
            {
                var interactive = new RootCommand("AlgoSpace operator console");
                interactive.SetAction(_ => ClientExitCodes.UsageError);
                foreach (var command in ClientCommands.Create(() => runtime)) interactive.Subcommands.Add(command);
                return await new InteractiveShell(runtime, interactive, input, cancellation).RunAsync();
            }

            var token = cancellation.Begin();
            try
            {
                return await parse.InvokeAsync(invocation, token);
            }
            finally
            {
                cancellation.End();
            }
        }
    }
}
