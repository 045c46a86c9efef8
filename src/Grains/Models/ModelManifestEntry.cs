using System.Text.Json.Serialization;

namespace AlgoSpace.Grains.Models;

/// <summary>One model in <c>manifest.json</c>: what the file must be, and how to load and check it.</summary>
/// <param name="File">The model file, relative to the manifest's folder.</param>
/// <param name="Format">How the file is stored.</param>
/// <param name="Sha256">The file's SHA-256 as 64 hexadecimal digits: a file that differs is not the model that was trained.</param>
/// <param name="Version">The model's version, for logs and run reports; free text.</param>
/// <param name="InputShape">The shape of one forward pass's input, batch dimension included, e.g. <c>[1, 48, 8]</c>.</param>
/// <param name="OutputShape">The shape the model must return for that input.</param>
/// <param name="Architecture">For <see cref="ModelFormat.TorchSharp"/> only: the module to rebuild before loading the weights.</param>
public sealed record ModelManifestEntry(
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("format")] ModelFormat Format,
    [property: JsonPropertyName("sha256")] string Sha256,
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("input_shape")] IReadOnlyList<int> InputShape,
    [property: JsonPropertyName("output_shape")] IReadOnlyList<int> OutputShape,
    [property: JsonPropertyName("architecture")] ModelArchitecture? Architecture = null);
