using AlgoSpace.Grains.Components.Execution;
using AlgoSpace.Grains.Interfaces.Configuration;

namespace AlgoSpace.Silo.Configuration;

/// <summary>Rules between keys: contradictions that each key alone cannot show.</summary>
public static class ConsistencyRules
{
    /// <summary>Instruments every kernel knows (component-contracts section 0): the execution handler's own table.</summary>
    private static readonly IReadOnlyDictionary<string, Instrument> BuiltInInstruments =
        InstrumentTable.BuiltIn.ToDictionary(i => i.Symbol, StringComparer.Ordinal);

    public static void Check(RuleContext context)
    {
        CheckModes(context);
        CheckSymbols(context);
        PortfolioRules.CheckData(context);
        PortfolioRules.CheckLive(context);
        CheckTimeframes(context);
        CheckModelDimensions(context);
        CheckMatrixFeatures(context);
        CheckLimits(context);
        CheckProviders(context);
        ClusterRules.Check(context);
        CheckEmergencyBound(context);
    }

    /// <summary>The emergency path must end within 5 s (NFR-SK-06); the silo keeps half a second for itself.</summary>
    private static void CheckEmergencyBound(RuleContext c)
    {
        var steps = c.Settings.System.EmergencySteps;
        if (steps.Total() > EmergencyStepsLimit)
        {
            c.Error("system.emergency_steps", $"{steps.Total():0.###} s in all", $"at most {EmergencyStepsLimit} s in all",
                "The emergency path must finish within 5 seconds (NFR-SK-06); the silo keeps the rest for itself.");
        }
    }

    public const double EmergencyStepsLimit = 4.5;

    private static void CheckModes(RuleContext c)
    {
        var s = c.Settings;
        var mode = s.System.Mode;
        if (s.DataHandler.Mode is { } handlerMode && handlerMode != mode)
        {
            var file = mode == TradingMode.Live ? "settings/live.yaml" : "settings/backtest.yaml";
            c.Error("data_handler.mode", $"'{SettingMember.EnumName(handlerMode)}'",
                $"'{SettingMember.EnumName(mode)}' to agree with system.mode ({c.Origin("system.mode")})",
                $"A {SettingMember.EnumName(handlerMode)} data handler cannot run a {SettingMember.EnumName(mode)} system. Remove data_handler.mode to follow system.mode, or start from {file}.");
        }

        if (mode == TradingMode.Backtest && s.DataHandler.BacktestFile is null && s.DataHandler.BacktestFiles.Count == 0)
        {
            c.Error("data_handler.backtest_file", "no value", "a tick or bar CSV file to replay", "Backtest mode replays data_handler.backtest_file.");
        }

        if (mode == TradingMode.Live && s.DataHandler.Live.Url is null)
        {
            c.Error("data_handler.live.url", "no value", "a ws:// or wss:// URL", "Live mode reads ticks from data_handler.live.url; settings/live.yaml is a worked example.");
        }
    }

    private static void CheckSymbols(RuleContext c)
    {
        var symbols = c.Settings.Symbols;
        if (symbols.Count == 0)
        {
            c.Error("symbols", "an empty list", "at least one symbol", "The kernel trades the symbols listed, one pipeline each.");
            return;
        }

        foreach (var duplicate in symbols.GroupBy(x => x).Where(g => g.Count() > 1))
        {
            c.Error($"symbols[{symbols.LastIndexOf(duplicate.Key)}]", $"'{duplicate.Key}' twice", "each symbol once");
        }

        for (var i = 0; i < symbols.Count; i++)
        {
            if (!BuiltInInstruments.ContainsKey(symbols[i]) && !c.Settings.Instruments.ContainsKey(symbols[i]))
            {
                var known = BuiltInInstruments.Keys.Concat(c.Settings.Instruments.Keys);
                c.Error($"symbols[{i}]", $"'{symbols[i]}', an instrument with no tick size or point value", $"one of {string.Join(", ", known)}",
                    DidYouMean.Suggest(symbols[i], known) is { } s ? $"Did you mean '{s}'?" : $"Add it under instruments: with tick_size and point_value.");
            }
        }
    }

    private static void CheckTimeframes(RuleContext c)
    {
        var timeframes = c.Settings.Timeframes;
        if (!timeframes.SequenceEqual([5, 30]))
        {
            c.Error("timeframes", $"[{string.Join(", ", timeframes)}]", "[5, 30]",
                "The indicator engine and matrix assemblers are defined on 5- and 30-minute bars.");
        }

        var barMinutes = c.Settings.SynergyDetector.BarDurationMinutes;
        if (timeframes.Count > 0 && barMinutes != timeframes.Min())
        {
            c.Error("synergy_detector.bar_duration_minutes", barMinutes.ToString(), $"{timeframes.Min()}, the smallest timeframe",
                "The detector counts bars of the smallest timeframe.");
        }
    }

    private static void CheckModelDimensions(RuleContext c)
    {
        var core = c.Settings.MainMarlCore;
        var e = core.Embedders;
        var stateDim = e.Structure.OutputDim + e.Tactical.OutputDim + e.Regime.OutputDim + e.Lvn.OutputDim;
        if (core.Policy.StateDim != stateDim)
        {
            c.Error("main_marl_core.policy.state_dim", core.Policy.StateDim.ToString(), $"{stateDim}, the sum of the embedders' output_dim",
                "The policy's input is the four embeddings side by side.");
        }

        if (core.DecisionGate.InputDim != stateDim + 8)
        {
            c.Error("main_marl_core.decision_gate.input_dim", core.DecisionGate.InputDim.ToString(), $"{stateDim + 8}, the embeddings' width + 8",
                "The gate reads the embeddings and the 8-wide risk vector.");
        }

        if (e.Lvn.InputDim is { } lvnInput && lvnInput != 5)
        {
            c.Error("main_marl_core.embedders.lvn.input_dim", lvnInput.ToString(), "5", "The LVN vector has five entries (component-contracts 2.7).");
        }

        var mrms = c.Settings.MRms;
        if (mrms.SynergyDim != 30) c.Error("m_rms.synergy_dim", mrms.SynergyDim.ToString(), "30", "The synergy vector layout has 30 entries.");
        if (mrms.AccountDim != 10) c.Error("m_rms.account_dim", mrms.AccountDim.ToString(), "10", "The account state vector has 10 entries.");

        var rde = c.Settings.Rde;
        if (rde.DModel % rde.NHeads != 0)
        {
            c.Error("rde.n_heads", rde.NHeads.ToString(), $"a divisor of d_model ({rde.DModel})", "Attention splits d_model evenly across heads.");
        }

        var regime = c.Settings.MatrixAssemblers.Regime;
        if (rde.SequenceLength != regime.WindowSize)
        {
            c.Error("rde.sequence_length", rde.SequenceLength.ToString(), $"{regime.WindowSize}, matrix_assemblers.regime.window_size",
                "The RDE reads the whole regime matrix.");
        }
    }

    /// <summary>
    /// The feature columns of each matrix, in the order the trained models read them (component-contracts 2.4);
    /// the lists in settings document them and must match.
    /// </summary>
    private static void CheckMatrixFeatures(RuleContext c)
    {
        var defaults = new MatrixAssemblersSettings();
        var assemblers = c.Settings.MatrixAssemblers;
        (string Key, MatrixAssemblerSettings Configured, MatrixAssemblerSettings Contract)[] all =
        [
            ("30m", assemblers.ThirtyMinute, defaults.ThirtyMinute),
            ("5m", assemblers.FiveMinute, defaults.FiveMinute),
            ("regime", assemblers.Regime, defaults.Regime),
        ];
        foreach (var (key, configured, contract) in all)
        {
            var path = $"matrix_assemblers.{key}";
            if (!configured.Features.SequenceEqual(contract.Features))
            {
                c.Error($"{path}.features", $"[{string.Join(", ", configured.Features)}]", $"[{string.Join(", ", contract.Features)}]",
                    "The models are trained on these columns in this order; leave the key out to use them.");
            }

            foreach (var feature in configured.FeatureConfigs.Keys.Where(f => !contract.Features.Contains(f)))
            {
                c.Error($"{path}.feature_configs.{feature}", $"'{feature}', which is not a column of this matrix", $"one of {string.Join(", ", contract.Features)}",
                    DidYouMean.Suggest(feature, contract.Features) is { } s ? $"Did you mean '{s}'?" : null);
            }
        }
    }

    private static void CheckLimits(RuleContext c)
    {
        var s = c.Settings;
        if (s.MRms.MaxPositionSize > s.Execution.MaxPositionSize)
        {
            c.Error("m_rms.max_position_size", s.MRms.MaxPositionSize.ToString(), $"at most execution.max_position_size ({s.Execution.MaxPositionSize})",
                "M-RMS would propose sizes the execution handler always rejects.");
        }

        if (s.Execution.PartialFillTimeout > s.Execution.DefaultTimeout)
        {
            c.Error("execution.partial_fill_timeout", s.Execution.PartialFillTimeout.ToString(), $"at most execution.default_timeout ({s.Execution.DefaultTimeout})",
                "An order expires at default_timeout, so a longer partial-fill timeout never fires.");
        }

        if (s.Backtesting is { StartDate: { } start, EndDate: { } end } && start > end)
        {
            c.Error("backtesting.end_date", end.ToString("yyyy-MM-dd"), $"a date on or after start_date ({start:yyyy-MM-dd})");
        }

        if (s.Recovery.InitialDelayMs > s.Recovery.MaxDelayMs)
        {
            c.Error("recovery.initial_delay_ms", s.Recovery.InitialDelayMs.ToString(), $"at most recovery.max_delay_ms ({s.Recovery.MaxDelayMs})");
        }

        if (s.Recovery.MaxDelayMs > s.Recovery.Timeout * 1000)
        {
            c.Error("recovery.max_delay_ms", s.Recovery.MaxDelayMs.ToString(), $"at most recovery.timeout ({s.Recovery.Timeout} s)",
                "A single wait longer than the whole timeout can never be used.");
        }
    }

    private static void CheckProviders(RuleContext c)
    {
        var s = c.Settings;
        if (s.Persistence.Provider == PersistenceProvider.Redis && s.Persistence.RedisConnection is null)
        {
            c.Error("persistence.redis_connection", "no value", "${env:NAME} naming the Redis connection string", "persistence.provider is redis.");
        }

        if (s.Cluster.Provider == ClusteringProvider.Redis && s.Cluster.RedisConnection is null)
        {
            c.Error("cluster.redis_connection", "no value", "${env:NAME} naming the Redis connection string", "cluster.provider is redis.");
        }

        if (s.Cluster.KubernetesHosting && s.Cluster.Provider == ClusteringProvider.Localhost)
        {
            c.Error("cluster.kubernetes_hosting", "true with cluster.provider localhost", "cluster.provider redis",
                "Pods of a Kubernetes deployment need a shared membership table; localhost clustering is one silo on one machine.");
        }

        if (s.Cluster.SiloPort == s.Cluster.GatewayPort)
        {
            c.Error("cluster.gateway_port", s.Cluster.GatewayPort.ToString(), $"a port other than cluster.silo_port ({s.Cluster.SiloPort})");
        }

        if (s.Telemetry.Enabled && s.Telemetry.HttpPort is var port && (port == s.Cluster.SiloPort || port == s.Cluster.GatewayPort))
        {
            c.Error("telemetry.http_port", port.ToString(), "a port not used by the cluster");
        }
    }
}
