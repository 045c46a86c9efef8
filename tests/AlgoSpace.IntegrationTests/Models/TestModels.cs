using System.Text.Json.Nodes;
using AlgoSpace.Grains.Models;
using static TorchSharp.torch;

namespace AlgoSpace.Tests.Models;

/// <summary>Real models for the model loader tests, written with <see cref="ModelWriter"/> into a temp folder.</summary>
public static class TestModels
{
    /// <summary>The structure embedder's input (48 bars × 8 features) to an 8-wide embedding.</summary>
    public static ModelArchitecture Architecture { get; } = new(ArchitectureType.Mlp, [384, 64, 8], MlpActivation.Relu, Flatten: true);

    public static int[] InputShape { get; } = [1, 48, 8];

    public static int[] OutputShape { get; } = [1, 8];

    /// <summary>The committed TorchScript file (see Fixtures/make-torchscript-fixture.sh).</summary>
    public static string TorchScriptFixture { get; } =
        RepositoryRoot.File("tests", "AlgoSpace.IntegrationTests", "Models", "Fixtures", "tiny_mlp.torchscript.pt");

    /// <summary>
    /// Writes model <paramref name="name"/> as <c>name.pt</c> with its entry in the folder's manifest. Weights come
    /// from a generator seeded with <paramref name="seed"/>, never from torch's global generator, which other test
    /// classes seed and draw from in parallel.
    /// </summary>
    public static string Write(TempFolder folder, string name, int seed, ModelArchitecture? architecture = null, int[]? inputShape = null, int[]? outputShape = null)
    {
        using var module = Build(architecture ?? Architecture, seed);
        return Save(folder, name, module, seed, architecture, inputShape, outputShape);
    }

    public static nn.Module<Tensor, Tensor> Build(ModelArchitecture architecture, int seed)
    {
        using var generator = new Generator((ulong)seed);
        return ArchitectureBuilder.Build(architecture, generator);
    }

    public static string Save(TempFolder folder, string name, nn.Module<Tensor, Tensor> module, int seed, ModelArchitecture? architecture = null, int[]? inputShape = null, int[]? outputShape = null)
    {
        var path = folder.File($"{name}.pt");
        ModelWriter.SaveTorchSharp(module, name, path, architecture ?? Architecture, inputShape ?? InputShape, outputShape ?? OutputShape, version: $"1.0.{seed}");
        return path;
    }

    /// <summary>The module's own output for one input laid out in <paramref name="shape"/>: what the loaded model must return.</summary>
    public static float[] Output(nn.Module<Tensor, Tensor> module, float[] input, int[] shape)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        module.eval();
        return module.call(tensor(input, shape.Select(d => (long)d).ToArray())).contiguous().data<float>().ToArray();
    }

    /// <summary>Values in [-1, 1) from a seeded System.Random: inputs are repeatable and torch's generator is untouched.</summary>
    public static float[] Input(int seed, int length)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, length).Select(_ => random.NextSingle() * 2 - 1).ToArray();
    }

    public static string Manifest(TempFolder folder) => folder.File(ModelManifestReader.DefaultFileName);

    /// <summary>Changes the manifest beside the models the way a person editing it would.</summary>
    public static void EditManifest(TempFolder folder, Action<JsonObject> edit)
    {
        var root = JsonNode.Parse(File.ReadAllText(Manifest(folder)))!.AsObject();
        edit(root);
        File.WriteAllText(Manifest(folder), root.ToJsonString());
    }

    public static JsonObject Entry(JsonObject manifest, string name) => manifest["models"]![name]!.AsObject();
}
