using TorchSharp.Modules;
using static TorchSharp.torch;

namespace AlgoSpace.Grains.Models;

/// <summary>
/// Builds the module a <see cref="ModelArchitecture"/> describes. Training and loading both build through here, so
/// the parameter names the weights are saved under (<c>linear0.weight</c>, ...) always match the names they are
/// loaded into.
/// </summary>
public static class ArchitectureBuilder
{
    /// <summary>
    /// A module ready to train with torch's default initialisation, drawn from torch's global generator
    /// (<c>torch.manual_seed</c> makes it repeatable, as long as no other thread draws from it meanwhile).
    /// </summary>
    public static Sequential Build(ModelArchitecture architecture) => Create(architecture, initialise: true);

    /// <summary>
    /// A module ready to train with the same distribution as torch's default initialisation of a linear layer
    /// (uniform in ±1/√fan_in for weights and biases) drawn from <paramref name="generator"/> only: repeatable
    /// whatever other threads do with torch's global generator.
    /// </summary>
    public static Sequential Build(ModelArchitecture architecture, Generator generator)
    {
        ArgumentNullException.ThrowIfNull(generator);
        var module = Create(architecture, initialise: false);
        using var noGrad = no_grad();
        foreach (var (_, child) in module.named_children())
        {
            if (child is not Linear linear) continue;
            var bound = 1.0 / Math.Sqrt(linear.in_features);
            // Tensor.uniform_, not nn.init.uniform_: in TorchSharp 0.107 the latter ignores its generator argument
            // and draws from the global generator, which other threads may be seeding for their own repeatability.
            linear.weight.uniform_(-bound, bound, generator);
            linear.bias!.uniform_(-bound, bound, generator);
        }

        return module;
    }

    /// <summary>
    /// A module whose weights are zeros, to load saved weights into. It draws nothing from torch's global generator:
    /// loading a model must not change the random numbers the rest of the process sees.
    /// </summary>
    internal static Sequential BuildForLoading(ModelArchitecture architecture) => Create(architecture, initialise: false);

    private static Sequential Create(ModelArchitecture architecture, bool initialise)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        if (ManifestEntryRules.CheckArchitecture(architecture) is { } problem) throw new ArgumentException(problem, nameof(architecture));
        if (architecture.Type != ArchitectureType.Mlp) throw new ArgumentException($"architecture type {architecture.Type} has no builder", nameof(architecture));

        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        if (architecture.Flatten) layers.Add(("flatten", nn.Flatten()));
        if (architecture.Pool == PoolMode.Mean) layers.Add(("pool", new MeanOverTime()));
        for (var i = 0; i + 1 < architecture.Layers.Count; i++)
        {
            if (i > 0) layers.Add(($"{Name(architecture.Activation!.Value)}{i - 1}", Activation(architecture.Activation.Value)));
            long inputs = architecture.Layers[i], outputs = architecture.Layers[i + 1];
            layers.Add(($"linear{i}", initialise
                ? nn.Linear(inputs, outputs)
                : nn.Linear(new Parameter(zeros(outputs, inputs)), new Parameter(zeros(outputs)))));
        }

        return nn.Sequential(layers);
    }

    private static string Name(MlpActivation activation) => activation.ToString().ToLowerInvariant();

    private static nn.Module<Tensor, Tensor> Activation(MlpActivation activation) => activation switch
    {
        MlpActivation.Relu => nn.ReLU(),
        MlpActivation.Tanh => nn.Tanh(),
        MlpActivation.Gelu => nn.GELU(),
        _ => throw new ArgumentOutOfRangeException(nameof(activation), activation, "no module for this activation"),
    };
}
