using System.ComponentModel;

namespace AlgoSpace.Grains.Interfaces.Configuration;

/// <summary>
/// The whole of settings.yaml: everything that runs is decided here (FR-SK-01). Instances come only from the
/// settings loader, which validates every key before anything starts (NFR-SK-05).
/// </summary>
public sealed class AlgoSpaceSettings
{
    private SystemSettings _system = new();

    [RequiredSetting, Description("System-wide behaviour: mode, logging, shutdown, output.")]
    public SystemSettings System { get => _system; init => _system = value; }

    [Description("The event bus between component grains.")]
    public EventBusSettings EventBus { get; init; } = new();

    [Description("Traded symbols. With more than one the kernel runs a portfolio: one pipeline per symbol (components of scope instrument), one data handler merging their files in time order, one account (docs/configuration.md, \"A portfolio\").")]
    public List<string> Symbols { get; init; } = ["ES"];

    [Description("Bar timeframes in minutes that the bar generator builds; v1 needs exactly [5, 30].")]
    public List<int> Timeframes { get; init; } = [5, 30];

    [Description("Tick size and point value per symbol, added to or overriding the built-in ES, MES, NQ and CL.")]
    public Dictionary<string, InstrumentSettings> Instruments { get; init; } = [];

    [RequiredSetting, SettingPath(SettingPathKind.File, WarnIfMissing = true)]
    [SettingKeyPattern("^[a-z][a-z0-9_]*_path$", "a model name followed by _path, for example rde_path")]
    [Description("Pre-trained model files by name (<name>_path). A missing file is a warning: the components that need it run degraded (FR-SK-04).")]
    public Dictionary<string, string> Models { get; init; } = [];

    [RequiredSetting, Description("The market-data entry point, in backtest and live.")]
    public DataHandlerSettings DataHandler { get; init; } = new();

    [Description("Bar generation.")]
    public BarsSettings Bars { get; init; } = new();

    [Description("Indicator parameters (component-contracts 2.3).")]
    public IndicatorsSettings Indicators { get; init; } = new();

    [Description("The three matrix assemblers (component-contracts 2.4).")]
    public MatrixAssemblersSettings MatrixAssemblers { get; init; } = new();

    [Description("Gate 1: deterministic synergy pattern detection (component-contracts 2.5).")]
    public SynergyDetectorSettings SynergyDetector { get; init; } = new();

    [Description("The regime detection engine (component-contracts 2.6).")]
    public RdeSettings Rde { get; init; } = new();

    [SettingKey("m_rms"), Description("The risk management sub-system that sizes and brackets trades (component-contracts 2.8).")]
    public MRmsSettings MRms { get; init; } = new();

    [SettingKey("main_marl_core"), Description("Gate 2: the unified policy that qualifies trades (component-contracts 2.7).")]
    public MainMarlCoreSettings MainMarlCore { get; init; } = new();

    [RequiredSetting, Description("Account-level risk limits.")]
    public RiskManagementSettings RiskManagement { get; init; } = new();

    [RequiredSetting, Description("Order handling, fills and pre-trade checks (component-contracts 2.9).")]
    public ExecutionSettings Execution { get; init; } = new();

    [Description("Backtest account and date range.")]
    public BacktestingSettings Backtesting { get; init; } = new();

    [Description("Retries of transient runtime errors (FR-SK-06).")]
    public RecoverySettings Recovery { get; init; } = new();

    [Description("Where grain state is saved so that a restart resumes.")]
    public PersistenceSettings Persistence { get; init; } = new();

    [Description("How this silo joins its cluster.")]
    public ClusterSettings Cluster { get; init; } = new();

    [Description("HTTP endpoints for health and Prometheus metrics.")]
    public TelemetrySettings Telemetry { get; init; } = new();

    [Description("Event types beyond the built-in catalogue, for components added by configuration (UPPER_SNAKE_CASE).")]
    [SettingPattern("^[A-Z][A-Z0-9_]*$", "UPPER_SNAKE_CASE, for example MY_SIGNAL")]
    public List<string> CustomEvents { get; init; } = [];

    [SettingPath(SettingPathKind.File, MustExist = true)]
    [Description("Assemblies (.dll under plugins/) that hold component kinds added by configuration; their kinds can then be named in components.")]
    public List<string> ComponentAssemblies { get; init; } = [];

    [RequiredSetting, Description("The components the kernel creates, and the event routing table: what each subscribes to and publishes.")]
    public List<ComponentSettings> Components { get; init; } = [];

    /// <summary>
    /// These settings as seen by a system running in <paramref name="mode"/>: the same sections, with system.mode
    /// replaced. The kernel switches a running system's mode (the operator's `mode` command) without reloading the
    /// file, so components created after a switch read the mode they run in.
    /// </summary>
    public AlgoSpaceSettings InMode(TradingMode mode)
    {
        if (mode == System.Mode) return this;
        var copy = (AlgoSpaceSettings)MemberwiseClone();
        copy._system = System.WithMode(mode);
        return copy;
    }
}
