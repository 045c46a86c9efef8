namespace AlgoSpace.Tests.Pipeline;

/// <summary>The default job's inputs (the shipped 20-day sample and the committed models) copied into a new project tree.</summary>
public static class DefaultJobFiles
{
    /// <summary>A new temporary folder holding data/sample/ and models/ as the default job sees them.</summary>
    public static string NewTree(string prefix)
    {
        var root = Directory.CreateTempSubdirectory(prefix).FullName;
        Directory.CreateDirectory(Path.Combine(root, "data", "sample"));
        Directory.CreateDirectory(Path.Combine(root, "models"));
        File.Copy(RepositoryRoot.File("data", "sample", "ES-ticks-eth-20d.csv.gz"), Path.Combine(root, "data", "sample", "ES-ticks-eth-20d.csv.gz"));
        foreach (var file in Directory.GetFiles(RepositoryRoot.File("models"))) File.Copy(file, Path.Combine(root, "models", Path.GetFileName(file)));
        return root;
    }

    /// <summary>
    /// A new temporary folder holding what settings/portfolio.yaml reads: the correlated ES, NQ and CL sample
    /// (data/sample/portfolio/) and models/.
    /// </summary>
    public static string NewPortfolioTree(string prefix)
    {
        var root = NewTree(prefix);
        var portfolio = Path.Combine(root, "data", "sample", "portfolio");
        Directory.CreateDirectory(portfolio);
        foreach (var file in Directory.GetFiles(RepositoryRoot.File("data", "sample", "portfolio"))) File.Copy(file, Path.Combine(portfolio, Path.GetFileName(file)));
        return root;
    }
}
