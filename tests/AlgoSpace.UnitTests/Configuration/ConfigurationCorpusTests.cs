using System.Text.RegularExpressions;
using AlgoSpace.Silo.Configuration;

namespace AlgoSpace.Tests.Configuration;

/// <summary>
/// Every file under Corpus/ is a real settings file that states in its comments exactly which findings it must
/// produce, at which path, line and column. Each runs in its own project tree with real data files and real
/// symbolic links. Nothing unexpected may be reported, and a credential value may never appear in any message.
/// </summary>
public sealed partial class ConfigurationCorpusTests
{
    private static readonly string CorpusDirectory = Path.Combine(AppContext.BaseDirectory, "Configuration", "Corpus");

    public static readonly Dictionary<string, string> Environment = new()
    {
        ["ALGOSPACE_TEST_PORT"] = "9500",
        ["ALGOSPACE_TEST_FEED_KEY"] = "feed-key-secret-value",
        ["ALGOSPACE_TEST_DESK"] = "east",
        ["ALGOSPACE_TEST_TOO_MANY"] = "5000",
        ["ALGOSPACE_TEST_REDIS"] = "127.0.0.1:6379",
    };

    public static TheoryData<string> CorpusFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(CorpusDirectory, "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Corpus_file_produces_exactly_the_findings_it_declares(string fileName)
    {
        using var tree = new TestProjectTree();
        var yaml = File.ReadAllText(Path.Combine(CorpusDirectory, fileName));
        var expectations = CorpusExpectation.Read(yaml);
        var declaresValid = yaml.Contains("# expect: valid", StringComparison.Ordinal);
        Assert.True(expectations.Count > 0 || declaresValid, $"{fileName} declares no expectation");

        var loaded = SettingsLoader.Load(tree.WriteSettings(fileName, yaml), environment: Environment.GetValueOrDefault);

        var unmatched = expectations.Where(e => !loaded.Diagnostics.Any(e.Matches)).ToList();
        var unexpected = loaded.Diagnostics.Where(d => !expectations.Any(e => e.Matches(d))).ToList();
        Assert.True(unmatched.Count == 0 && unexpected.Count == 0,
            $"{fileName}\nexpected but not reported:\n  {string.Join("\n  ", unmatched)}\nreported but not expected:\n  {string.Join("\n  ", unexpected)}");
        Assert.Equal(!expectations.Any(e => e.Severity == DiagnosticSeverity.Error), loaded.IsValid);

        foreach (var secret in MustNotPrint().Matches(yaml).Select(m => m.Groups[1].Value.Trim()))
        {
            Assert.DoesNotContain(loaded.Diagnostics, d => d.ToString().Contains(secret, StringComparison.Ordinal));
            if (loaded.Settings is { } settings)
            {
                Assert.DoesNotContain(secret, SettingsPrinter.ToYaml(settings), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Corpus_covers_every_rule_family()
    {
        var names = Directory.GetFiles(CorpusDirectory, "*.yaml").Select(Path.GetFileName).ToList();
        string[] families =
        [
            "syntax-", "duplicate-key", "unknown-key", "unknown-section", "type-", "range-", "enum-", "required-", "contradiction-",
            "routing-unknown-event", "routing-unknown-component-type", "routing-no-producer", "routing-no-consumer",
            "data-file-missing", "models-missing-file-is-warning", "secret-literal", "secret-with-default", "env-missing-variable",
            "path-dotdot-escape", "path-symlink-escape", "path-absolute-outside",
        ];
        Assert.All(families, family => Assert.Contains(names, n => n!.StartsWith(family, StringComparison.Ordinal)));
    }

    [GeneratedRegex(@"^# must-not-print:(.+)$", RegexOptions.Multiline)]
    private static partial Regex MustNotPrint();
}
