using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;

namespace AlgoSpace.Grains.Models;

/// <summary>
/// Loads the configured models (FR-SK-04). For each model: the file exists, the manifest has a valid entry that
/// describes this file, the file's SHA-256 matches the manifest, it loads in its format, and one forward pass on
/// zeros of <c>input_shape</c> returns <c>output_shape</c>. Any failure degrades that model with a reason naming the
/// model, the file and what was wrong; nothing is thrown, so a bad model never stops the silo. Loading is
/// deterministic: models in name order, nothing drawn from torch's random generator.
/// </summary>
public sealed class ModelLoader(ILogger<ModelLoader> logger)
{
    private int _loadCount;

    public ModelLoader() : this(NullLogger<ModelLoader>.Instance)
    {
    }

    /// <summary>How many models this loader has loaded or tried to load, over all calls; shows that each is loaded once.</summary>
    public int LoadCount => Volatile.Read(ref _loadCount);

    public ModelRegistry Load(ModelSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Load(source.Models, source.ManifestPath);
    }

    /// <param name="models">Model name to model file.</param>
    /// <param name="manifestPath">
    /// The manifest for every model; null to use <c>manifest.json</c> in each model file's own folder.
    /// </param>
    public ModelRegistry Load(IReadOnlyDictionary<string, string> models, string? manifestPath = null)
    {
        ArgumentNullException.ThrowIfNull(models);
        var clock = Stopwatch.StartNew();
        // One intra-op thread for the whole process: the models are tiny (at most 420 inputs, batch ≤ 50), so
        // libtorch's thread pool only adds a hand-off to another core per operation (a decision of the Main MARL
        // Core took a median 7.9 ms with two threads and 0.25 ms with one on this 2-core machine under load), and
        // one thread also makes every reduction add in the same order.
        if (TorchSharp.torch.get_num_threads() != 1) TorchSharp.torch.set_num_threads(1);
        var manifests = new Dictionary<string, ModelManifest>(StringComparer.Ordinal);
        var loaded = new List<LoadedModel>();
        foreach (var (name, path) in models.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            var model = LoadOne(name, path, manifestPath, manifests);
            if (model.IsLoaded)
            {
                ModelLoaderLog.Loaded(logger, model.Name, model.Version!, TorchModuleFactory.FormatName(model.Format!.Value), model.Sha256![..12],
                    (long)model.LoadTime.TotalMilliseconds);
            }
            else
            {
                ModelLoaderLog.Degraded(logger, model.Name, model.Reason!);
            }

            loaded.Add(model);
        }

        var registry = new ModelRegistry(loaded);
        var degraded = registry.All.Where(m => !m.IsLoaded).Select(m => m.Name).ToArray();
        var ok = registry.All.Count - degraded.Length;
        if (degraded.Length == 0) ModelLoaderLog.AllLoaded(logger, ok, registry.All.Count, clock.ElapsedMilliseconds);
        else ModelLoaderLog.SomeDegraded(logger, ok, registry.All.Count, clock.ElapsedMilliseconds, string.Join(", ", degraded));
        return registry;
    }

    private LoadedModel LoadOne(string name, string path, string? manifestPath, Dictionary<string, ModelManifest> manifests)
    {
        Interlocked.Increment(ref _loadCount);
        var clock = Stopwatch.StartNew();
        var file = FullPath(path);
        ModelManifestEntry? entry = null;
        string? sha256 = null;
        try
        {
            if (!File.Exists(file)) throw new ModelLoadException("the model file does not exist");

            var manifest = Manifest(manifestPath ?? Path.Combine(Path.GetDirectoryName(file)!, ModelManifestReader.DefaultFileName), manifests);
            entry = Entry(name, file, manifest);

            sha256 = FileSha256.Compute(file);
            if (!string.Equals(sha256, entry.Sha256, StringComparison.Ordinal))
            {
                throw new ModelLoadException($"sha256 mismatch: the file's is {sha256}, manifest {manifest.Path} says {entry.Sha256}");
            }

            var module = TorchModuleFactory.Load(entry, file);
            try
            {
                ForwardCheck.Verify(module, entry);
            }
            catch
            {
                module.Dispose();
                throw;
            }

            return LoadedModel.Ready(name, file, entry, sha256, clock.Elapsed, module);
        }
        catch (ModelLoadException ex)
        {
            return LoadedModel.Degraded(name, file, Reason(name, file, ex.Message), clock.Elapsed, entry, sha256);
        }
        catch (Exception ex)
        {
            // Anything else (an unreadable file, a native library that does not load) is still one degraded model.
            return LoadedModel.Degraded(name, file, Reason(name, file, $"{ex.GetType().Name}: {TorchModuleFactory.OneLine(ex.Message)}"), clock.Elapsed, entry, sha256);
        }
    }

    private static ModelManifest Manifest(string path, Dictionary<string, ModelManifest> manifests)
    {
        var full = Path.GetFullPath(path);
        if (!manifests.TryGetValue(full, out var manifest)) manifests[full] = manifest = ModelManifestReader.Read(full);
        return manifest;
    }

    private static ModelManifestEntry Entry(string name, string file, ModelManifest manifest)
    {
        if (manifest.Error is { } error) throw new ModelLoadException($"manifest {manifest.Path} is unusable: {error}");
        if (manifest.EntryErrors.TryGetValue(name, out var entryError)) throw new ModelLoadException($"manifest {manifest.Path}, entry '{name}': {entryError}");
        if (!manifest.Entries.TryGetValue(name, out var entry)) throw new ModelLoadException($"manifest {manifest.Path} has no entry for '{name}'");

        // The settings choose the file; the entry must describe that same file, or its checksum and shapes are
        // another model's.
        var described = manifest.FileOf(entry);
        if (!SameFile(described, file))
        {
            throw new ModelLoadException($"manifest {manifest.Path}, entry '{name}', describes {described}, not this file");
        }

        return entry;
    }

    private static bool SameFile(string a, string b) =>
        string.Equals(a, b, StringComparison.Ordinal) || string.Equals(Resolve(a), Resolve(b), StringComparison.Ordinal);

    // Settings may name a file through a symbolic link (within the allowed folders) that the manifest names directly.
    private static string Resolve(string path) => File.Exists(path) ? new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path : path;

    // Settings hand over full paths already; this only has to survive anything else without throwing.
    private static string FullPath(string? path)
    {
        if (string.IsNullOrWhiteSpace(path)) return "(no path)";
        try
        {
            return Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return path;
        }
    }

    private static string Reason(string name, string file, string problem) => $"model '{name}' ({file}): {problem}";
}
