using System.ComponentModel;

namespace AlgoSpace.Grains.Interfaces.Configuration;

public sealed class MainMarlCoreSettings
{
    public EmbeddersSettings Embedders { get; init; } = new();

    [Description("Monte Carlo dropout over the shared policy.")]
    public McDropoutSettings McDropout { get; init; } = new();

    public PolicySettings Policy { get; init; } = new();

    public DecisionGateSettings DecisionGate { get; init; } = new();

    public SafetySettings Safety { get; init; } = new();
}

public sealed class EmbeddersSettings
{
    public EmbedderSettings Structure { get; init; } = new() { OutputDim = 64 };
    public EmbedderSettings Tactical { get; init; } = new() { OutputDim = 48 };
    public EmbedderSettings Regime { get; init; } = new() { OutputDim = 16 };
    public EmbedderSettings Lvn { get; init; } = new() { InputDim = 5, OutputDim = 8 };
}

public sealed class EmbedderSettings
{
    [SettingRange(1, 4096), Description("Input width where the input is a vector (LVN).")]
    public int? InputDim { get; init; }

    [SettingRange(1, 4096), Description("Embedding width.")]
    public int OutputDim { get; init; } = 8;
}

public sealed class McDropoutSettings
{
    [SettingRange(1, 10_000), Description("Stochastic forward passes per decision.")]
    public int NSamples { get; init; } = 50;

    [SettingRange(0, 1), Description("A trade qualifies only when the mean QUALIFY probability reaches this.")]
    public double ConfidenceThreshold { get; init; } = 0.65;

    [SettingRange(0, 100, ExclusiveMinimum = true), Description("Softmax temperature.")]
    public double Temperature { get; init; } = 1.0;
}

public sealed class PolicySettings
{
    [SettingRange(1, 65_536), Description("Width of the concatenated embeddings; must equal the sum of the embedders' output_dim.")]
    public int StateDim { get; init; } = 136;
}

public sealed class DecisionGateSettings
{
    [SettingRange(1, 65_536), Description("Width of the gate input; must equal policy.state_dim + 8 (the risk vector).")]
    public int InputDim { get; init; } = 144;

    [SettingRange(0, 1), Description("Execute when the gate's EXECUTE probability exceeds this.")]
    public double GateThreshold { get; init; } = 0.5;
}

public sealed class SafetySettings
{
    [SettingRange(1, 10_000), SettingUnit("trades"), Description("Hard limit on trades per day.")]
    public int MaxDailyTrades { get; init; } = 10;
}
