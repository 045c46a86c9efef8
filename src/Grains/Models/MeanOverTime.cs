using static TorchSharp.torch;

namespace AlgoSpace.Grains.Models;

/// <summary>
/// The <c>"pool": "mean"</c> step of an architecture: the mean over dimension 1 (time) of a
/// <c>[batch, time, features]</c> input. It has no parameters, so it adds nothing to a saved file.
/// </summary>
public sealed class MeanOverTime : nn.Module<Tensor, Tensor>
{
    public MeanOverTime() : base(nameof(MeanOverTime)) => RegisterComponents();

    public override Tensor forward(Tensor input)
    {
        if (input.dim() < 3)
        {
            throw new ArgumentException($"pool mean takes a [batch, time, features] input, got {TensorShapes.Format(input.shape)}", nameof(input));
        }

        return input.mean([1L]);
    }
}
