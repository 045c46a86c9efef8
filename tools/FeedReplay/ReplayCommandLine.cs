using System.Globalization;
using AlgoSpace.MarketData;

namespace AlgoSpace.FeedReplay;

/// <summary>Reads FeedReplay's command line into <see cref="FeedReplayOptions"/> (usage in Program.cs).</summary>
public static class ReplayCommandLine
{
    public static FeedReplayOptions Parse(IReadOnlyList<string> args)
    {
        var files = new List<string>();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "--loop" or "--allow-remote")
            {
                flags.Add(arg);
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (i + 1 >= args.Count) throw new ArgumentException($"{arg} needs a value.");
                values[arg] = args[++i];
            }
            else
            {
                files.Add(arg);
            }
        }

        var instruments = files.Select(Instrument).ToList();
        if (files.Count > 1 && instruments.Any(i => i is null))
        {
            throw new ArgumentException($"{files.Count} files: give each as SYMBOL=FILE (ES=es.csv NQ=nq.csv), or one file alone.");
        }

        var known = new[] { "--port", "--host", "--path", "--rate", "--speed", "--format", "--overlap", "--heartbeat", "--symbol", "--api-key-env" };
        if (values.Keys.FirstOrDefault(k => !known.Contains(k)) is { } unknown) throw new ArgumentException($"Unknown option {unknown}.");
        var apiKeyVariable = values.GetValueOrDefault("--api-key-env");
        return new FeedReplayOptions
        {
            File = files.Count == 0 ? throw new ArgumentException("Which file? Give a tick or bar CSV, or SYMBOL=FILE for each instrument.")
                : instruments[0] is null ? files[0] : null,
            Instruments = instruments[0] is null ? [] : instruments.Select(i => i!).ToList(),
            Port = values.TryGetValue("--port", out var port) ? int.Parse(port, CultureInfo.InvariantCulture) : FeedReplayOptions.DefaultPort,
            Host = values.GetValueOrDefault("--host", "127.0.0.1"),
            AllowRemote = flags.Contains("--allow-remote"),
            Path = values.GetValueOrDefault("--path", FeedReplayOptions.DefaultPath),
            Rate = Number(values, "--rate"),
            Speed = Number(values, "--speed"),
            Format = values.GetValueOrDefault("--format", "algospace_json") switch
            {
                "algospace_json" => FeedMessageFormat.AlgoSpaceJson,
                "binance_trade" => FeedMessageFormat.BinanceTrade,
                var other => throw new ArgumentException($"--format {other}: use algospace_json or binance_trade."),
            },
            Overlap = values.TryGetValue("--overlap", out var overlap) ? int.Parse(overlap, CultureInfo.InvariantCulture) : 20,
            HeartbeatInterval = TimeSpan.FromSeconds(values.TryGetValue("--heartbeat", out var heartbeat) ? double.Parse(heartbeat, CultureInfo.InvariantCulture) : 1),
            Symbol = values.GetValueOrDefault("--symbol", "ES"),
            Loop = flags.Contains("--loop"),
            // The key is read from an environment variable, never from the command line (visible in ps).
            ApiKey = apiKeyVariable is null ? null
                : Environment.GetEnvironmentVariable(apiKeyVariable) ?? throw new ArgumentException($"--api-key-env {apiKeyVariable}: the variable is not set."),
        };
    }

    /// <summary>SYMBOL=FILE as an instrument; null for a plain path.</summary>
    private static FeedInstrument? Instrument(string arg)
    {
        var split = arg.IndexOf('=', StringComparison.Ordinal);
        if (split <= 0 || !arg[..split].All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-')) return null;
        return new FeedInstrument(arg[..split], arg[(split + 1)..]);
    }

    private static double Number(Dictionary<string, string> values, string name) =>
        values.TryGetValue(name, out var text) ? double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture) : 0;
}
