using AlgoSpace.Silo.Hosting;

namespace AlgoSpace.Tests.CommandLine;

/// <summary>
/// The training command's checks. Training itself is covered by DecisionTrainerTests (byte-identical retraining,
/// the loader accepts the result) and, for the committed models, by the default job's determinism tests.
/// </summary>
public sealed class TrainCommandTests
{
    private static async Task<(int ExitCode, string Output, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await SiloCommandLine.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>The default job's settings in a throw-away tree, replaying the tree's one-tick file.</summary>
    private static string DefaultSettings(TestProjectTree tree, Func<string, string>? change = null)
    {
        var yaml = File.ReadAllText(RepositoryRoot.File("settings", "settings.yaml"))
            .Replace("../data/sample/ES-ticks-eth-20d.csv.gz", "../data/ticks.csv", StringComparison.Ordinal);
        return tree.WriteSettings("train.yaml", change?.Invoke(yaml) ?? yaml);
    }

    [Fact]
    public async Task Too_few_days_for_a_regime_window_is_refused_before_any_model_is_written()
    {
        using var tree = new TestProjectTree();
        var (code, output, error) = await Run("--train", "--train-days", "2", "--train-epochs", "1", "--log-level", "ERROR", "--config", DefaultSettings(tree));

        // Two days of 01:00-23:30 sessions are 90 thirty-minute bars; the regime matrix needs 96 rows.
        Assert.Equal(2, code);
        Assert.Contains("training data: ", output, StringComparison.Ordinal);
        Assert.Contains("no ready regime window", error, StringComparison.Ordinal);
        Assert.Contains("--train-days 2", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(tree.Root, "models", "manifest.json")));
    }

    [Fact]
    public async Task Models_in_different_folders_are_refused_with_the_paths()
    {
        using var tree = new TestProjectTree();
        Directory.CreateDirectory(Path.Combine(tree.Root, "models", "other"));
        var config = DefaultSettings(tree, yaml => yaml.Replace("mrms_path: ../models/mrms.pt", "mrms_path: ../models/other/mrms.pt", StringComparison.Ordinal));

        var (code, _, error) = await Run("--train", "--config", config);

        Assert.Equal(2, code);
        Assert.Contains("mrms_path is ", error, StringComparison.Ordinal);
        Assert.Contains("other", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--train-days", "0")]
    [InlineData("--train-epochs", "0")]
    public async Task Out_of_range_training_options_are_usage_errors(string option, string value)
    {
        var (code, _, error) = await Run("--train", option, value, "--validate");
        Assert.Equal(2, code);
        Assert.Contains("--train-days must be 1-2000", error, StringComparison.Ordinal);
    }
}
