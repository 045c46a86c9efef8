namespace AlgoSpace.Grains.Models;

/// <summary>
/// What a well-typed manifest entry must also satisfy before a model is loaded with it. Shared by the reader and
/// the writer, so the writer never produces an entry the loader would refuse.
/// </summary>
internal static class ManifestEntryRules
{
    /// <summary>The first broken rule, as "field 'x': ..."; null when the entry is usable.</summary>
    public static string? Check(ModelManifestEntry entry)
    {
        if (string.IsNullOrWhiteSpace(entry.File)) return "field 'file': is empty";
        if (Path.IsPathRooted(entry.File))
        {
            // Relative paths keep a models folder movable as a whole (copied into a container, another checkout).
            return $"field 'file': expected a path relative to the manifest's folder, found \"{entry.File}\"";
        }

        if (!IsSha256(entry.Sha256)) return $"field 'sha256': expected 64 hexadecimal digits, found \"{entry.Sha256}\"";
        if (string.IsNullOrWhiteSpace(entry.Version)) return "field 'version': is empty";
        if (CheckShape("input_shape", entry.InputShape) is { } input) return input;
        if (CheckShape("output_shape", entry.OutputShape) is { } output) return output;

        return (entry.Format, entry.Architecture) switch
        {
            (ModelFormat.TorchSharp, null) =>
                "field 'architecture': is missing; the torchsharp format stores weights only, so the module to load them into must be described",
            (ModelFormat.TorchScript, not null) =>
                "field 'architecture': applies to the torchsharp format only; a torchscript file carries its own module",
            (_, { } architecture) => CheckArchitecture(architecture),
            _ => null,
        };
    }

    public static string? CheckArchitecture(ModelArchitecture architecture)
    {
        if (architecture.Layers.Count < 2)
        {
            return $"field 'architecture.layers': expected at least two feature counts (input and output), found {TensorShapes.Format(architecture.Layers)}";
        }

        if (architecture.Layers.Any(n => n <= 0))
        {
            return $"field 'architecture.layers': expected positive feature counts, found {TensorShapes.Format(architecture.Layers)}";
        }

        if (architecture.Layers.Count > 2 && architecture.Activation is null)
        {
            return "field 'architecture.activation': is missing; it goes between the linear layers (relu, tanh or gelu)";
        }

        if (architecture.Pool is not null && architecture.Flatten)
        {
            // Both reduce the dimensions after the batch; applying one after the other has no single meaning.
            return "field 'architecture.pool': cannot be combined with 'flatten': true; pool reduces the time dimension, flatten joins all of them";
        }

        return null;
    }

    public static bool IsSha256(string value) => value.Length == 64 && value.All(char.IsAsciiHexDigit);

    private static string? CheckShape(string field, IReadOnlyList<int> shape) =>
        shape.Count == 0 || shape.Any(d => d <= 0)
            ? $"field '{field}': expected one or more positive dimensions, found {TensorShapes.Format(shape)}"
            : null;
}
