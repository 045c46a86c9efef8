using AlgoSpace.Grains.Interfaces.Configuration;

namespace AlgoSpace.Silo.Configuration;

/// <summary>Every key path of the settings types, to tell a user which section a misplaced key belongs to.</summary>
public static class SettingsKeyIndex
{
    private static readonly Lazy<IReadOnlyList<string>> AllPaths = new(() => Walk(typeof(AlgoSpaceSettings), "").ToList());

    public static IReadOnlyList<string> Paths => AllPaths.Value;

    // Section by key name, computed once: a file with thousands of unknown keys asks for each of them.
    private static readonly Lazy<Dictionary<string, string?>> SectionByKey = new(() => Paths
        .Select(p => p.LastIndexOf('.') is var dot and >= 0 ? p[(dot + 1)..] : p)
        .Distinct(StringComparer.Ordinal)
        .ToDictionary(key => key, Scan, StringComparer.Ordinal));

    /// <summary>The section path that holds a key with this name, if exactly one section does.</summary>
    public static string? FindElsewhere(string key) =>
        key.Contains('.') ? Scan(key) : SectionByKey.Value.GetValueOrDefault(key);

    private static string? Scan(string key)
    {
        var sections = Paths.Where(p => p == key || p.EndsWith("." + key, StringComparison.Ordinal))
            .Select(p => p.Length == key.Length ? "(top level)" : p[..(p.Length - key.Length - 1)])
            .Distinct()
            .ToList();
        return sections.Count == 1 ? sections[0] : null;
    }

    private static IEnumerable<string> Walk(Type section, string prefix)
    {
        foreach (var member in SettingMember.Of(section))
        {
            var path = SettingsPath.Child(prefix, member.Key);
            yield return path;
            var type = Nullable.GetUnderlyingType(member.Type) ?? member.Type;
            var nested = SettingMember.IsSection(type) ? type
                : SettingMember.ListElement(type) is { } e && SettingMember.IsSection(e) ? e
                : SettingMember.MapValue(type) is { } v && SettingMember.IsSection(v) ? v
                : null;
            if (nested is null) continue;
            var nestedPrefix = SettingMember.IsSection(type) ? path : SettingMember.ListElement(type) is not null ? path + "[]" : path + ".<name>";
            foreach (var child in Walk(nested, nestedPrefix))
            {
                yield return child;
            }
        }
    }
}
