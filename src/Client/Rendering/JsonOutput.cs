using System.Text.Json;
using System.Text.Json.Serialization;

namespace AlgoSpace.Client.Rendering;

/// <summary>`--json`: the kernel's records as JSON for scripts (camelCase properties, enums by their names, indented).</summary>
public static class JsonOutput
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    private static readonly JsonSerializerOptions Compact = new(Options) { WriteIndented = false };

    /// <summary>One document; <paramref name="indented"/> false writes it on one line (one line per sample with --watch).</summary>
    public static string Serialize<T>(T value, bool indented = true) =>
        JsonSerializer.Serialize(value, indented ? Options : Compact);
}
