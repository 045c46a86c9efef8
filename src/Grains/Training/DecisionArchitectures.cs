using AlgoSpace.Grains.Models;

namespace AlgoSpace.Grains.Training;

/// <summary>
/// The decision models' architectures and shapes (component-contracts 6.2's small models), shared by the training
/// routines and the tests so that what is trained is what the components load. Names are the settings keys
/// without <c>_path</c> and the file names without <c>.pt</c>.
/// </summary>
public static class DecisionArchitectures
{
    public static ModelSpec StructureEmbedder { get; } = new("structure_embedder", new(ArchitectureType.Mlp, [384, 64], Flatten: true), [1, 48, 8], [1, 64]);
    public static ModelSpec TacticalEmbedder { get; } = new("tactical_embedder", new(ArchitectureType.Mlp, [420, 48], Flatten: true), [1, 60, 7], [1, 48]);
    public static ModelSpec RegimeEmbedder { get; } = new("regime_embedder", new(ArchitectureType.Mlp, [8, 16]), [1, 8], [1, 16]);
    public static ModelSpec LvnEmbedder { get; } = new("lvn_embedder", new(ArchitectureType.Mlp, [5, 8]), [1, 5], [1, 8]);
    public static ModelSpec SharedPolicy { get; } = new("shared_policy", new(ArchitectureType.Mlp, [136, 64, 2], MlpActivation.Relu), [1, 136], [1, 2]);
    public static ModelSpec DecisionGate { get; } = new("decision_gate", new(ArchitectureType.Mlp, [144, 32, 2], MlpActivation.Relu), [1, 144], [1, 2]);
    public static ModelSpec Rde { get; } = new("rde", new(ArchitectureType.Mlp, [26, 32, 8], MlpActivation.Relu, Pool: PoolMode.Mean), [1, 96, 26], [1, 8]);
    public static ModelSpec Mrms { get; } = new("mrms", new(ArchitectureType.Mlp, [40, 128, 64, 8], MlpActivation.Relu), [1, 40], [1, 8]);

    /// <summary>Every decision model, in the order the training command trains them.</summary>
    public static IReadOnlyList<ModelSpec> All { get; } =
        [Rde, StructureEmbedder, TacticalEmbedder, RegimeEmbedder, LvnEmbedder, SharedPolicy, DecisionGate, Mrms];

    /// <summary>The RDE autoencoder's decoder, 8 → 32 → 26: used only in training, never written.</summary>
    public static ModelArchitecture RdeDecoder { get; } = new(ArchitectureType.Mlp, [8, 32, 26], MlpActivation.Relu);
}

/// <summary>One model: its name, architecture and the shapes of one forward pass.</summary>
public sealed record ModelSpec(string Name, ModelArchitecture Architecture, int[] InputShape, int[] OutputShape)
{
    public string FileName => Name + ".pt";
}
