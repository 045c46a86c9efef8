using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace AlgoSpace.Grains.Models;

/// <summary>
/// Checks a manifest entry's JSON against the record it binds to before binding it, so that an unknown, missing,
/// null or mistyped field is reported by its manifest name (<c>architecture.layers</c>) with what was
/// expected, rather than as a serializer message about CLR types. The records stay the single definition of the
/// format: fields, types and which are required are read from their JSON metadata.
/// </summary>
internal static class ManifestFieldChecker
{
    /// <summary>The first problem, as "field 'x': ..."; null when the JSON fits the record.</summary>
    public static string? Check(JsonElement element, JsonTypeInfo info, string prefix = "")
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return $"{(prefix.Length == 0 ? "the entry" : $"field '{prefix.TrimEnd('.')}'")}: expected an object, found {Describe(element)}";
        }

        var properties = info.Properties.ToDictionary(p => p.Name, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in element.EnumerateObject())
        {
            // Repeated keys never get here: the reader parses with AllowDuplicateProperties = false.
            var name = prefix + field.Name;
            seen.Add(field.Name);
            if (!properties.TryGetValue(field.Name, out var property))
            {
                return $"unknown field '{name}'; expected one of {string.Join(", ", properties.Keys)}";
            }

            if (CheckValue(field.Value, property.PropertyType, info.Options, name) is { } problem) return problem;
        }

        // With RespectRequiredConstructorParameters, a constructor parameter without a default is required.
        var missing = info.Properties.FirstOrDefault(p => p.AssociatedParameter is { HasDefaultValue: false } && !seen.Contains(p.Name));
        return missing is null ? null : $"field '{prefix}{missing.Name}' is missing";
    }

    private static string? CheckValue(JsonElement value, Type type, JsonSerializerOptions options, string name)
    {
        if (value.ValueKind == JsonValueKind.Null) return $"field '{name}': is null; give a value or leave the field out";
        type = Nullable.GetUnderlyingType(type) ?? type;

        if (type == typeof(string))
        {
            return value.ValueKind == JsonValueKind.String ? null : Expected(name, "a string", value);
        }

        if (type == typeof(bool))
        {
            return value.ValueKind is JsonValueKind.True or JsonValueKind.False ? null : Expected(name, "true or false", value);
        }

        if (type.IsEnum)
        {
            var names = LowerCaseEnumConverterFactory.Names(type);
            return value.ValueKind == JsonValueKind.String && names.Contains(value.GetString(), StringComparer.Ordinal)
                ? null
                : Expected(name, $"one of {string.Join(", ", names.Select(n => $"\"{n}\""))}", value);
        }

        if (type == typeof(IReadOnlyList<int>))
        {
            return value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out _))
                ? null
                : Expected(name, "an array of integers", value);
        }

        var info = options.GetTypeInfo(type);
        if (info.Kind == JsonTypeInfoKind.Object) return Check(value, info, name + ".");

        // A field type this checker does not know: the format grew without it, which a test catches.
        throw new NotSupportedException($"The manifest field '{name}' has the type {type}, which {nameof(ManifestFieldChecker)} does not check.");
    }

    private static string Expected(string name, string expected, JsonElement found) => $"field '{name}': expected {expected}, found {Describe(found)}";

    /// <summary>The value as written, shortened: enough to recognise it in the file.</summary>
    public static string Describe(JsonElement value)
    {
        var text = value.GetRawText();
        return text.Length <= 60 ? text : text[..57] + "...";
    }
}
