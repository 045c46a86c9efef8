using System.Text;
using AlgoSpace.Grains.Interfaces.Configuration;

namespace AlgoSpace.Silo.Configuration;

/// <summary>
/// Generates the key reference of docs/configuration.md from the settings types, so the documentation cannot
/// drift from what the loader accepts (a test compares the committed file with this output).
/// </summary>
public static class SettingsReferenceGenerator
{
    public const string BeginMarker = "<!-- BEGIN GENERATED REFERENCE: edit the settings types, then run scripts/update-generated.sh -->";
    public const string EndMarker = "<!-- END GENERATED REFERENCE -->";

    public static string Generate()
    {
        var text = new StringBuilder();
        WriteSection(text, typeof(AlgoSpaceSettings), new AlgoSpaceSettings(), "", "Top level");
        return text.ToString();
    }

    /// <summary>Replaces the generated block of a document with a fresh one.</summary>
    public static string Splice(string document)
    {
        var begin = document.IndexOf(BeginMarker, StringComparison.Ordinal);
        var end = document.IndexOf(EndMarker, StringComparison.Ordinal);
        if (begin < 0 || end < begin) throw new InvalidOperationException("The document has no generated-reference markers.");
        return document[..(begin + BeginMarker.Length)] + "\n" + Generate() + document[end..];
    }

    private static void WriteSection(StringBuilder text, Type type, object defaults, string path, string title)
    {
        var members = SettingMember.Of(type);
        text.Append("\n### ").Append(title).Append("\n\n");
        text.Append("| Key | Accepts | Default | Description |\n|---|---|---|---|\n");
        foreach (var member in members)
        {
            var value = member.Property.GetValue(defaults);
            text.Append("| `").Append(SettingsPath.Child(path, member.Key)).Append("` | ")
                .Append(Escape(Accepts(member))).Append(" | ")
                .Append(Escape(DefaultText(member, value))).Append(" | ")
                .Append(Escape(member.Description ?? "")).Append(" |\n");
        }

        foreach (var member in members)
        {
            var memberType = Nullable.GetUnderlyingType(member.Type) ?? member.Type;
            var childPath = SettingsPath.Child(path, member.Key);
            if (SettingMember.IsSection(memberType))
            {
                WriteSection(text, memberType, member.Property.GetValue(defaults)!, childPath, $"`{childPath}`");
            }
            else if ((SettingMember.ListElement(memberType) ?? SettingMember.MapValue(memberType)) is { } element && SettingMember.IsSection(element))
            {
                var itemPath = SettingMember.ListElement(memberType) is not null ? $"{childPath}[]" : $"{childPath}.<name>";
                WriteSection(text, element, Activator.CreateInstance(element)!, itemPath, $"`{itemPath}`");
            }
        }
    }

    private static string Accepts(SettingMember member)
    {
        var flags = new List<string>();
        if (member.Required) flags.Add("required");
        if (member.Secret) flags.Add("credential: only `${env:NAME}`");
        if (member.Path is { } path) flags.Add($"{(path.Kind == SettingPathKind.File ? "file" : "folder")} path{(path.MustExist ? " that must exist" : path.WarnIfMissing ? ", warning if missing" : "")}");
        if (member.KeyPattern is { } keys) flags.Add($"keys: {keys.Description}");
        var accepts = ExpectedValue.Describe(member.Type, member);
        return flags.Count == 0 ? accepts : $"{accepts} ({string.Join("; ", flags)})";
    }

    private static string DefaultText(SettingMember member, object? value) => value switch
    {
        _ when member.Required => "",
        null => "none",
        System.Collections.IDictionary { Count: 0 } => "{}",
        System.Collections.IList list when list.Count == 0 => "[]",
        System.Collections.IList list when !SettingMember.IsSection(list[0]!.GetType()) =>
            "[" + string.Join(", ", list.Cast<object>().Select(SettingsPrinter.FormatScalar)) + "]",
        _ when SettingMember.IsSection(value.GetType()) => "see below",
        _ => "`" + SettingsPrinter.FormatScalar(value) + "`",
    };

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
