using System.CommandLine;
using AlgoSpace.Client.Rendering;

namespace AlgoSpace.Client.Commands;

/// <summary>The commands that only read: `routes`, `config`, `positions`, `orders`.</summary>
public static class ReadCommands
{
    public static Command Routes(Func<ClientRuntime> runtime)
    {
        var json = JsonOption();
        var command = new Command("routes", "The live routing table: event type, producers, subscriber and deliveries handled.") { json };
        CommandAction.Set(command, runtime, async (rt, parse, ct) =>
        {
            var routes = await (await rt.KernelAsync(ct)).GetRoutesAsync();
            if (parse.GetValue(json)) await rt.Output.Out.WriteLineAsync(JsonOutput.Serialize(routes));
            else rt.Output.Write(BookViews.Routes(routes));
            return ClientExitCodes.Success;
        });
        return command;
    }

    public static Command Config(Func<ClientRuntime> runtime)
    {
        var command = new Command("config", "The effective configuration the kernel runs, as YAML, credentials redacted.");
        CommandAction.Set(command, runtime, async (rt, _, ct) =>
        {
            rt.Output.Verbatim(await (await rt.KernelAsync(ct)).GetConfigurationAsync());
            return ClientExitCodes.Success;
        });
        return command;
    }

    public static Command Positions(Func<ClientRuntime> runtime) => Book(runtime, "positions", "Open positions of the execution handler's book.", a => a.Positions, BookViews.Positions);

    public static Command Orders(Func<ClientRuntime> runtime) => Book(runtime, "orders", "Working orders of the execution handler's book.", a => a.Orders, BookViews.Orders);

    public static Option<bool> JsonOption() => new("--json") { Description = "Write the kernel's record as JSON (camelCase, enums as names) for scripts." };

    private static Command Book<T>(Func<ClientRuntime> runtime, string name, string description,
        Func<AlgoSpace.Grains.Interfaces.Operator.AccountView, IReadOnlyList<T>> select, Func<AlgoSpace.Grains.Interfaces.Operator.AccountView, IReadOnlyList<Block>> view)
    {
        var json = JsonOption();
        var command = new Command(name, description) { json };
        CommandAction.Set(command, runtime, async (rt, parse, ct) =>
        {
            var kernel = await rt.KernelAsync(ct);
            var account = await kernel.GetAccountAsync();
            if (parse.GetValue(json))
            {
                // The list alone (empty without a book), so that a script need not know the account's shape.
                await rt.Output.Out.WriteLineAsync(JsonOutput.Serialize(account is null ? [] : select(account)));
            }
            else if (account is null)
            {
                rt.Output.Write(BookViews.NoAccount((await kernel.GetSystemStatusAsync()).AccountNote));
            }
            else
            {
                rt.Output.Write(view(account));
            }

            return ClientExitCodes.Success;
        });
        return command;
    }
}
