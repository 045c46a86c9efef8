using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Silo.Terminal;

namespace AlgoSpace.Silo.Hosting;

/// <summary>What the command line asked for, after parsing.</summary>
public sealed record SiloOptions(
    string ConfigFile,
    TradingMode? Mode,
    LogLevelSetting? LogLevel,
    bool Debug,
    bool Validate,
    bool PrintConfig,
    bool PrintSchema)
{
    /// <summary>--routes: print the routing table and exit.</summary>
    public bool PrintRoutes { get; init; }

    /// <summary>--runner in-process: run the backtest without Orleans (the parity reference) and print ticks/s.</summary>
    public bool InProcess { get; init; }

    /// <summary>--data: the backtest file to replay instead of data_handler.backtest_file.</summary>
    public string? DataFile { get; init; }

    /// <summary>--display: the live display on a terminal (auto), always, or never (plain lines).</summary>
    public DisplayChoice Display { get; init; } = DisplayChoice.Auto;

    /// <summary>--train: train the decision models instead of running (see <see cref="TrainCommand"/>).</summary>
    public TrainOptions? Train { get; init; }

    /// <summary>
    /// Where ${env:NAME} references in the settings are looked up: the process environment unless a caller (a
    /// test running beside others) hands in its own, so that nobody has to change the shared process environment.
    /// </summary>
    public Func<string, string?> EnvironmentVariables { get; init; } = Environment.GetEnvironmentVariable;
}

/// <summary>The training command's options: days of generated data, its seed, and epochs.</summary>
public sealed record TrainOptions(int Days, int Seed, int Epochs);
