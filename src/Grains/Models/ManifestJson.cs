using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace AlgoSpace.Grains.Models;

/// <summary>The one set of JSON options for reading and writing manifests, so the reader and the writer agree.</summary>
internal static class ManifestJson
{
    /// <summary>The manifest's only top-level key; an object of model name to <see cref="ModelManifestEntry"/>.</summary>
    public const string ModelsKey = "models";

    public static JsonSerializerOptions Options { get; } = Create();

    public static JsonTypeInfo EntryInfo => Options.GetTypeInfo(typeof(ModelManifestEntry));

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            // Strict: a misspelt key, a missing field or a null must be an error, never a default that loads a
            // model with the wrong checks.
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectRequiredConstructorParameters = true,
            RespectNullableAnnotations = true,
            AllowDuplicateProperties = false,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            WriteIndented = true,
            IndentSize = 2,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
            Converters = { new LowerCaseEnumConverterFactory() },
        };
        options.MakeReadOnly();
        return options;
    }
}
