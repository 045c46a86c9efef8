namespace AlgoSpace.Grains.Interfaces.Configuration;

/// <summary>Whether the system trades a live feed or replays history.</summary>
public enum TradingMode
{
    [SettingValue("live")] Live,
    [SettingValue("backtest")] Backtest,
}

/// <summary>The mode a component entry is created in.</summary>
public enum ComponentMode
{
    /// <summary>Created in both modes.</summary>
    [SettingValue("any")] Any,
    [SettingValue("live")] Live,
    [SettingValue("backtest")] Backtest,
}

/// <summary>The seed PRD's log levels, in increasing severity.</summary>
public enum LogLevelSetting
{
    [SettingValue("TRACE")] Trace,
    [SettingValue("DEBUG")] Debug,
    [SettingValue("INFO")] Info,
    [SettingValue("WARNING")] Warning,
    [SettingValue("ERROR")] Error,
}

/// <summary>How log lines are written to the console.</summary>
public enum LogFormat
{
    /// <summary>Readable single lines for a person at a terminal.</summary>
    [SettingValue("console")] Console,
    /// <summary>One JSON object per line, for log collectors.</summary>
    [SettingValue("json")] Json,
}

/// <summary>What carries events between component grains.</summary>
public enum BusTransport
{
    /// <summary>Orleans broadcast channels with acknowledged delivery: the low-latency hot path.</summary>
    [SettingValue("broadcast")] Broadcast,
    /// <summary>Orleans persistent-stream framework (memory provider): the door to durable, rewindable providers.</summary>
    [SettingValue("stream")] Stream,
}

/// <summary>How MLMI signals are generated.</summary>
public enum MlmiSignalMode
{
    [SettingValue("ma_cross")] MaCross,
    [SettingValue("zero_cross")] ZeroCross,
}

/// <summary>Entry order type. v1 enters with market orders only (component-contracts 2.9).</summary>
public enum EntryOrderType
{
    [SettingValue("market")] Market,
}

/// <summary>Where grain state is kept.</summary>
public enum PersistenceProvider
{
    /// <summary>Embedded files with atomic writes: durable across restarts, nothing to install.</summary>
    [SettingValue("file")] File,
    /// <summary>Process memory: lost on exit; for tests.</summary>
    [SettingValue("memory")] Memory,
    /// <summary>A Redis server, for clusters.</summary>
    [SettingValue("redis")] Redis,
}

/// <summary>How silos find each other.</summary>
public enum ClusteringProvider
{
    /// <summary>A single-silo development cluster on this machine.</summary>
    [SettingValue("localhost")] Localhost,
    /// <summary>A Redis membership table, for multi-instance deployments.</summary>
    [SettingValue("redis")] Redis,
}

/// <summary>Whether a components entry is made once per traded instrument or once for the portfolio.</summary>
public enum ComponentScope
{
    /// <summary>One copy per symbol, named {name}@{symbol}, that sees only that instrument's events.</summary>
    [SettingValue("instrument")] Instrument,

    /// <summary>One component for all instruments (the data handler that merges them, the account, the tracker).</summary>
    [SettingValue("portfolio")] Portfolio,
}
