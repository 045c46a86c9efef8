using System.Globalization;
using CsCheck;

namespace AlgoSpace.Tests.Configuration.Robustness;

/// <summary>
/// Generators of <see cref="SettingsMutation"/>s of a file of <paramref name="lineCount"/> lines: line edits, value
/// and key replacements, and byte damage. Lines are numbered from 1 as in the file; a line number past the end of a
/// file that an earlier edit shortened wraps around.
/// </summary>
public sealed class SettingsMutations(int lineCount)
{
    /// <summary>One to three edits of any kind.</summary>
    public Gen<SettingsMutation> Any => Gen.Frequency(
            (3, Gen.OneOf(DeleteLine, DuplicateLine, SwapLines, Reindent, InsertTab)),
            (4, ReplaceValue),
            (2, RenameKey),
            (1, Truncate),
            (1, Gen.OneOf(InsertRandomBytes, InsertUnicode, InsertInvalidUtf8)),
            (1, ReplaceLine))
        .Array[1, 3]
        .Select(m => m.Length == 1 ? m[0] : SettingsMutation.Combine(m));

    private Gen<int> Line => Gen.Int[1, lineCount];

    /// <summary>A place in the file, as a fraction of its length (so it fits whatever came before).</summary>
    private static Gen<double> Fraction => Gen.Double[0, 1];

    public Gen<SettingsMutation> DeleteLine => Line.Select(i => SettingsMutation.OnLines($"delete line {i}", lines => lines.RemoveAt((i - 1) % lines.Count)));

    public Gen<SettingsMutation> DuplicateLine => Line.Select(i => SettingsMutation.OnLines($"duplicate line {i}", lines =>
    {
        var at = (i - 1) % lines.Count;
        lines.Insert(at, lines[at]);
    }));

    public Gen<SettingsMutation> SwapLines => Gen.Select(Line, Line, (i, j) => SettingsMutation.OnLines($"swap lines {i} and {j}", lines =>
    {
        var (a, b) = ((i - 1) % lines.Count, (j - 1) % lines.Count);
        (lines[a], lines[b]) = (lines[b], lines[a]);
    }));

    public Gen<SettingsMutation> Reindent => Gen.Select(Line, Gen.Int[-4, 4].Where(d => d != 0), (i, delta) =>
        SettingsMutation.OnLines($"indent line {i} by {delta:+0;-0}", lines =>
        {
            var at = (i - 1) % lines.Count;
            var line = lines[at];
            var indent = line.Length - line.TrimStart(' ').Length;
            lines[at] = delta > 0 ? new string(' ', delta) + line : line[Math.Min(indent, -delta)..];
        }));

    public Gen<SettingsMutation> InsertTab => Gen.Select(Line, Gen.Int[0, 12], Gen.Bool, (i, column, replace) =>
        SettingsMutation.OnLines($"{(replace ? "replace" : "insert before")} the character at column {column + 1} of line {i}{(replace ? " with" : "")} a tab", lines =>
        {
            var at = (i - 1) % lines.Count;
            var line = lines[at];
            var c = Math.Min(column, line.Length);
            lines[at] = line[..c] + "\t" + line[(replace && c < line.Length ? c + 1 : c)..];
        }));

    /// <summary>Replaces what follows the first ': ' of a line (the value), or the line's text after its indentation.</summary>
    public Gen<SettingsMutation> ReplaceValue => Gen.Select(Line, Values, (i, value) =>
        SettingsMutation.OnLines($"replace the value on line {i} with {Show(value)}", lines =>
        {
            var at = (i - 1) % lines.Count;
            var line = lines[at];
            var colon = line.IndexOf(": ", StringComparison.Ordinal);
            var start = colon >= 0 ? colon + 2 : line.Length - line.TrimStart(' ', '-').Length;
            lines[at] = line[..start] + SettingsMutation.Utf8(value);
        }));

    /// <summary>Replaces the key before the first ':' of a line.</summary>
    public Gen<SettingsMutation> RenameKey => Gen.Select(Line, Gen.Int[0, 7], Gen.Char['a', 'z'].Array[1, 16], (i, kind, letters) =>
        SettingsMutation.OnLines($"rename the key on line {i} ({KeyEdits[kind]}, letters '{new string(letters)}')", lines =>
        {
            var at = (i - 1) % lines.Count;
            var line = lines[at];
            var colon = line.IndexOf(':');
            var start = line.Length - line.TrimStart(' ', '-').Length;
            if (colon <= start) return;
            var key = line[start..colon];
            var renamed = kind switch
            {
                0 => key.ToUpperInvariant(),
                1 => key + letters[0],
                2 => key.Length > 1 ? key.Remove(letters[0] % key.Length, 1) : "",
                3 => key.Length > 1 ? Swap(key, letters[0] % (key.Length - 1)) : key + key,
                4 => new string(letters),
                5 => SettingsMutation.Utf8("ключ_" + new string(letters)),
                6 => new string(letters) + " " + key,
                _ => KnownKeys[letters[0] % KnownKeys.Length],
            };
            lines[at] = line[..start] + renamed + line[colon..];
        }));

    public static Gen<SettingsMutation> Truncate => Fraction.Select(f => new SettingsMutation($"truncate the file at {f:P1} of its length",
        text => text[..(int)(text.Length * f)]));

    public static Gen<SettingsMutation> InsertRandomBytes => Gen.Select(Fraction, Gen.Byte.Array[1, 8], (f, bytes) =>
        new SettingsMutation($"insert the bytes {string.Join(' ', bytes.Select(b => b.ToString("X2", CultureInfo.InvariantCulture)))} at {f:P1} of the file",
            text => InsertAt(text, f, SettingsMutation.Bytes.GetString(bytes))));

    public static Gen<SettingsMutation> InsertUnicode => Gen.Select(Fraction, Gen.OneOf(UnicodeTexts), (f, unicode) =>
        new SettingsMutation($"insert {Show(unicode)} at {f:P1} of the file", text => InsertAt(text, f, SettingsMutation.Utf8(unicode))));

    /// <summary>Byte sequences that are not UTF-8: a stray continuation byte, a lead byte without its continuation, an overlong form, an encoded surrogate, 0xFF.</summary>
    public static Gen<SettingsMutation> InsertInvalidUtf8 => Gen.Select(Fraction, Gen.OneOf(InvalidUtf8), (f, bytes) =>
        new SettingsMutation($"insert the invalid UTF-8 {string.Join(' ', bytes.Select(b => b.ToString("X2", CultureInfo.InvariantCulture)))} at {f:P1} of the file",
            text => InsertAt(text, f, SettingsMutation.Bytes.GetString(bytes))));

    public Gen<SettingsMutation> ReplaceLine => Gen.Select(Line, Gen.Char[' ', '~'].Array[0, 30], (i, chars) =>
        SettingsMutation.OnLines($"replace line {i} with {Show(new string(chars))}", lines => lines[(i - 1) % lines.Count] = new string(chars)));

    /// <summary>Replacement values: random text and numbers, numbers at and past every limit, YAML's own syntax, unicode.</summary>
    public static Gen<string> Values => Gen.Frequency(
        (2, Gen.Char[' ', '~'].Array[0, 16].Select(c => new string(c))),
        (1, Gen.Int.Select(i => i.ToString(CultureInfo.InvariantCulture))),
        (1, Gen.Int[int.MinValue, -1].Select(i => i.ToString(CultureInfo.InvariantCulture))),
        (1, Gen.Double.Select(d => d.ToString("R", CultureInfo.InvariantCulture))),
        (2, Gen.OneOf(SpecialNumbers)),
        (3, Gen.OneOf(YamlSyntax)),
        (1, Gen.OneOf(UnicodeTexts)));

    private static readonly string[] KeyEdits = ["upper case", "a letter added", "a letter dropped", "two letters swapped", "random letters", "cyrillic", "a word before it", "another section's key"];

    private static readonly string[] KnownKeys = ["system", "mode", "components", "name", "type", "models", "data_handler", "execution", "live", "url", "publishes", "subscribes", "max_daily_loss", "cluster", "<<"];

    private static readonly string[] SpecialNumbers =
    [
        "0", "-0", "-1", "1e308", "1e400", "-1e400", "1e-400", "1.7976931348623157E+309", "99999999999999999999999999", "2147483648", "-2147483649",
        "9223372036854775807", "9223372036854775808", "-9223372036854775809", ".inf", "-.inf", ".nan", "NaN", "Infinity", "0x7FFFFFFF", "0o17",
        "1_000_000", "+5", "00012", "1,5", "5.", ".5", "1e3", "4.2e1", "65536", "65535", "99999",
    ];

    private static readonly string[] YamlSyntax =
    [
        "", "~", "null", "Null", "[]", "{}", "[", "{", "]", "}", "[a, b", "{a: 1", "'", "\"", "'unclosed", "\"unclosed", "'a''b'", "\"\\x\"", "\"\\u12\"",
        "&a", "*a", "&a x", "*undefined", "*", "&", "!!str 5", "!!int x", "!!binary x", "!custom x", "!<tag:x> y", "|", ">", "|-", "- x", ": x", "x: y",
        "a: b: c", "#", "a #b", "a#b", "%", "@x", "`x", "? x", ",", "yes", "no", "on", "off", "y", "True", "FALSE", "${env:X}", "${env:",
        "${env:ALGOSPACE_NEVER_SET_IN_TESTS}", "${env:HOME:-x}", "${", "$", "---", "...", "<<: *a", "\\", "a\\nb", "- - -",
    ];

    private static readonly string[] UnicodeTexts =
    [
        "é", "日本語", "😀", "\u200B", "\uFEFF", "\u202E", "e\u0301", "\u00A0", "Ω≈ç√", "\u2028", "\u2029", "\u0085", "\U0001F4A9x", "\u0000",
        "\u0001", "\u001B[31m", "\u007F", "\u0090", "\uFFFD", "\uFFFF", "ß", "İ", "\r", "\r\n",
    ];

    private static readonly byte[][] InvalidUtf8 =
    [
        [0xFF], [0xFE], [0x80], [0xBF], [0xC3], [0xC3, 0x28], [0xE2, 0x82], [0xE2, 0x28, 0xA1], [0xF0, 0x9F, 0x98], [0xC0, 0xAF], [0xE0, 0x80, 0xAF],
        [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xFF, 0xFE],
    ];

    private static string InsertAt(string text, double fraction, string inserted)
    {
        var at = (int)(text.Length * fraction);
        return text[..at] + inserted + text[at..];
    }

    private static string Swap(string key, int at) => key[..at] + key[at + 1] + key[at] + key[(at + 2)..];

    private static string Show(string value) =>
        "'" + string.Concat(value.Select(c => c is < ' ' or (>= '\u007F' and <= '\u00A0') or '\u2028' or '\u2029' or '\uFEFF' or '\u200B' or '\u202E'
            ? $"\\u{(int)c:X4}" : c.ToString())) + "'";
}
