using System.CommandLine;
using AlgoSpace.Client.Rendering;
using AlgoSpace.Grains.Interfaces.Kernel;
using AlgoSpace.Grains.Interfaces.Operator;
using Spectre.Console;

namespace AlgoSpace.Client.Commands;

/// <summary>`status [--watch] [--interval SECONDS] [--json]`: the kernel's system status, once or until Ctrl+C.</summary>
public static class StatusCommand
{
    public static Command Create(Func<ClientRuntime> runtime)
    {
        var watch = new Option<bool>("--watch", "-w") { Description = "Refresh until Ctrl+C (with --json: one JSON line per sample)." };
        var interval = new Option<double>("--interval") { Description = "Seconds between refreshes with --watch.", HelpName = "SECONDS", DefaultValueFactory = _ => 2 };
        var json = ReadCommands.JsonOption();
        var command = new Command("status", "Kernel state, mode, run id, uptime, components, the silos holding them, event rates, bus latency, positions, orders, today's P&L and the operation under way.")
        {
            watch, interval, json,
        };
        CommandAction.Set(command, runtime, async (rt, parse, ct) =>
        {
            var every = CommandAction.Seconds(parse, interval);
            var kernel = await rt.KernelAsync(ct);
            if (!parse.GetValue(watch))
            {
                var status = await kernel.GetSystemStatusAsync();
                if (parse.GetValue(json)) await rt.Output.Out.WriteLineAsync(JsonOutput.Serialize(status));
                else rt.Output.Write(StatusView.Build(status));
                return ClientExitCodes.Success;
            }

            return await WatchAsync(rt, kernel, every, parse.GetValue(json), ct);
        });
        return command;
    }

    /// <summary>Refreshes until cancelled (Ctrl+C), which ends the watch with success.</summary>
    private static async Task<int> WatchAsync(ClientRuntime rt, IKernelOperatorGrain kernel, TimeSpan every, bool json, CancellationToken cancellation)
    {
        try
        {
            if (rt.Output.Rich && !json)
            {
                var first = await kernel.GetSystemStatusAsync();
                await rt.Output.Console.Live(RichWriter.Render(Watched(first))).StartAsync(async live =>
                {
                    while (true)
                    {
                        await Task.Delay(every, cancellation);
                        live.UpdateTarget(RichWriter.Render(Watched(await kernel.GetSystemStatusAsync())));
                    }
                });
            }

            while (true)
            {
                var status = await kernel.GetSystemStatusAsync();
                if (json)
                {
                    await rt.Output.Out.WriteLineAsync(JsonOutput.Serialize(status, indented: false));
                }
                else
                {
                    rt.Output.Write(Watched(status));
                    await rt.Output.Out.WriteLineAsync();
                }

                await rt.Output.Out.FlushAsync(cancellation);
                await Task.Delay(every, cancellation);
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            return ClientExitCodes.Success;
        }
    }

    private static IReadOnlyList<Block> Watched(SystemStatusReport status) =>
        [new LineBlock(new Cell($"--- {Formats.Utc(DateTime.UtcNow)} (Ctrl+C to stop)", Tone.Muted)), .. StatusView.Build(status)];
}
