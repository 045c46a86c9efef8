namespace AlgoSpace.Grains.Models;

/// <summary>The non-linearity between the linear layers of an <see cref="ArchitectureType.Mlp"/> (lower case in the manifest).</summary>
public enum MlpActivation
{
    Relu,
    Tanh,
    Gelu,
}
