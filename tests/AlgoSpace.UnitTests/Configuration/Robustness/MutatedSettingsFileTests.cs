using System.Text.RegularExpressions;
using AlgoSpace.Grains.Interfaces;
using AlgoSpace.Silo.Hosting;

namespace AlgoSpace.Tests.Configuration.Robustness;

/// <summary>
/// Property-based: random edits of the shipped settings files, run through the silo's command line in-process
/// (--validate, so that a file that stays valid starts nothing). Whatever the edit, no exception escapes; the verdict
/// is exit code 0 with "configuration valid", or exit code 2 with findings that each name their file, line, column
/// and YAML path. (The loader's last guard against its own faults reports no line, so it fails this test too.)
/// </summary>
public sealed partial class MutatedSettingsFileTests
{
    private const int Examples = 150;

    [GeneratedRegex(@"^  (?<file>.+):(?<line>\d+):(?<column>\d+): (?<severity>error|warning): (?<path>.+?): found .+; expected .+$")]
    private static partial Regex Finding();

    public static TheoryData<string, ulong> ShippedFiles() => new() { { "settings.yaml", 1 }, { "backtest.yaml", 2 }, { "live.yaml", 3 } };

    [Theory(Timeout = 120_000)]
    [MemberData(nameof(ShippedFiles))]
    public async Task An_edited_settings_file_is_valid_or_exits_2_with_every_finding_placed(string shipped, ulong seed)
    {
        using var tree = new ShippedSettingsTree(shipped);
        var original = await Validate(tree.SettingsFile);
        Assert.True(original.Code == 0, original.Output);

        var mutations = new SettingsMutations(LineCount(tree.Original));
        await SeededSample.CheckAsync(mutations.Any, seed, Examples, async mutation =>
        {
            var content = mutation.Apply(tree.Original);
            var (code, output, error) = await Validate(tree.Write(content));
            Assert.Equal("", error);
            if (code == ExitCodes.Success)
            {
                Assert.StartsWith("configuration valid: ", output, StringComparison.Ordinal);
                Assert.DoesNotContain("Errors:", output, StringComparison.Ordinal);
            }
            else
            {
                Assert.Equal(ExitCodes.ConfigurationError, code);
                Assert.StartsWith("configuration invalid: ", output, StringComparison.Ordinal);
                AssertEveryFindingIsPlaced(output, tree.SettingsFile, LineCount(content));
            }
        });
    }

    internal static void AssertEveryFindingIsPlaced(string output, string file, int lines)
    {
        var findings = output.Split('\n').Select(l => l.TrimEnd('\r'))
            .Where(l => l.StartsWith("  ", StringComparison.Ordinal) && !l.StartsWith("  ... and ", StringComparison.Ordinal))
            .ToList();
        Assert.Contains(findings, f => f.Contains(": error: ", StringComparison.Ordinal));
        foreach (var finding in findings)
        {
            var match = Finding().Match(finding);
            Assert.True(match.Success, $"not placed at file:line:column with a path:\n{finding}");
            Assert.Equal(file, match.Groups["file"].Value);
            var line = int.Parse(match.Groups["line"].Value);
            Assert.True(line >= 1 && line <= lines && int.Parse(match.Groups["column"].Value) >= 1, $"line {line} of {lines}:\n{finding}");
        }
    }

    internal static Task<(int Code, string Output, string Error)> Validate(string settingsFile) => Run("--validate", settingsFile);

    /// <summary>The silo's command line, in-process, with one action (--validate, --print-config) on one file.</summary>
    internal static async Task<(int Code, string Output, string Error)> Run(string action, string settingsFile)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await SiloCommandLine.RunAsync([action, "--config", settingsFile], output, error);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>Lines as YAML counts them: the text after the last line break is one more, even if empty.</summary>
    internal static int LineCount(byte[] content) => content.Count(b => b == '\n') + 1;
}
