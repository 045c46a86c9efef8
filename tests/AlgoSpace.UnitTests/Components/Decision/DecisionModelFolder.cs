using AlgoSpace.Grains.Models;
using AlgoSpace.Grains.Training;
using static TorchSharp.torch;

namespace AlgoSpace.Tests.Components.Decision;

/// <summary>
/// Real TorchSharp decision models in a temporary folder, written with <see cref="ModelWriter"/> and loaded with
/// <see cref="ModelLoader"/>: either seeded weights or weights set by hand, so expected outputs can be worked out.
/// </summary>
public sealed class DecisionModelFolder : IDisposable
{
    private readonly List<ModelRegistry> _registries = [];

    public DecisionModelFolder()
    {
        Path = Directory.CreateTempSubdirectory("algospace-decision-").FullName;
    }

    public string Path { get; }

    public string Manifest => System.IO.Path.Combine(Path, "manifest.json");

    /// <summary>Writes <paramref name="spec"/> with weights from a generator seeded with <paramref name="seed"/>.</summary>
    public void WriteSeeded(ModelSpec spec, int seed)
    {
        using var generator = new Generator((ulong)seed);
        using var module = ArchitectureBuilder.Build(spec.Architecture, generator);
        Save(module, spec);
    }

    /// <summary>
    /// Writes <paramref name="spec"/> with every weight and bias 0 except those <paramref name="set"/> gives by
    /// parameter name (<c>linear1.bias</c> → its values, row-major).
    /// </summary>
    public void WriteFixed(ModelSpec spec, IReadOnlyDictionary<string, float[]> set)
    {
        using var generator = new Generator(1);
        using var module = ArchitectureBuilder.Build(spec.Architecture, generator);
        using (no_grad())
        {
            foreach (var (name, parameter) in module.named_parameters())
            {
                parameter.zero_();
                if (set.TryGetValue(name, out var values)) parameter.copy_(tensor(values, parameter.shape));
            }
        }

        Save(module, spec);
    }

    /// <summary>Loads every model written so far; the registry is disposed with the folder.</summary>
    public IReadOnlyDictionary<string, LoadedModel> Load()
    {
        var files = Directory.GetFiles(Path, "*.pt").ToDictionary(f => System.IO.Path.GetFileNameWithoutExtension(f), f => f);
        var registry = new ModelLoader().Load(files, Manifest);
        _registries.Add(registry);
        foreach (var model in registry.All)
        {
            if (!model.IsLoaded) throw new InvalidOperationException(model.Reason);
        }

        return registry.All.ToDictionary(m => m.Name, m => m);
    }

    public void Dispose()
    {
        foreach (var registry in _registries) registry.Dispose();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }

    private void Save(nn.Module<Tensor, Tensor> module, ModelSpec spec) =>
        ModelWriter.SaveTorchSharp(module, spec.Name, System.IO.Path.Combine(Path, spec.FileName), spec.Architecture, spec.InputShape, spec.OutputShape, "test", Manifest);
}
