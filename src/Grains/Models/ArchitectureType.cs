namespace AlgoSpace.Grains.Models;

/// <summary>The kinds of module a <see cref="ModelArchitecture"/> can rebuild (lower case in the manifest).</summary>
public enum ArchitectureType
{
    /// <summary>An optional flatten, then linear layers with an activation between them; outputs stay raw.</summary>
    Mlp,
}
