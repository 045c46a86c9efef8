namespace AlgoSpace.Grains.Models;

/// <summary>How a model file is stored; the manifest's <c>format</c> (written in lower case).</summary>
public enum ModelFormat
{
    /// <summary>A TorchScript archive (<c>torch.jit.save</c>): the code and the weights, loaded with <c>torch.jit.load</c>.</summary>
    TorchScript,

    /// <summary>TorchSharp's own format (<c>Module.save</c>): weights only, so the manifest describes the architecture.</summary>
    TorchSharp,
}
