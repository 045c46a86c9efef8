using System.Text;
using AlgoSpace.Silo.Configuration;

namespace AlgoSpace.Tests.Configuration.Robustness;

/// <summary>
/// Files built to exhaust the validator are refused with one finding that names the limit and where it was passed.
/// Each load runs under the test's timeout, so a validator that hangs again fails the test instead of the run.
/// </summary>
public sealed class SettingsLimitTests
{
    private const int Timeout = 60_000;

    [Fact(Timeout = Timeout)]
    public async Task Aliases_that_expand_to_a_billion_nodes_are_refused_at_the_alias_that_passes_the_limit()
    {
        // Ten levels of ten aliases: 10^9 scalars from eleven short lines.
        var yaml = new StringBuilder("laughs:\n  l0: &a0 [lol]\n");
        for (var level = 1; level < 10; level++)
        {
            yaml.Append($"  l{level}: &a{level} [{string.Join(", ", Enumerable.Repeat($"*a{level - 1}", 10))}]\n");
        }

        var error = await SingleError(yaml.ToString());

        Assert.Equal("laughs.l5[3]", error.Path);
        Assert.Equal(new SourcePosition(7, 27), error.Position);
        Assert.Equal("the alias *a4 (it stands for 21,111 nodes), which takes the document past 100,000 nodes", error.Found);
        Assert.Contains("aliases counted as what they stand for", error.Expected, StringComparison.Ordinal);
    }

    [Fact(Timeout = Timeout)]
    public async Task A_document_of_more_nodes_than_the_limit_is_refused_even_without_aliases()
    {
        var error = await SingleError($"symbols: [{string.Join(",", Enumerable.Repeat("ES", SettingsLimits.MaxNodes))}]\n");

        Assert.StartsWith("symbols[", error.Path, StringComparison.Ordinal);
        Assert.Equal($"more than {SettingsLimits.MaxNodes:N0} nodes by here", error.Found);
        Assert.Equal(1, error.Position!.Value.Line);
    }

    [Fact(Timeout = Timeout)]
    public async Task A_50_MB_file_is_refused_before_it_is_parsed_at_the_line_where_the_limit_falls()
    {
        using var tree = new TestProjectTree();
        var path = tree.WriteSettings("huge.yaml", "");
        var line = "# " + new string('x', 97) + "\n"; // 100 bytes
        await using (var file = File.Create(path))
        {
            var block = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat(line, 10_000)));
            for (var i = 0; i < 50 * 1024 * 1024 / block.Length; i++) await file.WriteAsync(block);
        }

        var length = new FileInfo(path).Length;
        var error = Assert.Single((await LoadAsync(path)).Errors);

        Assert.Equal($"a file of {length:N0} bytes (the 1 MiB limit falls on this line)", error.Found);
        Assert.Equal("at most 1,048,576 bytes (1 MiB)", error.Expected);
        Assert.Equal(new SourcePosition(SettingsLimits.MaxFileBytes / 100 + 1, SettingsLimits.MaxFileBytes % 100 + 1), error.Position);
    }

    public static TheoryData<string, string, string> DeepDocuments() => new()
    {
        { "flow lists", "deep: " + new string('[', 100_000) + new string(']', 100_000) + "\n", "deep" + string.Concat(Enumerable.Repeat("[0]", SettingsLimits.MaxDepth - 1)) },
        { "flow mappings", "deep: " + string.Concat(Enumerable.Repeat("{a: ", 100_000)) + "1" + new string('}', 100_000) + "\n", "deep" + string.Concat(Enumerable.Repeat(".a", SettingsLimits.MaxDepth - 1)) },
        { "block lists on one line", "deep:\n  " + string.Concat(Enumerable.Repeat("- ", 100_000)) + "x\n", "deep" + string.Concat(Enumerable.Repeat("[0]", SettingsLimits.MaxDepth - 1)) },
        { "unclosed flow lists", "deep: " + new string('[', 100_000) + "\n", "deep" + string.Concat(Enumerable.Repeat("[0]", SettingsLimits.MaxDepth - 1)) },
    };

    [Theory(Timeout = Timeout)]
    [MemberData(nameof(DeepDocuments))]
    public async Task A_document_nested_100000_levels_deep_is_refused_at_the_first_level_past_the_limit(string shape, string yaml, string path)
    {
        var error = await SingleError(yaml);

        Assert.True(error.Path == path, $"{shape}: {error}");
        Assert.Equal($"mappings and lists nested more than {SettingsLimits.MaxDepth} levels deep", error.Found);
        Assert.Equal($"at most {SettingsLimits.MaxDepth} levels of nesting", error.Expected);
        Assert.NotNull(error.Position);
    }

    [Fact(Timeout = Timeout)]
    public async Task Ten_thousand_findings_are_all_counted_and_the_first_200_printed()
    {
        using var tree = new TestProjectTree();
        var yaml = string.Concat(Enumerable.Range(0, 10_000).Select(i => $"unknown_{i}: {i}\n"));
        var loaded = await LoadAsync(tree.WriteSettings("many.yaml", yaml));
        var report = new StringWriter();
        ValidationReport.Write(loaded, report);

        var errors = loaded.Errors.Count();
        Assert.True(errors > 10_000, $"{errors} errors");
        var printed = report.ToString().Split('\n').Where(l => l.Contains(": error: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(ValidationReport.MaxPrinted, printed.Count);
        Assert.Contains(printed, l => l.Contains(":1:1: error: unknown_0: found the unknown key 'unknown_0'", StringComparison.Ordinal));
        Assert.Contains($"  ... and {errors - ValidationReport.MaxPrinted} more errors, not shown", report.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void No_settings_file_of_the_project_comes_near_a_limit()
    {
        var files = Directory.GetFiles(RepositoryRoot.File("settings"), "*.yaml")
            .Concat(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Configuration", "Corpus"), "*.yaml"))
            .ToList();
        Assert.True(files.Count > 60, $"{files.Count} files");
        foreach (var file in files)
        {
            var loaded = SettingsLoader.Load(file);
            Assert.DoesNotContain(loaded.Diagnostics, d => d.Expected.Contains("nesting", StringComparison.Ordinal)
                || d.Expected.Contains("nodes", StringComparison.Ordinal) || d.Expected.Contains("MiB", StringComparison.Ordinal));

            // A tenth of each limit: room for files many times the size of today's.
            Assert.True(new FileInfo(file).Length < SettingsLimits.MaxFileBytes / 10, file);
            var tree = YamlTreeReader.Read(File.ReadAllText(file), new DiagnosticBag());
            Assert.True(Depth(tree) < SettingsLimits.MaxDepth / 10, $"{file}: depth {Depth(tree)}");
            Assert.True(Nodes(tree) < SettingsLimits.MaxNodes / 10, $"{file}: {Nodes(tree)} nodes");
        }
    }

    private static int Depth(YamlNodeBase? node) => node switch
    {
        YamlMap map => 1 + map.Entries.Select(e => Depth(e.Value)).DefaultIfEmpty(0).Max(),
        YamlList list => 1 + list.Items.Select(Depth).DefaultIfEmpty(0).Max(),
        _ => 0,
    };

    private static int Nodes(YamlNodeBase? node) => node switch
    {
        YamlMap map => 1 + map.Entries.Sum(e => 1 + Nodes(e.Value)),
        YamlList list => 1 + list.Items.Sum(Nodes),
        null => 0,
        _ => 1,
    };

    private static async Task<SettingsDiagnostic> SingleError(string yaml)
    {
        using var tree = new TestProjectTree();
        return Assert.Single((await LoadAsync(tree.WriteSettings("hostile.yaml", yaml))).Errors);
    }

    /// <summary>Loads off the test's thread, so that the test's timeout can end a load that hangs.</summary>
    private static Task<LoadedSettings> LoadAsync(string path) => Task.Run(() => SettingsLoader.Load(path));
}
