using static TorchSharp.torch;

namespace AlgoSpace.Grains.Models;

/// <summary>
/// One forward pass on zeros of the manifest's input shape, checking the output's shape and element type. A model
/// that loads but cannot run on the input its component will give it fails here, at startup, not on the first trade.
/// </summary>
internal static class ForwardCheck
{
    /// <summary>Throws <see cref="ModelLoadException"/> naming expected and actual when the output does not fit.</summary>
    public static void Verify(nn.Module module, ModelManifestEntry entry)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        Tensor output;
        try
        {
            output = ((nn.IModule<Tensor, Tensor>)module).call(zeros(TensorShapes.ToLong(entry.InputShape), ScalarType.Float32));
        }
        catch (Exception ex)
        {
            throw new ModelLoadException(
                $"the verification forward pass on zeros of input_shape {TensorShapes.Format(entry.InputShape)} failed: {TorchModuleFactory.OneLine(ex.Message)}", ex);
        }

        if (!TensorShapes.SameShape(entry.OutputShape, output.shape))
        {
            throw new ModelLoadException(
                $"output shape mismatch: for input_shape {TensorShapes.Format(entry.InputShape)} the manifest expects output_shape {TensorShapes.Format(entry.OutputShape)}, the model returned {TensorShapes.Format(output.shape)}");
        }

        if (output.dtype != ScalarType.Float32)
        {
            throw new ModelLoadException($"output type mismatch: expected Float32, the model returned {output.dtype}");
        }
    }
}
