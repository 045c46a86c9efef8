using System.Text.Json.Serialization;

namespace AlgoSpace.Grains.Models;

/// <summary>
/// How to rebuild a TorchSharp-format model before loading its weights: TorchSharp's format stores parameters only,
/// not the module that owns them. Kept declarative and small on purpose: a manifest describes, it does not program.
/// </summary>
/// <param name="Type">The kind of module; only <c>mlp</c> today.</param>
/// <param name="Layers">
/// Feature counts from input to output: <c>[384, 64, 8]</c> is Linear(384, 64), activation, Linear(64, 8). The first is
/// the input's last dimension, or the product of all but the batch dimension when <paramref name="Flatten"/> is set.
/// </param>
/// <param name="Activation">Between linear layers, never after the last; needed when there are two or more linear layers.</param>
/// <param name="Flatten">Flatten every dimension after the first (the batch) before the first linear layer.</param>
/// <param name="Pool">
/// Reduce the time dimension (dimension 1 of a <c>[batch, time, features]</c> input) before the first linear layer;
/// the first of <paramref name="Layers"/> is then the feature count. Excludes <paramref name="Flatten"/>.
/// </param>
public sealed record ModelArchitecture(
    [property: JsonPropertyName("type")] ArchitectureType Type,
    [property: JsonPropertyName("layers")] IReadOnlyList<int> Layers,
    [property: JsonPropertyName("activation")] MlpActivation? Activation = null,
    [property: JsonPropertyName("flatten")] bool Flatten = false,
    [property: JsonPropertyName("pool")] PoolMode? Pool = null);
