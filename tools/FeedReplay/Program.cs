using System.Globalization;
using System.Runtime.InteropServices;
using AlgoSpace.FeedReplay;
using AlgoSpace.MarketData;
using AlgoSpace.MarketData.Files;

// FeedReplay: serves a tick or bar CSV as a WebSocket market-data feed for live mode (docs/live-feed.md).
//
//   dotnet run --project tools/FeedReplay -- FILE | SYMBOL=FILE... [--port 8765] [--host 127.0.0.1] [--allow-remote] [--path /ticks]
//       [--rate TICKS_PER_S | --speed MULTIPLE] [--format algospace_json|binance_trade] [--overlap 20]
//       [--heartbeat SECONDS] [--symbol ES] [--loop] [--api-key-env VAR]
//
// Ctrl+C stops. Exit code 2 for a usage error, 1 when the file cannot be served.

const string Usage = """
    usage: FeedReplay FILE | SYMBOL=FILE... [--port 8765] [--host 127.0.0.1] [--allow-remote] [--path /ticks]
                      [--rate TICKS_PER_S | --speed MULTIPLE] [--format algospace_json|binance_trade]
                      [--overlap 20] [--heartbeat SECONDS] [--symbol ES] [--loop] [--api-key-env VAR]
    """;

FeedReplayOptions options;
try
{
    options = ReplayCommandLine.Parse(args);
    options.Validate();
}
catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(Usage);
    return 2;
}

using var logging = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true));
FeedReplayServer server;
try
{
    server = new FeedReplayServer(options, logging.CreateLogger("FeedReplay"));
}
catch (Exception ex) when (ex is DataFileException or ArgumentException)
{
    Console.Error.WriteLine(ex.Message);
    return 1;
}

// Ctrl+C, and SIGTERM (docker stop, kill) the same way: close the connections cleanly, then exit.
var stopped = new TaskCompletionSource();
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

try
{
    await server.StartAsync();
}
catch (IOException ex)
{
    // Most often another feed (or anything else) already listens on the port.
    Console.Error.WriteLine($"Cannot listen on {options.Host}:{options.Port}: {ex.Message} Stop the other process or pick another --port.");
    return 1;
}

var pace = options.Rate > 0 ? $"{options.Rate.ToString(CultureInfo.InvariantCulture)} ticks/s"
    : options.Speed > 0 ? $"{options.Speed.ToString(CultureInfo.InvariantCulture)}x real time" : "as fast as clients read";
Console.WriteLine($"Serving {server.TickCount} ticks of {string.Join(", ", options.Sources.Select(s => options.Instruments.Count > 0 ? $"{s.Symbol}={s.File}" : s.File))} at {server.Url} ({(options.Format == FeedMessageFormat.BinanceTrade ? "binance_trade" : "algospace_json")}, {pace}). Ctrl+C stops.");
await stopped.Task;
await server.DisposeAsync();
Console.WriteLine($"Stopped after {server.Sent} ticks.");
return 0;

void Stop(PosixSignalContext signal)
{
    signal.Cancel = true;
    stopped.TrySetResult();
}
