namespace AlgoSpace.Components;

/// <summary>The models loaded in this silo, as the component hosts see them: one load per silo, shared by its grains.</summary>
public interface IComponentModels
{
    /// <summary>The model and its version, or why it is not available.</summary>
    bool TryGet(string name, out object? model, out string? version, out string? sha256, out string? reason);
}
