using System.Text;

namespace AlgoSpace.Tests.Configuration.Robustness;

/// <summary>
/// One edit of a settings file, as a person, an editor or a failing disk might make it. The description says exactly
/// what was changed and where, so that a failing example can be read and replayed by hand.
/// </summary>
/// <remarks>
/// Edits work on the file's bytes held one byte per char (Latin-1), so that line edits and byte edits compose: a line
/// edit after an inserted invalid UTF-8 byte keeps that byte as it is. Line and byte positions are taken modulo the
/// current length, so that any edit applies after any other.
/// </remarks>
public sealed record SettingsMutation(string Description, Func<string, string> Edit)
{
    public static readonly Encoding Bytes = Encoding.Latin1;

    public byte[] Apply(byte[] content) => Bytes.GetBytes(Edit(Bytes.GetString(content)));

    /// <summary>The same text as UTF-8 bytes held one per char, to insert among the file's bytes.</summary>
    public static string Utf8(string text) => Bytes.GetString(Encoding.UTF8.GetBytes(text));

    public override string ToString() => Description;

    public static SettingsMutation OnLines(string description, Action<List<string>> edit) => new(description, text =>
    {
        var lines = text.Split('\n').ToList();
        edit(lines);
        return string.Join('\n', lines);
    });

    public static SettingsMutation Combine(IReadOnlyList<SettingsMutation> mutations) =>
        new(string.Join("; then ", mutations.Select(m => m.Description)), text => mutations.Aggregate(text, (t, m) => m.Edit(t)));
}
