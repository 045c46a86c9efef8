using System.CommandLine;
using System.CommandLine.Parsing;
using AlgoSpace.Client.Rendering;
using Spectre.Console;

namespace AlgoSpace.Client.Commands;

/// <summary>
/// The prompt (`algospace> `): reads commands with the command line's syntax until `exit`, `quit` or end of input,
/// on one connection. `help` lists the commands; `help COMMAND` shows a command's options.
/// </summary>
public sealed class InteractiveShell(ClientRuntime runtime, RootCommand commands, TextReader input, CommandCancellation cancellation)
{
    public const string Prompt = "algospace> ";

    /// <summary>Returns the exit code of the last command run (0 when none ran), so a piped script can check it.</summary>
    public async Task<int> RunAsync()
    {
        var output = runtime.Output;
        var last = ClientExitCodes.Success;
        output.Line(new Cell("AlgoSpace operator console. ", Tone.Heading), new Cell("Type help for the commands, exit to leave.", Tone.Muted));
        while (true)
        {
            if (output.Rich) output.Console.Markup($"[bold]{Prompt.TrimEnd()}[/] ");
            else
            {
                await output.Out.WriteAsync(Prompt);
                await output.Out.FlushAsync();
            }

            var line = await input.ReadLineAsync();
            if (line is null)
            {
                await output.Out.WriteLineAsync();
                return last;
            }

            var tokens = CommandLineParser.SplitCommandLine(line).ToArray();
            if (tokens.Length == 0) continue;
            if (tokens is ["exit" or "quit"]) return last;
            if (tokens[0] == "help")
            {
                if (tokens.Length == 1) PrintHelp();
                else await InvokeAsync([.. tokens[1..], "--help"]);
                continue;
            }

            last = await InvokeAsync(tokens);
        }
    }

    private async Task<int> InvokeAsync(string[] tokens)
    {
        var parse = commands.Parse(tokens);
        if (parse.Errors.Count > 0 || parse.CommandResult.Command == commands && parse.Action is not System.CommandLine.Help.HelpAction)
        {
            foreach (var error in parse.Errors) runtime.Output.Fail(error.Message);
            if (parse.Errors.Count == 0) runtime.Output.Fail($"unknown command '{tokens[0]}'.");
            await runtime.Output.Error.WriteLineAsync("Type help for the commands.");
            return ClientExitCodes.UsageError;
        }

        var token = cancellation.Begin();
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = runtime.Output.Out, Error = runtime.Output.Error, ProcessTerminationTimeout = null }, token);
        }
        finally
        {
            cancellation.End();
        }
    }

    private void PrintHelp()
    {
        var rows = commands.Subcommands.Select(c => (IReadOnlyList<Cell>)[new Cell(c.Name, Tone.Heading), c.Description ?? ""]).ToList();
        rows.Add([new Cell("help [COMMAND]", Tone.Heading), "This list, or a command's options."]);
        rows.Add([new Cell("exit, quit", Tone.Heading), "Leave (so does end of input, Ctrl+D)."]);
        runtime.Output.Write([new TableBlock("Commands", [new("Command"), new("What it does")], rows)]);
    }
}
