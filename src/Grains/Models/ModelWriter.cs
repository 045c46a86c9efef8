using System.Text.Json;
using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace AlgoSpace.Grains.Models;

/// <summary>
/// Saves models the way <see cref="ModelLoader"/> loads them: the file, then its entry in the manifest with the
/// file's SHA-256. Used by training (and tests); unlike the loader it throws, because a caller that writes a model
/// must learn at once that the result is unusable. Each written file is re-opened and verified with the same
/// checks as the loader before its entry is written, so an entry never describes a file the loader would refuse.
/// Not safe for two writers updating one manifest at the same time.
/// </summary>
public static class ModelWriter
{
    /// <summary>
    /// Saves <paramref name="module"/>'s weights in TorchSharp's format to <paramref name="modelPath"/> and writes the
    /// manifest entry <paramref name="name"/>. The module must be built by <see cref="ArchitectureBuilder"/>
    /// from <paramref name="architecture"/>, so that its parameter names are the ones the loader rebuilds.
    /// </summary>
    /// <param name="manifestPath">Null for <c>manifest.json</c> beside the model file; other entries are kept.</param>
    public static ModelManifestEntry SaveTorchSharp(
        nn.Module<Tensor, Tensor> module, string name, string modelPath, ModelArchitecture architecture,
        IReadOnlyList<int> inputShape, IReadOnlyList<int> outputShape, string version, string? manifestPath = null)
    {
        ArgumentNullException.ThrowIfNull(module);
        var file = Path.GetFullPath(modelPath);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);

        // Write beside the target and move into place, so a crash mid-save never leaves half a model under the name.
        var partial = file + ".partial";
        module.save(partial);
        File.Move(partial, file, overwrite: true);
        return Register(name, file, ModelFormat.TorchSharp, architecture, inputShape, outputShape, version, manifestPath);
    }

    /// <summary>
    /// Writes the manifest entry for a TorchScript file that already exists (produced elsewhere: TorchSharp cannot
    /// create a TorchScript module, see docs/models.md), after checking that it loads and runs.
    /// </summary>
    public static ModelManifestEntry AddTorchScript(
        string name, string modelPath, IReadOnlyList<int> inputShape, IReadOnlyList<int> outputShape, string version, string? manifestPath = null) =>
        Register(name, Path.GetFullPath(modelPath), ModelFormat.TorchScript, null, inputShape, outputShape, version, manifestPath);

    private static ModelManifestEntry Register(
        string name, string file, ModelFormat format, ModelArchitecture? architecture,
        IReadOnlyList<int> inputShape, IReadOnlyList<int> outputShape, string version, string? manifestPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!File.Exists(file)) throw new FileNotFoundException($"model '{name}': {file} does not exist", file);

        var manifest = Path.GetFullPath(manifestPath ?? Path.Combine(Path.GetDirectoryName(file)!, ModelManifestReader.DefaultFileName));
        var relative = Path.GetRelativePath(Path.GetDirectoryName(manifest)!, file);
        var entry = new ModelManifestEntry(relative, format, FileSha256.Compute(file), version, inputShape.ToArray(), outputShape.ToArray(),
            architecture is null ? null : architecture with { Layers = architecture.Layers.ToArray() });
        if (ManifestEntryRules.Check(entry) is { } problem) throw new ArgumentException($"model '{name}': {problem}");

        try
        {
            using var module = TorchModuleFactory.Load(entry, file);
            ForwardCheck.Verify(module, entry);
        }
        catch (ModelLoadException ex)
        {
            throw new InvalidOperationException($"model '{name}' ({file}) would not load: {ex.Message}", ex);
        }

        WriteEntry(manifest, name, entry);
        return entry;
    }

    // Through JsonNode rather than the records, so other entries are kept exactly as they are, even ones this
    // version of the loader would refuse.
    private static void WriteEntry(string manifest, string name, ModelManifestEntry entry)
    {
        JsonObject root;
        if (File.Exists(manifest))
        {
            root = JsonNode.Parse(File.ReadAllText(manifest)) as JsonObject
                ?? throw new InvalidDataException($"{manifest} is not a JSON object; fix or remove it before writing model '{name}'");
        }
        else
        {
            root = [];
        }

        if (root[ManifestJson.ModelsKey] is not JsonObject models)
        {
            if (root.ContainsKey(ManifestJson.ModelsKey)) throw new InvalidDataException($"{manifest}: \"{ManifestJson.ModelsKey}\" is not an object");
            root[ManifestJson.ModelsKey] = models = [];
        }

        models[name] = JsonSerializer.SerializeToNode(entry, ManifestJson.Options);

        var partial = manifest + ".partial";
        File.WriteAllText(partial, root.ToJsonString(ManifestJson.Options) + "\n");
        File.Move(partial, manifest, overwrite: true);
    }
}
