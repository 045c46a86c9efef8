using TorchSharp.Modules;
using static TorchSharp.torch;

namespace AlgoSpace.Grains.Models;

/// <summary>
/// Runs an <see cref="ArchitectureBuilder"/> module layer by layer and multiplies each hidden activation by a
/// caller-supplied mask: dropout whose randomness the caller owns. Monte Carlo dropout needs that to be repeatable
/// and thread-safe; torch's own dropout draws from the process-wide generator, which any thread may reseed.
/// </summary>
public static class HiddenMaskForward
{
    /// <summary>
    /// The output of <paramref name="module"/> for <paramref name="input"/>, with hidden activation <c>k</c> (the
    /// output of the k-th activation layer) multiplied element-wise by <paramref name="masks"/>[k], a tensor of the
    /// activation's shape. Inverted dropout with rate p is a mask of 0 (dropped) and 1/(1 − p) (kept).
    /// </summary>
    public static Tensor Run(Sequential module, Tensor input, IReadOnlyList<Tensor> masks)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(masks);
        var hidden = HiddenLayerCount(module);
        if (masks.Count != hidden) throw new ArgumentException($"the module has {hidden} hidden activations, got {masks.Count} masks", nameof(masks));

        var x = input;
        var k = 0;
        foreach (var (_, child) in module.named_children())
        {
            var layer = (nn.IModule<Tensor, Tensor>)child;
            x = layer.call(x);
            if (IsActivation(child)) x = x.mul(masks[k++]);
        }

        return x;
    }

    /// <summary>How many activation layers (hence masks) the module has: one fewer than its linear layers.</summary>
    public static int HiddenLayerCount(Sequential module) => module.named_children().Count(c => IsActivation(c.module));

    private static bool IsActivation(nn.Module child) => child is not (Linear or Flatten or MeanOverTime);
}
