using AlgoSpace.Grains.Components;
using AlgoSpace.Grains.Interfaces.Components;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Interfaces.Kernel;

namespace AlgoSpace.Grains.Kernel;

/// <summary>When the operator's mode switch is safe: the checks made before a switch is accepted, each with its reason.</summary>
public sealed class ModeSwitchRules(AlgoSpaceSettings settings, ComponentRegistry registry)
{
    public static bool TryParseMode(string text, out TradingMode mode)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "live": mode = TradingMode.Live; return true;
            case "backtest": mode = TradingMode.Backtest; return true;
            default: mode = default; return false;
        }
    }

    /// <summary>Why a switch from <paramref name="current"/> to <paramref name="target"/> is not safe now; null when it is.</summary>
    public string? Refusal(TradingMode target, TradingMode current, SystemState state, bool created, bool emergency, bool shutdown, bool switching)
    {
        if (emergency) return "an emergency shutdown is under way";
        if (shutdown) return "a shutdown is under way";
        if (switching) return "another mode switch is already under way";
        if (!created || state is not (SystemState.Running or SystemState.Degraded))
        {
            return $"the system is {state}; a switch needs it Running or Degraded";
        }

        var name = RunRecord.ModeName(target);
        if (target == current) return $"the system already runs in {name} mode";
        var plan = StartupPlan.For(settings, target, registry.Catalog);
        var roles = plan.ActivationOrder.Select(c => registry.Catalog.Find(c.Type)?.Role).ToList();
        if (!roles.Contains(ComponentRole.DataHandler)) return $"no data handler is configured for {name} mode (components entries with mode: {name} or any)";
        if (!roles.Contains(ComponentRole.ExecutionHandler)) return $"no execution handler is configured for {name} mode";
        var missing = plan.ActivationOrder.FirstOrDefault(c => !registry.IsImplemented(c.Type));
        if (missing is not null) return $"component {missing.Name} ({missing.Type}) has no implementation in this silo";
        if (target == TradingMode.Backtest && string.IsNullOrEmpty(settings.DataHandler.BacktestFile) && settings.DataHandler.BacktestFiles.Count == 0)
        {
            return "backtest mode needs data_handler.backtest_file, which is not set";
        }

        if (target == TradingMode.Backtest && settings.Symbols.Count > 1 && settings.Symbols.FirstOrDefault(s => !settings.DataHandler.BacktestFiles.ContainsKey(s)) is { } uncovered)
        {
            return $"a portfolio's backtest replays one file per symbol, and data_handler.backtest_files has none for {uncovered}";
        }

        if (target == TradingMode.Live && string.IsNullOrEmpty(settings.DataHandler.Live.Url)) return "live mode needs data_handler.live.url, which is not set";
        return null;
    }
}
