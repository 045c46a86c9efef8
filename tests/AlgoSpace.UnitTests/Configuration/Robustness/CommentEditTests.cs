using CsCheck;

namespace AlgoSpace.Tests.Configuration.Robustness;

/// <summary>
/// Property-based: edits confined to whole-line comments of a shipped settings file change nothing. The file stays
/// valid and its effective configuration (--print-config) is the same, byte for byte.
/// </summary>
public sealed class CommentEditTests
{
    private const int Examples = 20;

    private static readonly string[] PrintableUnicode = ["é", "日本語", "😀", "\u200B", "Ω≈ç√", "ß", "İ", "\u00A0", "\u202E", "e\u0301", "\uFEFF", "\u2028", "\u2029", "\u0085", "#", ": x", "- [", "'\"", "\t"];

    [Theory(Timeout = 60_000)]
    [MemberData(nameof(MutatedSettingsFileTests.ShippedFiles), MemberType = typeof(MutatedSettingsFileTests))]
    public async Task Editing_only_comments_keeps_the_file_valid_and_the_effective_settings_the_same(string shipped, ulong seed)
    {
        using var tree = new ShippedSettingsTree(shipped);
        var expected = await MutatedSettingsFileTests.Run("--print-config", tree.SettingsFile);
        Assert.True(expected.Code == 0, expected.Output + expected.Error);
        var comments = SettingsMutation.Bytes.GetString(tree.Original).Split('\n')
            .Select((line, index) => (Line: index + 1, Text: line))
            .Where(l => l.Text.TrimStart(' ').StartsWith('#'))
            .Select(l => l.Line)
            .ToArray();
        Assert.NotEmpty(comments);

        var edits = Gen.Select(Gen.OneOf(comments), Gen.Int[0, 4], Gen.OneOf(PrintableUnicode), Gen.Int[1, 6], (line, kind, text, spaces) =>
            CommentEdit(line, kind, text, spaces));
        await SeededSample.CheckAsync(edits, seed, Examples, async edit =>
        {
            var actual = await MutatedSettingsFileTests.Run("--print-config", tree.Write(edit.Apply(tree.Original)));
            Assert.True(actual.Code == 0, actual.Output + actual.Error);
            Assert.Equal(expected.Output, actual.Output);
        });
    }

    private static SettingsMutation CommentEdit(int line, int kind, string text, int spaces) => kind switch
    {
        0 => SettingsMutation.OnLines($"delete comment line {line}", lines => lines.RemoveAt(line - 1)),
        1 => SettingsMutation.OnLines($"duplicate comment line {line}", lines => lines.Insert(line - 1, lines[line - 1])),
        2 => SettingsMutation.OnLines($"indent comment line {line} by {spaces}", lines => lines[line - 1] = new string(' ', spaces) + lines[line - 1]),
        3 => SettingsMutation.OnLines($"append '{text}' to comment line {line}", lines => lines[line - 1] += SettingsMutation.Utf8(text)),
        _ => SettingsMutation.OnLines($"insert the comment '# {text}' before line {line}", lines => lines.Insert(line - 1, SettingsMutation.Utf8("# " + text))),
    };
}
