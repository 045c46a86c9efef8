using System.Text;
using AlgoSpace.Grains.Interfaces;
using CsCheck;

namespace AlgoSpace.Tests.Configuration.Robustness;

/// <summary>
/// Property-based: a fault put at a known place in a shipped settings file is reported at that place. Bytes that are
/// not UTF-8 and control characters at their exact line and column; a tab that starts a line of content on its line.
/// </summary>
public sealed class FaultPlacementTests
{
    private const int Examples = 50;

    private static readonly byte[][] NotUtf8 = [[0xFF], [0x80], [0xC3, 0x28], [0xE2, 0x82], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80]];

    private static readonly string[] ControlCharacters = ["\u0000", "\u0001", "\u0008", "\u001B", "\u007F", "\u0090", "\uFFFE", "\uFFFF"];

    [Theory(Timeout = 60_000)]
    [MemberData(nameof(MutatedSettingsFileTests.ShippedFiles), MemberType = typeof(MutatedSettingsFileTests))]
    public async Task Bytes_that_are_not_utf8_or_a_control_character_are_reported_at_their_line_and_column(string shipped, ulong seed)
    {
        using var tree = new ShippedSettingsTree(shipped);
        var lines = Encoding.UTF8.GetString(tree.Original).Split('\n');
        var damage = Gen.Select(Gen.Int[1, lines.Length], Gen.Double[0, 1], Gen.Bool, Gen.OneOf(NotUtf8), Gen.OneOf(ControlCharacters),
            (line, where, binary, bytes, control) =>
            {
                var column = (int)(lines[line - 1].Length * where);
                var inserted = binary ? SettingsMutation.Bytes.GetString(bytes) : SettingsMutation.Utf8(control);
                var shown = binary ? string.Join(' ', bytes.Select(b => $"0x{b:X2}")) : $"U+{(int)control[0]:X4}";
                return (Line: line, Column: column + 1, Expected: binary ? $"found bytes that are not UTF-8 ({shown}" : $"found the control character {shown}",
                    Mutation: SettingsMutation.OnLines($"insert {shown} at {line}:{column + 1}", l =>
                        l[line - 1] = SettingsMutation.Utf8(lines[line - 1][..column]) + inserted + SettingsMutation.Utf8(lines[line - 1][column..])));
            });

        await SeededSample.CheckAsync(damage, seed, Examples, async example =>
        {
            var (code, output, _) = await MutatedSettingsFileTests.Validate(tree.Write(example.Mutation.Apply(tree.Original)));
            Assert.Equal(ExitCodes.ConfigurationError, code);
            Assert.Contains($"{tree.SettingsFile}:{example.Line}:{example.Column}: error: (document): {example.Expected}", output, StringComparison.Ordinal);
            Assert.Contains(": 1 error,", output, StringComparison.Ordinal);
        });
    }

    [Theory(Timeout = 60_000)]
    [MemberData(nameof(MutatedSettingsFileTests.ShippedFiles), MemberType = typeof(MutatedSettingsFileTests))]
    public async Task A_tab_that_starts_a_line_of_content_is_reported_on_that_line(string shipped, ulong seed)
    {
        using var tree = new ShippedSettingsTree(shipped);
        var content = SettingsMutation.Bytes.GetString(tree.Original).Split('\n')
            .Select((line, index) => (Line: index + 1, Text: line))
            .Where(l => l.Text.Trim().Length > 0 && !l.Text.TrimStart(' ').StartsWith('#'))
            .Select(l => l.Line)
            .ToArray();
        var tabs = Gen.Select(Gen.OneOf(content), Gen.Bool, (line, replaceSpace) => (Line: line, Mutation: SettingsMutation.OnLines(
            $"{(replaceSpace ? "replace the first character of" : "insert a tab before")} line {line}{(replaceSpace ? " with a tab" : "")}", lines =>
            {
                var text = lines[line - 1];
                lines[line - 1] = "\t" + (replaceSpace && text.StartsWith(' ') ? text[1..] : text);
            })));

        await SeededSample.CheckAsync(tabs, seed, Examples, async example =>
        {
            var (code, output, _) = await MutatedSettingsFileTests.Validate(tree.Write(example.Mutation.Apply(tree.Original)));
            Assert.Equal(ExitCodes.ConfigurationError, code);
            var first = output.Split('\n')[2];
            Assert.StartsWith($"  {tree.SettingsFile}:{example.Line}:1: error: ", first, StringComparison.Ordinal);
            Assert.Contains("tab", first, StringComparison.Ordinal);
        });
    }
}
