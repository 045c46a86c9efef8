using AlgoSpace.Grains.Interfaces.Kernel;
using AlgoSpace.Grains.Interfaces.Operator;

namespace AlgoSpace.Tests.Client;

/// <summary>Hand-built kernel records for rendering tests.</summary>
public static class Samples
{
    public static readonly DateTime Started = new(2026, 3, 2, 9, 30, 0, DateTimeKind.Utc);

    public static AccountView Account() => new(
        "execution",
        [new PositionView("exec-7", "ES", -2, 5001.25, 5007.50, -625.0, 5010.0, null, Started.AddMinutes(5))],
        [new OrderView("ord-9", "exec-7", "ES", "Buy", "Stop", "StopLoss", 2, 5010.0, "Working", Started.AddMinutes(5))],
        101_234.5, 250.0, -12.5, 3, "backtest");

    public static SystemStatusReport Status(AccountView? account = null, string? operation = null, IReadOnlyList<OperationStep>? steps = null) => new(
        "20260302-093000-42",
        "backtest",
        SystemState.Degraded,
        Started,
        new TimeSpan(1, 2, 3, 4),
        [
            new ComponentHealth("source", "data_handler", true, ComponentState.Running, null, 0, 0, 1200, "replaying ES ticks", SiloOne),
            new ComponentHealth("recorder", "test_recorder", false, ComponentState.Failed, "told to fail", 17, 3, 0, "", null),
            new ComponentHealth("execution", "backtest_execution", true, ComponentState.Degraded, null, 1200, 0, 4, "no model", SiloTwo),
        ],
        new Dictionary<string, double> { ["NEW_TICK"] = 1234.5, ["NEW_5MIN_BAR"] = 0.4 },
        new Dictionary<string, long> { ["NEW_TICK"] = 98_765, ["NEW_5MIN_BAR"] = 41, ["BACKTEST_COMPLETE"] = 1 },
        TimeSpan.FromSeconds(10),
        new BusLatency(412, 2_500, 9_000, 500),
        account,
        account is null ? "no execution handler in this job" : null,
        steps ?? [],
        operation,
        null,
        [new StateTransition(SystemState.Running, SystemState.Degraded, "recorder failed: told to fail", Started.AddMinutes(1))],
        SiloOne,
        [
            new SiloView(SiloOne, "silo-1", "Active", Started, Started, ["source"]),
            new SiloView(SiloTwo, "silo-2", "Active", Started.AddMinutes(30), Started.AddMinutes(30), ["execution"]),
            new SiloView("S127.0.0.1:11112:3", "silo-3", "Dead", Started, Started.AddMinutes(29), []),
        ]);

    public const string SiloOne = "S127.0.0.1:11111:1";

    public const string SiloTwo = "S127.0.0.1:11113:2";
}
