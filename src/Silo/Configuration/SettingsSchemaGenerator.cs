using System.Text;
using System.Text.Json;
using AlgoSpace.Grains.Interfaces.Configuration;

namespace AlgoSpace.Silo.Configuration;

/// <summary>
/// Generates settings/settings.schema.json from the same settings types and attributes that the loader validates
/// with, so that editors complete and check settings files exactly as the kernel does.
/// </summary>
public static class SettingsSchemaGenerator
{
    private const string EnvReferencePattern = @"\$\{env:[A-Za-z_][A-Za-z0-9_]*(:-[^}]*)?\}";
    private const string SecretReferencePattern = @"^\$\{env:[A-Za-z_][A-Za-z0-9_]*\}$";

    public static string Generate()
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "https://json-schema.org/draft/2020-12/schema");
            json.WriteString("$id", "https://algospace.dev/schemas/settings.schema.json");
            json.WriteString("title", "AlgoSpace Kernel settings");
            json.WriteString("description", "settings.yaml of the AlgoSpace Kernel. Generated from the settings types; do not edit by hand.");
            WriteSectionBody(json, typeof(AlgoSpaceSettings), new AlgoSpaceSettings());
            json.WriteStartObject("$defs");
            json.WriteStartObject("envReference");
            json.WriteString("type", "string");
            json.WriteString("pattern", EnvReferencePattern);
            json.WriteString("description", "A value taken from an environment variable: ${env:NAME} or ${env:NAME:-default}.");
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <param name="defaults">The section as its parent initialises it, so nested defaults are the real ones.</param>
    private static void WriteSectionBody(Utf8JsonWriter json, Type section, object defaults)
    {
        json.WriteString("type", "object");
        json.WriteBoolean("additionalProperties", false);
        var members = SettingMember.Of(section);
        json.WriteStartObject("properties");
        foreach (var member in members)
        {
            json.WriteStartObject(member.Key);
            WriteMember(json, member, member.Property.GetValue(defaults));
            json.WriteEndObject();
        }

        json.WriteEndObject();
        var required = members.Where(m => m.Required).ToList();
        if (required.Count > 0)
        {
            json.WriteStartArray("required");
            foreach (var member in required) json.WriteStringValue(member.Key);
            json.WriteEndArray();
        }
    }

    private static void WriteMember(Utf8JsonWriter json, SettingMember member, object? defaultValue)
    {
        if (member.Description is { } description) json.WriteString("description", description);
        WriteType(json, Nullable.GetUnderlyingType(member.Type) ?? member.Type, member, defaultValue);
        if (defaultValue is not null && !member.Required && !member.Secret && !SettingMember.IsSection(defaultValue.GetType()) && defaultValue is not System.Collections.IDictionary)
        {
            json.WritePropertyName("default");
            WriteDefault(json, defaultValue);
        }
    }

    private static void WriteType(Utf8JsonWriter json, Type type, SettingMember member, object? defaults = null)
    {
        if (SettingMember.IsSection(type))
        {
            WriteSectionBody(json, type, defaults ?? Activator.CreateInstance(type)!);
        }
        else if (SettingMember.ListElement(type) is { } element)
        {
            json.WriteString("type", "array");
            json.WriteStartObject("items");
            WriteType(json, element, member);
            json.WriteEndObject();
        }
        else if (SettingMember.MapValue(type) is { } value)
        {
            json.WriteString("type", "object");
            if (member.KeyPattern is { } keyPattern)
            {
                // patternProperties rather than propertyNames: more validators and editors understand it.
                json.WriteStartObject("patternProperties");
                json.WriteStartObject(keyPattern.Pattern);
                WriteType(json, value, member);
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteBoolean("additionalProperties", false);
            }
            else
            {
                json.WriteStartObject("additionalProperties");
                WriteType(json, value, member);
                json.WriteEndObject();
            }
        }
        else
        {
            WriteScalar(json, type, member);
        }
    }

    /// <summary>A scalar accepts its own form or, unless it is a credential, an environment reference.</summary>
    private static void WriteScalar(Utf8JsonWriter json, Type type, SettingMember member)
    {
        if (member.Secret)
        {
            json.WriteString("type", "string");
            json.WriteString("pattern", SecretReferencePattern);
            return;
        }

        json.WriteStartArray("anyOf");
        json.WriteStartObject();
        if (type == typeof(int) || type == typeof(long) || type == typeof(double))
        {
            json.WriteString("type", type == typeof(double) ? "number" : "integer");
            if (member.Range is { } range)
            {
                json.WriteNumber(range.ExclusiveMinimum ? "exclusiveMinimum" : "minimum", range.Minimum);
                json.WriteNumber("maximum", range.Maximum);
            }
        }
        else if (type == typeof(bool))
        {
            json.WriteString("type", "boolean");
        }
        else if (type == typeof(DateOnly))
        {
            json.WriteString("type", "string");
            json.WriteString("format", "date");
        }
        else if (type.IsEnum)
        {
            json.WriteStartArray("enum");
            foreach (var (name, _) in SettingMember.EnumValues(type)) json.WriteStringValue(name);
            json.WriteEndArray();
        }
        else
        {
            json.WriteString("type", "string");
            if (member.Pattern is { } pattern) json.WriteString("pattern", pattern.Pattern);
        }

        json.WriteEndObject();
        json.WriteStartObject();
        json.WriteString("$ref", "#/$defs/envReference");
        json.WriteEndObject();
        json.WriteEndArray();
    }

    private static void WriteDefault(Utf8JsonWriter json, object value)
    {
        switch (value)
        {
            case bool b: json.WriteBooleanValue(b); break;
            case int i: json.WriteNumberValue(i); break;
            case long l: json.WriteNumberValue(l); break;
            case double d: json.WriteNumberValue(d); break;
            case System.Collections.IList list:
                json.WriteStartArray();
                foreach (var item in list) WriteDefault(json, item!);
                json.WriteEndArray();
                break;
            default: json.WriteStringValue(SettingsPrinter.FormatScalar(value)); break;
        }
    }
}
