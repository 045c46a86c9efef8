using AlgoSpace.Grains.Models;

namespace AlgoSpace.Grains.Components.Decision.Marl;

/// <summary>The six models of the Main MARL Core (component-contracts 2.7), all loaded, or none.</summary>
public sealed record DecisionModels(
    LoadedModel StructureEmbedder,
    LoadedModel TacticalEmbedder,
    LoadedModel RegimeEmbedder,
    LoadedModel LvnEmbedder,
    LoadedModel SharedPolicy,
    LoadedModel DecisionGate)
{
    public static IReadOnlyList<string> Names { get; } =
        ["structure_embedder", "tactical_embedder", "regime_embedder", "lvn_embedder", "shared_policy", "decision_gate"];

    /// <summary>The models when every one is loaded; otherwise null and the reason naming the missing ones.</summary>
    public static (DecisionModels? Models, string? Missing) From(IReadOnlyDictionary<string, LoadedModel> models)
    {
        ArgumentNullException.ThrowIfNull(models);
        var missing = Names.Where(n => !models.TryGetValue(n, out var m) || !m.IsLoaded).ToArray();
        if (missing.Length > 0) return (null, $"models not loaded: {string.Join(", ", missing)}");
        return (new DecisionModels(models[Names[0]], models[Names[1]], models[Names[2]], models[Names[3]], models[Names[4]], models[Names[5]]), null);
    }
}
