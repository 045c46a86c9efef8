using System.ComponentModel;

namespace AlgoSpace.Grains.Interfaces.Configuration;

public sealed class ExecutionSettings
{
    [Description("Entry order type; v1 enters with market orders.")]
    public EntryOrderType OrderType { get; init; } = EntryOrderType.Market;

    [SettingRange(0, 100), SettingUnit("ticks"), Description("Market and stop orders fill this many ticks against the trade.")]
    public int SlippageTicks { get; init; } = 1;

    [SettingRange(0, 1000), SettingUnit("USD per contract per side")]
    public double CommissionPerContract { get; init; } = 2.5;

    [SettingRange(1, 86_400), SettingUnit("seconds"), Description("An order unfilled for this long expires.")]
    public int DefaultTimeout { get; init; } = 60;

    [SettingRange(1, 86_400), SettingUnit("seconds"), Description("A partial fill older than this is cancelled and the bracket resized.")]
    public int PartialFillTimeout { get; init; } = 30;

    [SettingRange(1, 10_000), SettingUnit("contracts"), Description("Largest absolute position after a fill.")]
    public int MaxPositionSize { get; init; } = 10;

    [Description("Flatten at session_close each day.")]
    public bool ForceFlatEod { get; init; } = true;

    [SettingPattern("^([01][0-9]|2[0-3]):[0-5][0-9]$", "a time of day HH:MM"), Description("Session close (simulation time) for force_flat_eod.")]
    public string SessionClose { get; init; } = "16:00";

    [SettingRange(0, 1e12, ExclusiveMinimum = true), SettingUnit("USD"), Description("Largest notional of one order.")]
    public double MaxOrderValue { get; init; } = 500_000;

    [SettingRange(0, 3600), SettingUnit("seconds"), Description("An execution id seen within this window is a duplicate.")]
    public int DuplicateOrderWindow { get; init; } = 5;

    [SettingRange(0, 1, ExclusiveMinimum = true), Description("Backtest: probability that an entry fills on the next tick.")]
    public double FillProbability { get; init; } = 0.98;

    [SettingRange(0, 1, ExclusiveMinimum = true), Description("Largest |entry - last| / last accepted by the pre-trade check.")]
    public double MaxPriceDeviation { get; init; } = 0.01;

    [SettingRange(1, 3600), SettingUnit("seconds"), Description("Live: venue heartbeat interval.")]
    public int HeartbeatInterval { get; init; } = 5;

    [SettingRange(0, 1000), Description("Live: reconnect attempts before safe mode.")]
    public int ReconnectAttempts { get; init; } = 3;

    [SettingRange(1, 3600), SettingUnit("seconds"), Description("Live: an order not acknowledged within this is treated as lost.")]
    public int OrderAcknowledgmentTimeout { get; init; } = 2;

    [Description("Credentials of a real venue adapter. Only from environment variables.")]
    public BrokerSettings Broker { get; init; } = new();
}

public sealed class BrokerSettings
{
    [SecretSetting, Description("Broker user name.")]
    public string? User { get; init; }

    [SecretSetting, Description("Broker password.")]
    public string? Password { get; init; }

    [Description("Broker system or environment name (not a secret).")]
    public string? System { get; init; }
}
