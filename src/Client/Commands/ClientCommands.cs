using System.CommandLine;

namespace AlgoSpace.Client.Commands;

/// <summary>The client's commands, the same on the command line and at the interactive prompt.</summary>
public static class ClientCommands
{
    public static IReadOnlyList<Command> Create(Func<ClientRuntime> runtime) =>
    [
        StatusCommand.Create(runtime),
        ModeCommand.Create(runtime),
        ShutdownCommand.Create(runtime),
        ReadCommands.Routes(runtime),
        ReadCommands.Config(runtime),
        ReadCommands.Positions(runtime),
        ReadCommands.Orders(runtime),
    ];
}
