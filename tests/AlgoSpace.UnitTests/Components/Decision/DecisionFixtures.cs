using AlgoSpace.Grains.Interfaces.Components.Calls;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Interfaces.Events;

namespace AlgoSpace.Tests.Components.Decision;

/// <summary>Settings, synergies and qualifications for the decision tests.</summary>
internal static class DecisionFixtures
{
    public static readonly DateTime Time = new(2024, 1, 2, 10, 35, 0);

    /// <summary>The default settings with the pipeline's components, as settings.yaml names them.</summary>
    public static AlgoSpaceSettings Settings(MRmsSettings? mrms = null, RdeSettings? rde = null, MainMarlCoreSettings? marl = null, int runSeed = 42) => new()
    {
        System = new SystemSettings { RunSeed = runSeed },
        MRms = mrms ?? new MRmsSettings(),
        Rde = rde ?? new RdeSettings(),
        MainMarlCore = marl ?? new MainMarlCoreSettings(),
        Components =
        [
            new ComponentSettings { Name = "matrix_30m", Type = "matrix_assembler_30m" },
            new ComponentSettings { Name = "matrix_5m", Type = "matrix_assembler_5m" },
            new ComponentSettings { Name = "matrix_regime", Type = "matrix_assembler_regime" },
            new ComponentSettings { Name = "rde", Type = "rde", Publishes = ["RISK_BREACH", "SYSTEM_ERROR"] },
            new ComponentSettings { Name = "m_rms", Type = "m_rms", Publishes = ["RISK_BREACH"] },
            new ComponentSettings { Name = "main_marl_core", Type = "main_marl_core" },
        ],
    };

    public static TradeQualification Qualification(string direction = "LONG", double entry = 5000, double atr = 4, DateTime? time = null) =>
        new(new float[30], new float[10], entry, direction, atr, "ES", time ?? Time, 0.9, "TYPE_1");

    /// <summary>A TYPE_2 long: mlmi 80 (strength 0.6), fvg 0.002 of price (0.2), nwrqk slope 1 (0.5), over 4 bars.</summary>
    public static SynergyDetectedPayload Synergy(int direction = 1, long featuresSeq = 1500, DateTime? time = null, double price = 5000) => new(
        "TYPE_2", direction, 1.0, time ?? Time, "ES", featuresSeq,
        [
            new SynergySignal("mlmi", 80, direction, 0.6, Time, featuresSeq - 3),
            new SynergySignal("fvg", 0.002, direction, 0.2, Time, featuresSeq - 1),
            new SynergySignal("nwrqk", 1.0, direction, 0.5, Time, featuresSeq),
        ],
        new SignalStrengths(0.6, 0.5, 0.2),
        new MarketContext(price, 25, 1.4, 2.5, 4, 60, 0.25, new NearestLvn(4990, 70, 10)),
        new SynergyMetadata(4, 0.7, Time));

    public static TradeClosedPayload Closed(double netPnl, DateTime exit, int size = 1, double slDistance = 6, bool hitStop = false, bool hitTarget = false,
        string executionId = "EX") => new(
        executionId, "ES", 1,
        new TradeEntry(5000, size, exit.AddMinutes(-30), 0.25),
        new TradeExit(5000, size, exit, hitStop ? "STOP_LOSS" : "TAKE_PROFIT"),
        new TradePerformance(netPnl, 0, 0, 5, netPnl, 6, 0, 0),
        new ExecutionQuality(0.25, 0.25, 0),
        new TradeResult(netPnl > 0 ? "WIN" : "LOSS", netPnl, 1800, "TAKE_PROFIT", hitStop, hitTarget, size, slDistance, 12));

    public static PositionUpdatePayload Position(int open, double equity, double realizedDay, DateTime time) =>
        new("ES", open, 5000, 0, realizedDay, open, equity, time);
}
