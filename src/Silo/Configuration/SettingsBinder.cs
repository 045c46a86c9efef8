using System.Globalization;
using System.Text.RegularExpressions;

namespace AlgoSpace.Silo.Configuration;

/// <summary>A path value met while binding; resolved and checked once the output folder is known.</summary>
/// <param name="Value">The path as written.</param>
/// <param name="FullPath">The path resolved against the configuration's directory (not yet checked).</param>
public sealed record PathBinding(string Path, SourcePosition? Position, SettingMember Member, string Value, string FullPath);

/// <summary>
/// Binds the YAML tree onto the settings types, reporting every unknown key, wrong type, out-of-range number, bad
/// enum value and missing required key, each with its path and position. Binding never stops at the first error.
/// </summary>
public sealed class SettingsBinder(DiagnosticBag diagnostics, string baseDirectory)
{
    private static readonly object Failed = new();

    /// <summary>Path values to resolve after binding.</summary>
    public List<PathBinding> Paths { get; } = [];

    /// <summary>Fills <paramref name="target"/> (a section holding its defaults) from <paramref name="map"/>.</summary>
    public void BindSection(YamlMap map, object target, string path)
    {
        var members = SettingMember.Of(target.GetType());
        foreach (var (key, node) in map.Entries)
        {
            var member = members.FirstOrDefault(m => m.Key == key.Value);
            var childPath = SettingsPath.Child(path, key.Value);
            if (member is null)
            {
                ReportUnknownKey(key, childPath, members);
                continue;
            }

            var value = BindValue(node, member.Type, member, childPath, member.Property.GetValue(target), member.AcceptsNull);
            if (!ReferenceEquals(value, Failed))
            {
                member.Property.SetValue(target, value);
            }
        }

        foreach (var missing in members.Where(m => m.Required && map.Get(m.Key) is null))
        {
            diagnostics.Error(SettingsPath.Child(path, missing.Key), map.Position, "no value", ExpectedValue.Describe(missing.Type, missing),
                $"'{missing.Key}' is required{(path.Length == 0 ? "" : $" in '{path}'")}: {missing.Description}");
        }
    }

    /// <summary>
    /// Resolves the path settings that kept their defaults (the file did not write them), so that every path in
    /// the settings is absolute and checked, written or not.
    /// </summary>
    public void ResolveDefaultPaths(object section, string path, PositionIndex positions)
    {
        foreach (var member in SettingMember.Of(section.GetType()))
        {
            var childPath = SettingsPath.Child(path, member.Key);
            var value = member.Property.GetValue(section);
            if (member.Path is not null && value is string text && Paths.All(p => p.Path != childPath))
            {
                var fullPath = System.IO.Path.GetFullPath(text, baseDirectory);
                Paths.Add(new PathBinding(childPath, positions.Of(childPath), member, text, fullPath));
                member.Property.SetValue(section, fullPath);
            }
            else if (value is not null && SettingMember.IsSection(value.GetType()))
            {
                ResolveDefaultPaths(value, childPath, positions);
            }
        }
    }

    /// <param name="acceptsNull">Whether the target is declared nullable; an empty value for anything else (a list,
    /// a non-nullable string, a list item) would leave a null that no later step expects.</param>
    private object? BindValue(YamlNodeBase node, Type type, SettingMember member, string path, object? existing, bool acceptsNull)
    {
        if (node is YamlScalar { ExpansionFailed: true }) return Failed;

        var nullable = Nullable.GetUnderlyingType(type);
        if (node is YamlScalar { IsNull: true })
        {
            if (member.Required || (!acceptsNull && !SettingMember.IsSection(type)))
            {
                diagnostics.Error(path, node.Position, "an empty value", ExpectedValue.Describe(type, member), "Give a value or remove the key to use its default.");
                return Failed;
            }

            return nullable is not null || !SettingMember.IsSection(type) ? null : existing;
        }

        var target = nullable ?? type;
        if (SettingMember.IsSection(target)) return BindSectionValue(node, target, member, path, existing);
        if (SettingMember.ListElement(target) is { } element) return BindList(node, target, element, member, path);
        if (SettingMember.MapValue(target) is { } valueType) return BindMap(node, target, valueType, member, path);
        return BindScalar(node, target, member, path);
    }

    private object? BindSectionValue(YamlNodeBase node, Type type, SettingMember member, string path, object? existing)
    {
        if (node is not YamlMap map)
        {
            diagnostics.Error(path, node.Position, Describe(node), ExpectedValue.Describe(type, member));
            return Failed;
        }

        var section = existing ?? Activator.CreateInstance(type)!;
        BindSection(map, section, path);
        return section;
    }

    private object? BindList(YamlNodeBase node, Type listType, Type element, SettingMember member, string path)
    {
        if (node is not YamlList list)
        {
            diagnostics.Error(path, node.Position, Describe(node), ExpectedValue.Describe(listType, member),
                node is YamlScalar ? "Write a list as [a, b] or as lines starting with '- '." : null);
            return Failed;
        }

        var result = (System.Collections.IList)Activator.CreateInstance(listType)!;
        var failed = false;
        for (var i = 0; i < list.Items.Count; i++)
        {
            var itemPath = SettingsPath.Item(path, i);
            var value = SettingMember.IsSection(element)
                ? BindSectionValue(list.Items[i], element, member, itemPath, null)
                : BindValue(list.Items[i], element, member, itemPath, null, Nullable.GetUnderlyingType(element) is not null);
            if (ReferenceEquals(value, Failed)) failed = true;
            else result.Add(value);
        }

        return failed ? Failed : result;
    }

    private object? BindMap(YamlNodeBase node, Type mapType, Type valueType, SettingMember member, string path)
    {
        if (node is not YamlMap map)
        {
            diagnostics.Error(path, node.Position, Describe(node), ExpectedValue.Describe(mapType, member));
            return Failed;
        }

        var result = (System.Collections.IDictionary)Activator.CreateInstance(mapType)!;
        var failed = false;
        foreach (var (key, valueNode) in map.Entries)
        {
            var entryPath = SettingsPath.Child(path, key.Value);
            if (member.KeyPattern is { } keyPattern && !Regex.IsMatch(key.Value, keyPattern.Pattern))
            {
                diagnostics.Error(entryPath, key.Position, $"the key '{key.Value}'", $"keys that are {keyPattern.Description}",
                    Suggestion(key.Value, keyPattern.Pattern));
                failed = true;
                continue;
            }

            var value = SettingMember.IsSection(valueType)
                ? BindSectionValue(valueNode, valueType, member, entryPath, null)
                : BindValue(valueNode, valueType, member, entryPath, null, Nullable.GetUnderlyingType(valueType) is not null);
            if (ReferenceEquals(value, Failed)) failed = true;
            else result[key.Value] = value;
        }

        return failed ? Failed : result;
    }

    private object? BindScalar(YamlNodeBase node, Type type, SettingMember member, string path)
    {
        if (node is not YamlScalar scalar)
        {
            diagnostics.Error(path, node.Position, Describe(node), ExpectedValue.Describe(type, member));
            return Failed;
        }

        if (member.Secret && !CheckSecret(scalar, path)) return Failed;
        var shown = member.Secret ? "a value (not shown)" : $"'{scalar.Value}'";

        if (type != typeof(string) && scalar.IsQuoted && !scalar.FromEnvironment && !type.IsEnum)
        {
            diagnostics.Error(path, scalar.Position, $"the quoted string {shown}", ExpectedValue.Describe(type, member),
                "Quotes make any value a string; remove them.");
            return Failed;
        }

        var value = Convert(scalar, type);
        if (value is null)
        {
            diagnostics.Error(path, scalar.Position, shown, ExpectedValue.Describe(type, member), ConversionHint(scalar, type));
            return Failed;
        }

        if (!CheckRange(value, member, scalar, path, shown) || !CheckPattern(value, member, scalar, path, shown)) return Failed;

        if (member.Path is not null && value is string text)
        {
            // Stored resolved, so that components never need to know where the configuration file was.
            var fullPath = System.IO.Path.GetFullPath(text, baseDirectory);
            Paths.Add(new PathBinding(path, scalar.Position, member, text, fullPath));
            return fullPath;
        }

        return value;
    }

    private static object? Convert(YamlScalar scalar, Type type)
    {
        var text = scalar.Value.Trim();
        var numeric = scalar.IsQuoted ? text : text.Replace("_", "", StringComparison.Ordinal);
        if (type == typeof(string)) return scalar.Value;
        if (type == typeof(int)) return int.TryParse(numeric, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i) ? i : null;
        if (type == typeof(long)) return long.TryParse(numeric, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) ? l : null;
        if (type == typeof(double))
        {
            return double.TryParse(numeric, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d : null;
        }

        if (type == typeof(bool))
        {
            return text.Equals("true", StringComparison.OrdinalIgnoreCase) ? true
                : text.Equals("false", StringComparison.OrdinalIgnoreCase) ? false
                : null;
        }

        if (type == typeof(DateOnly))
        {
            return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
        }

        if (type.IsEnum)
        {
            // Exact spelling: the schema lists these values, and editors complete them.
            return SettingMember.EnumValues(type).FirstOrDefault(v => v.Name.Equals(text, StringComparison.Ordinal)).Value;
        }

        throw new NotSupportedException($"Settings type {type} has no YAML conversion.");
    }

    private static string? ConversionHint(YamlScalar scalar, Type type)
    {
        var text = scalar.Value.Trim();
        if (type == typeof(bool) && text.ToLowerInvariant() is "yes" or "no" or "on" or "off" or "y" or "n")
            return "YAML 1.2 booleans are true and false only.";
        if (type == typeof(int) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            return "This key takes a whole number.";
        if (type.IsEnum)
        {
            var names = SettingMember.EnumValues(type).Select(v => v.Name).ToList();
            var sameLetters = names.FirstOrDefault(n => n.Equals(text, StringComparison.OrdinalIgnoreCase));
            if (sameLetters is not null) return $"Values are case-sensitive: write '{sameLetters}'.";
            return DidYouMean.Suggest(text, names) is { } s ? $"Did you mean '{s}'?" : null;
        }
        if (type == typeof(double) && (text.Contains("inf", StringComparison.OrdinalIgnoreCase) || text.Contains("nan", StringComparison.OrdinalIgnoreCase)))
            return "Numbers must be finite.";
        return null;
    }

    private bool CheckRange(object value, SettingMember member, YamlScalar scalar, string path, string shown)
    {
        if (member.Range is not { } range || value is not (int or long or double)) return true;
        var number = System.Convert.ToDouble(value, CultureInfo.InvariantCulture);
        var aboveMin = range.ExclusiveMinimum ? number > range.Minimum : number >= range.Minimum;
        if (aboveMin && number <= range.Maximum) return true;
        diagnostics.Error(path, scalar.Position, shown, ExpectedValue.Describe(value.GetType(), member), member.Description);
        return false;
    }

    private bool CheckPattern(object value, SettingMember member, YamlScalar scalar, string path, string shown)
    {
        if (member.Pattern is not { } pattern || value is not string text || Regex.IsMatch(text, pattern.Pattern)) return true;
        diagnostics.Error(path, scalar.Position, shown, pattern.Description, member.Description);
        return false;
    }

    private bool CheckSecret(YamlScalar scalar, string path)
    {
        if (!EnvironmentReference.IsSingleReference(scalar.RawValue, out var hasDefault))
        {
            diagnostics.Error(path, scalar.Position, "a literal value (not shown)", "a reference to an environment variable, ${env:NAME}",
                "Credentials never live in configuration files (NFR-SK-11): export the value in an environment variable and reference it.");
            return false;
        }

        if (hasDefault)
        {
            diagnostics.Error(path, scalar.Position, "an environment reference with a default (not shown)", "${env:NAME} without a default",
                "A credential has no default: a default would put it in the file.");
            return false;
        }

        return true;
    }

    private void ReportUnknownKey(YamlScalar key, string path, IReadOnlyList<SettingMember> members)
    {
        var suggestion = DidYouMean.Suggest(key.Value, members.Select(m => m.Key));
        var hint = suggestion is not null
            ? $"Did you mean '{suggestion}'?"
            : SettingsKeyIndex.FindElsewhere(key.Value) is { } elsewhere
                ? $"'{key.Value}' is a key of '{elsewhere}'."
                : $"Known keys here: {string.Join(", ", members.Select(m => m.Key))}.";
        diagnostics.Error(path, key.Position, $"the unknown key '{key.Value}'", "a known key", hint);
    }

    private static string? Suggestion(string key, string pattern) =>
        Regex.IsMatch(key + "_path", pattern) ? $"Did you mean '{key}_path'?" : null;

    private static string Describe(YamlNodeBase node) => node switch
    {
        YamlMap => "a mapping",
        YamlList => "a list",
        YamlScalar s => $"'{s.Value}'",
        _ => "a value",
    };
}
