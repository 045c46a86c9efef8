namespace AlgoSpace.Grains.Models;

/// <summary>How an <see cref="ArchitectureType.Mlp"/> reduces a <c>[batch, time, features]</c> input before its first linear layer (lower case in the manifest).</summary>
public enum PoolMode
{
    /// <summary>The mean over the time dimension (dimension 1): <c>[batch, time, features]</c> becomes <c>[batch, features]</c>.</summary>
    Mean,
}
