using System.Text.Json;

namespace AlgoSpace.Grains.Models;

/// <summary>
/// Reads <c>manifest.json</c> strictly and never throws: every problem becomes <see cref="ModelManifest.Error"/> (the
/// file as a whole) or an entry error (one model), each saying which field was wrong and what was expected.
/// </summary>
public static class ModelManifestReader
{
    /// <summary>The manifest's file name, looked for beside the model files unless a path is given.</summary>
    public const string DefaultFileName = "manifest.json";

    public static ModelManifest Read(string manifestPath)
    {
        var path = Path.GetFullPath(manifestPath);
        if (!File.Exists(path)) return ModelManifest.Unusable(path, "the manifest does not exist");

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ModelManifest.Unusable(path, $"the manifest cannot be read: {ex.Message}");
        }

        return Parse(path, text);
    }

    /// <summary>Parses manifest text; <paramref name="path"/> is where it lives (entries are relative to it).</summary>
    public static ModelManifest Parse(string path, string text)
    {
        path = Path.GetFullPath(path);
        JsonDocument document;
        try
        {
            // Duplicate keys are refused here too: two entries for one model would make the choice arbitrary.
            document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" at line {line + 1}, column {(ex.BytePositionInLine ?? 0) + 1}" : "";
            return ModelManifest.Unusable(path, $"the manifest is not valid JSON{where}: {FirstSentence(ex.Message)}");
        }

        using (document)
        {
            return ReadDocument(path, document.RootElement);
        }
    }

    private static ModelManifest ReadDocument(string path, JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return ModelManifest.Unusable(path, $"expected an object with the key \"{ManifestJson.ModelsKey}\" at the top level, found {ManifestFieldChecker.Describe(root)}");
        }

        var unknown = root.EnumerateObject().Select(p => p.Name).FirstOrDefault(k => k != ManifestJson.ModelsKey);
        if (unknown is not null)
        {
            return ModelManifest.Unusable(path, $"unknown top-level key '{unknown}'; the only key is \"{ManifestJson.ModelsKey}\"");
        }

        if (!root.TryGetProperty(ManifestJson.ModelsKey, out var models) || models.ValueKind != JsonValueKind.Object)
        {
            return ModelManifest.Unusable(path, $"expected \"{ManifestJson.ModelsKey}\" to be an object of model name to entry");
        }

        var entries = new Dictionary<string, ModelManifestEntry>(StringComparer.Ordinal);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var model in models.EnumerateObject())
        {
            var result = ReadEntry(model.Value);
            if (result.Entry is { } entry) entries[model.Name] = entry;
            else errors[model.Name] = result.Error!;
        }

        return ModelManifest.Of(path, entries, errors);
    }

    private static (ModelManifestEntry? Entry, string? Error) ReadEntry(JsonElement element)
    {
        if (ManifestFieldChecker.Check(element, ManifestJson.EntryInfo) is { } shapeError) return (null, shapeError);

        ModelManifestEntry? entry;
        try
        {
            entry = element.Deserialize<ModelManifestEntry>(ManifestJson.Options);
        }
        catch (JsonException ex)
        {
            // The field checker should have caught everything the serializer refuses; keep its message if not.
            return (null, $"field '{ex.Path?.TrimStart('$', '.')}': {FirstSentence(ex.Message)}");
        }

        if (entry is null) return (null, "the entry is null");
        return ManifestEntryRules.Check(entry) is { } ruleError ? (null, ruleError) : (entry with { Sha256 = entry.Sha256.ToLowerInvariant() }, null);
    }

    // System.Text.Json appends "Path: $ | LineNumber: 0 | ..." after the message; the caller reports the position itself.
    private static string FirstSentence(string message)
    {
        foreach (var marker in new[] { " Path:", " LineNumber:" })
        {
            var cut = message.IndexOf(marker, StringComparison.Ordinal);
            if (cut >= 0) message = message[..cut];
        }

        return message.Trim();
    }
}
