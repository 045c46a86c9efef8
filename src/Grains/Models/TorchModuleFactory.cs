using static TorchSharp.torch;

namespace AlgoSpace.Grains.Models;

/// <summary>Opens a model file as a torch module in evaluation mode, by the format its manifest entry names.</summary>
internal static class TorchModuleFactory
{
    /// <summary>The module, callable as Tensor to Tensor; throws <see cref="ModelLoadException"/> when the file does not load.</summary>
    public static nn.Module Load(ModelManifestEntry entry, string path)
    {
        nn.Module? module = null;
        try
        {
            module = entry.Format switch
            {
                ModelFormat.TorchScript => jit.load<Tensor, Tensor>(path),
                ModelFormat.TorchSharp => LoadWeights(entry.Architecture!, path),
                _ => throw new ModelLoadException($"the format {entry.Format} has no loader"),
            };

            // Evaluation mode: dropout off and normalisation layers on their running statistics, as at inference.
            module.eval();
            return module;
        }
        catch (Exception ex) when (ex is not ModelLoadException)
        {
            module?.Dispose();
            throw new ModelLoadException($"the file does not load as {FormatName(entry.Format)}: {OneLine(ex.Message)}", ex);
        }
    }

    public static string FormatName(ModelFormat format) => format.ToString().ToLowerInvariant();

    private static nn.Module LoadWeights(ModelArchitecture architecture, string path)
    {
        var module = ArchitectureBuilder.BuildForLoading(architecture);
        try
        {
            // strict: every parameter of the architecture must be in the file with its shape, and nothing else.
            module.load(path, strict: true);
            return module;
        }
        catch
        {
            module.Dispose();
            throw;
        }
    }

    // libtorch's messages carry a C++ backtrace after the first lines; the first line says what went wrong.
    internal static string OneLine(string message)
    {
        var lines = message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0 ? message : lines[0];
    }
}
