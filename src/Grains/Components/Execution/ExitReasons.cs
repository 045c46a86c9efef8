namespace AlgoSpace.Grains.Components.Execution;

/// <summary>Why a trade closed, as TRADE_CLOSED spells it (component-contracts 2.9).</summary>
public static class ExitReasons
{
    public const string StopLoss = "STOP_LOSS";
    public const string TakeProfit = "TAKE_PROFIT";
    public const string TimeStop = "TIME_STOP";
    public const string EodFlat = "EOD_FLAT";
    public const string Emergency = "EMERGENCY";
    public const string Shutdown = "SHUTDOWN";
}
