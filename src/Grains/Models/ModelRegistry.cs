using System.Diagnostics.CodeAnalysis;

namespace AlgoSpace.Grains.Models;

/// <summary>The result of one <see cref="ModelLoader.Load(IReadOnlyDictionary{string, string}, string?)"/>: the models by name. Disposing it frees every module.</summary>
public sealed class ModelRegistry : IModelRegistry, IDisposable
{
    private readonly Dictionary<string, LoadedModel> _byName;

    internal ModelRegistry(IEnumerable<LoadedModel> models)
    {
        All = models.OrderBy(m => m.Name, StringComparer.Ordinal).ToArray();
        _byName = All.ToDictionary(m => m.Name, StringComparer.Ordinal);
    }

    public IReadOnlyList<LoadedModel> All { get; }

    public bool TryGet(string name, [NotNullWhen(true)] out LoadedModel? model)
    {
        _byName.TryGetValue(name, out model);
        return model is { IsLoaded: true };
    }

    public void Dispose()
    {
        foreach (var model in All) model.Dispose();
    }
}
