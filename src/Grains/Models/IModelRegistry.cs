using System.Diagnostics.CodeAnalysis;

namespace AlgoSpace.Grains.Models;

/// <summary>
/// The models of this silo, as components and grains use them. One per silo: the silo loads each model once, at the
/// first request for the registry, and every grain on the silo shares it (a model is hundreds of kilobytes to
/// megabytes of native memory, and loading verifies it with a forward pass). Register it with
/// <see cref="ModelServiceCollectionExtensions.AddAlgoSpaceModels"/>; forward passes on it are thread-safe.
/// </summary>
public interface IModelRegistry
{
    /// <summary>Every configured model, loaded or degraded, ordered by name.</summary>
    IReadOnlyList<LoadedModel> All { get; }

    /// <summary>
    /// True with the model when it is loaded and may be called. False when it is degraded (then
    /// <paramref name="model"/> is the degraded entry, whose <see cref="LoadedModel.Reason"/> says why) or was never
    /// configured (then it is null): either way the caller runs degraded.
    /// </summary>
    bool TryGet(string name, [NotNullWhen(true)] out LoadedModel? model);
}
