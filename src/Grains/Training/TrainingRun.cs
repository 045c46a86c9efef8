using AlgoSpace.Grains.Models;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace AlgoSpace.Grains.Training;

/// <summary>
/// What every training routine shares: one thread (libtorch's parallel reductions add in a schedule-dependent
/// order, so more threads can change the last bits of a weight), one seeded generator for everything random, Adam,
/// a fixed number of epochs over seeded shuffles, and <see cref="ModelWriter"/> for the result.
/// </summary>
internal static class TrainingRun
{
    public const string ManifestFileName = "manifest.json";

    public static Generator Start(TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Epochs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1);
        torch.set_num_threads(1);
        return new Generator((ulong)options.Seed);
    }

    /// <summary>Runs <paramref name="lossOf"/> on shuffled minibatches (a tensor of sample indices) and steps Adam on its result.</summary>
    public static void Fit(int count, TrainingOptions options, Generator generator, IEnumerable<Parameter> parameters, Func<Tensor, Tensor> lossOf)
    {
        using var optimizer = optim.Adam(parameters, options.LearningRate);
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            using var epochScope = NewDisposeScope();
            var order = randperm(count, generator: generator);
            for (var start = 0; start < count; start += options.BatchSize)
            {
                using var stepScope = NewDisposeScope();
                var batch = order.narrow(0, start, Math.Min(options.BatchSize, count - start));
                optimizer.zero_grad();
                var loss = lossOf(batch);
                loss.backward();
                optimizer.step();
            }
        }
    }

    /// <summary>The samples <paramref name="indices"/> of a block as a tensor [batch, ..shape].</summary>
    public static Tensor Rows(Tensor all, Tensor indices) => all.index_select(0, indices);

    public static Tensor AsTensor(TrainingBlock block, int count) =>
        tensor(block.Values, [count, .. block.Shape.Select(d => (long)d)]);

    /// <summary>Inverted-dropout masks drawn from <paramref name="generator"/>: 0 with probability p, else 1/(1 − p).</summary>
    public static Tensor DropoutMask(long rows, long width, double p, Generator generator) =>
        rand([rows, width], generator: generator).ge(p).to_type(ScalarType.Float32).mul(1 / (1 - p));

    /// <summary>−Σ target · log softmax, averaged over the batch.</summary>
    public static Tensor SoftCrossEntropy(Tensor logits, Tensor targets) =>
        targets.mul(nn.functional.log_softmax(logits, 1)).sum(1).neg().mean();

    public static ModelManifestEntry Save(Sequential module, ModelSpec spec, string folder, string version)
    {
        module.eval();
        return ModelWriter.SaveTorchSharp(module, spec.Name, Path.Combine(folder, spec.FileName), spec.Architecture, spec.InputShape, spec.OutputShape,
            version, Path.Combine(folder, ManifestFileName));
    }
}
