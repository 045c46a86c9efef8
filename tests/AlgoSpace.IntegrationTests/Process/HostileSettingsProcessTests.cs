using System.Text;
using AlgoSpace.Grains.Interfaces;

namespace AlgoSpace.Tests.Process;

/// <summary>
/// Broken and hostile settings files given to the real silo process: exit code 2, the finding on standard error or
/// output, and nothing started (no log line, no output folder).
/// </summary>
public sealed class HostileSettingsProcessTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("algospace-hostile-");

    public HostileSettingsProcessTests()
    {
        File.WriteAllText(Path.Combine(_root.FullName, ".algospace-root"), "");
        Directory.CreateDirectory(Path.Combine(_root.FullName, "settings"));
    }

    [Fact]
    public async Task The_default_job_with_a_tab_for_indentation_exits_2_naming_the_line_and_starts_nothing()
    {
        var lines = File.ReadAllLines(RepositoryRoot.File("settings", "settings.yaml")).ToList();
        var line = lines.FindIndex(l => l == "  log_level: INFO") + 1;
        Assert.True(line > 1, "settings.yaml sets system.log_level");
        lines[line - 1] = "\tlog_level: INFO";
        var config = Write("tabbed.yaml", string.Join('\n', lines));

        using var silo = SiloProcess.Start(["--config", config]);
        var code = await silo.WaitForExitAsync(Timeout);

        Assert.Equal(ExitCodes.ConfigurationError, code);
        Assert.Equal("", silo.Output);
        Assert.Contains($"tabbed.yaml:{line}:1: error: (document): found invalid YAML: a tab in the indentation", silo.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_root.FullName, "output")), "an output folder was created");
    }

    [Fact]
    public async Task Validate_refuses_a_billion_laughs_file_by_its_node_limit()
    {
        var yaml = new StringBuilder("laughs:\n  l0: &a0 [lol]\n");
        for (var level = 1; level < 10; level++)
        {
            yaml.Append($"  l{level}: &a{level} [{string.Join(", ", Enumerable.Repeat($"*a{level - 1}", 10))}]\n");
        }

        var config = Write("laughs.yaml", yaml.ToString());

        using var silo = SiloProcess.Start(["--config", config, "--validate"]);
        var code = await silo.WaitForExitAsync(Timeout);

        Assert.Equal(ExitCodes.ConfigurationError, code);
        Assert.StartsWith("configuration invalid: ", silo.Output, StringComparison.Ordinal);
        Assert.Contains("laughs.yaml:7:27: error: laughs.l5[3]: found the alias *a4 (it stands for 21,111 nodes), which takes the document past 100,000 nodes",
            silo.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("AlgoSpace ready", silo.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_root.FullName, "output")), "an output folder was created");
    }

    public void Dispose() => _root.Delete(recursive: true);

    private string Write(string name, string yaml)
    {
        var path = Path.Combine(_root.FullName, "settings", name);
        File.WriteAllText(path, yaml);
        return path;
    }
}
