using AlgoSpace.Silo.Configuration;

namespace AlgoSpace.Tests.Configuration.Robustness;

/// <summary>
/// Common YAML mistakes are reported on the line that holds them, not where the parser gave up. Each file is the start
/// of a settings file with one mistake; the test names the line and column of the mistake.
/// </summary>
public sealed class YamlSyntaxErrorLineTests
{
    private const string Head = "# settings\n# with a header\n#\n";

    public static TheoryData<string, string, int, int, string> Mistakes() => new()
    {
        // The case of the issue: a tab that breaks the indentation of line 9 was reported at the value on line 8 (8:9).
        { "a tab for indentation", Head + "system:\n  run_seed: 42\n  output_dir: ../output\nevent_bus:\n  mode: backtest\n\tlog_level: INFO\n", 9, 1, "a tab in the indentation" },
        { "a tab after spaces", Head + "system:\n  mode: backtest\n  \tlog_level: INFO\n", 6, 3, "a tab in the indentation" },
        { "a tab deeper than its section", Head + "system:\n  mode: backtest\nevent_bus:\n\t  transport: broadcast\n", 7, 1, "a tab in the indentation" },
        { "a tab before the first key", Head + "\tsystem:\n  mode: backtest\n\nevent_bus:\n  transport: broadcast\n", 4, 1, "a tab in the indentation" },
        { "a tab before a list item", Head + "symbols:\n  - ES\n\t- NQ\n", 6, 1, "a tab in the indentation" },
        { "an unclosed double quote", Head + "system:\n  mode: \"backtest\n  log_level: INFO\nevent_bus: {}\n", 5, 9, "a quoted value that is not closed" },
        { "an unclosed single quote at the end", Head + "system:\n  mode: backtest\n  log_level: 'INFO\n", 6, 14, "a quoted value that is not closed" },
        { "an unclosed '['", Head + "symbols: [ES, NQ\ntimeframes: [5, 30]\nsystem:\n  mode: backtest\n", 4, 10, "a '[' that is not closed" },
        { "an unclosed '[' at the end", Head + "system:\n  mode: backtest\nsymbols: [ES, NQ", 6, 10, "a '[' that is not closed" },
        { "an unclosed '{'", Head + "models: {rde_path: ../models/rde.pt\nsystem:\n  mode: backtest\n", 4, 9, "a '{' that is not closed" },
        { "a key indented too far", Head + "system:\n  mode: backtest\n   log_level: INFO\nmodels: {}\n", 6, 13, "invalid YAML" },
        { "a key indented too little", Head + "system:\n  mode: backtest\n log_level: INFO\nmodels: {}\n", 6, 2, "invalid YAML" },
        { "a list item indented too little", Head + "symbols:\n  - ES\n - NQ\n", 6, 2, "invalid YAML" },
        { "a key without ':' before another key", Head + "system:\n  mode backtest\n  log_level: INFO\nmodels: {}\n", 5, 3, "a key without ':'" },
        { "a section without ':'", Head + "system\n  mode: backtest\nmodels: {}\n", 4, 1, "a key without ':'" },
        { "a key without ':' in a list entry", Head + "components:\n  - name data_handler\n    type: backtest_data_handler\n", 5, 5, "a key without ':'" },
        { "the last key of a section without ':'", Head + "system:\n  mode: backtest\n  log_level INFO\nmodels: {}\n", 6, 3, "invalid YAML" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void A_syntax_error_is_reported_at_the_line_that_holds_it(string mistake, string yaml, int line, int column, string found)
    {
        using var tree = new TestProjectTree();
        var loaded = SettingsLoader.Load(tree.WriteSettings("mistake.yaml", yaml));

        var error = Assert.Single(loaded.Errors);
        Assert.True(error.Position == new SourcePosition(line, column), $"{mistake}: expected {line}:{column}, reported {error}");
        Assert.StartsWith("invalid YAML", error.Found, StringComparison.Ordinal);
        Assert.Contains(found, error.Found, StringComparison.Ordinal);
        Assert.Equal("", error.Path);
    }
}
