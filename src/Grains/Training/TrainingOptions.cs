namespace AlgoSpace.Grains.Training;

/// <summary>How a routine trains: the same options and data give byte-identical model files.</summary>
/// <param name="Seed">Seeds the one torch.Generator that initialises the weights, shuffles and draws dropout masks.</param>
/// <param name="Version">The manifest version of the written models.</param>
public sealed record TrainingOptions(int Seed, int Epochs = 50, double LearningRate = 1e-3, int BatchSize = 64, string Version = "trained")
{
    /// <summary>p(QUALIFY) and p(EXECUTE) targets for a winning sample (the biased bootstrap of component-contracts 6.4).</summary>
    public double WinTarget { get; init; } = 0.9;

    /// <summary>The same for a losing sample: still above the thresholds (0.65 and 0.5), so v1 trades every synergy the rules find while it collects data.</summary>
    public double LossTarget { get; init; } = 0.7;
}
