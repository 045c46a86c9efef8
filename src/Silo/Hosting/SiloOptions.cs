using AlgoSpace.Configuration;

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
}
