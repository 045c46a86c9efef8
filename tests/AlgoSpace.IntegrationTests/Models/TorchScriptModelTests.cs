using AlgoSpace.Grains.Models;
using static TorchSharp.torch;

namespace AlgoSpace.Tests.Models;

/// <summary>
/// TorchScript models. TorchSharp can load and save a TorchScript module but not create one, so the source is a
/// committed file written by libtorch's C++ API (Fixtures/make-torchscript-fixture.sh); see docs/models.md.
/// </summary>
public sealed class TorchScriptModelTests : IDisposable
{
    private static readonly int[] InputShape = [1, 2, 3];
    private static readonly int[] OutputShape = [1, 2];
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string CopyFixture(string name)
    {
        var path = _folder.File($"{name}.pt");
        File.Copy(TestModels.TorchScriptFixture, path);
        return path;
    }

    private static ModelRegistry Load(string name, string path) => new ModelLoader().Load(new Dictionary<string, string> { [name] = path });

    /// <summary>The fixture's network rebuilt independently in TorchSharp from the closed forms in make_tiny_mlp_torchscript.cpp.</summary>
    private static nn.Module<Tensor, Tensor> SameNetworkInTorchSharp()
    {
        var module = TestModels.Build(new ModelArchitecture(ArchitectureType.Mlp, [6, 4, 2], MlpActivation.Tanh, Flatten: true), seed: 1);
        module.load_state_dict(new Dictionary<string, Tensor>
        {
            ["linear0.weight"] = arange(24, ScalarType.Float32).reshape(4, 6).remainder(11).sub(5).div(10),
            ["linear0.bias"] = tensor(new[] { 0.1f, -0.2f, 0.3f, -0.4f }),
            ["linear1.weight"] = arange(8, ScalarType.Float32).reshape(2, 4).remainder(5).sub(2).div(4),
            ["linear1.bias"] = tensor(new[] { 0.05f, -0.05f }),
        });
        return module;
    }

    [Fact]
    public void A_torchscript_file_written_by_libtorch_loads_and_computes_the_network_it_describes()
    {
        var path = CopyFixture("regime_embedder");
        ModelWriter.AddTorchScript("regime_embedder", path, InputShape, OutputShape, "fixture-1");

        using var registry = Load("regime_embedder", path);
        using var reference = SameNetworkInTorchSharp();

        Assert.True(registry.TryGet("regime_embedder", out var model), registry.All[0].Reason);
        Assert.Equal(ModelFormat.TorchScript, model.Format);
        Assert.Equal("fixture-1", model.Version);
        // The value make_tiny_mlp_torchscript printed when it wrote the file.
        Assert.Equal([0.3516f, -0.6904f], model.Forward([1, 1, 1, 1, 1, 1]), (a, b) => Math.Abs(a - b) < 1e-4f);
        for (var seed = 0; seed < 5; seed++)
        {
            var input = TestModels.Input(seed, 6);
            Assert.Equal(TestModels.Output(reference, input, InputShape), model.Forward(input), (a, b) => Math.Abs(a - b) <= 1e-6f);
        }
    }

    [Fact]
    public void A_torchscript_module_saved_again_by_torchsharp_loads_with_the_same_outputs()
    {
        var original = CopyFixture("original");
        var resaved = _folder.File("resaved.pt");
        using (var script = jit.load(TestModels.TorchScriptFixture))
        {
            jit.save(script, resaved);
        }

        ModelWriter.AddTorchScript("original", original, InputShape, OutputShape, "fixture-1");
        ModelWriter.AddTorchScript("resaved", resaved, InputShape, OutputShape, "fixture-1-resaved");
        using var registry = new ModelLoader().Load(new Dictionary<string, string> { ["original"] = original, ["resaved"] = resaved });

        Assert.All(registry.All, m => Assert.True(m.IsLoaded, m.Reason));
        Assert.NotEqual(registry.All[0].Sha256, registry.All[1].Sha256);
        var input = TestModels.Input(7, 6);
        Assert.Equal(registry.All[0].Forward(input), registry.All[1].Forward(input));
    }

    [Fact]
    public void A_corrupt_torchscript_file_with_a_matching_checksum_is_degraded_with_the_load_error()
    {
        var path = CopyFixture("decision_gate");
        ModelWriter.AddTorchScript("decision_gate", path, InputShape, OutputShape, "fixture-1");
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        // Record the corrupt file's checksum, so the load itself is what fails.
        TestModels.EditManifest(_folder, m => TestModels.Entry(m, "decision_gate")["sha256"] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path))));

        using var registry = Load("decision_gate", path);

        var model = Assert.Single(registry.All);
        Assert.Equal(ModelStatus.Degraded, model.Status);
        Assert.StartsWith($"model 'decision_gate' ({path}): the file does not load as torchscript: ", model.Reason);
        Assert.Equal(ModelFormat.TorchScript, model.Format);
    }

    [Fact]
    public void A_torchsharp_weights_file_declared_as_torchscript_is_degraded()
    {
        var path = TestModels.Write(_folder, "lvn_embedder", seed: 41);
        TestModels.EditManifest(_folder, m =>
        {
            TestModels.Entry(m, "lvn_embedder")["format"] = "torchscript";
            TestModels.Entry(m, "lvn_embedder").Remove("architecture");
        });

        using var registry = Load("lvn_embedder", path);

        Assert.StartsWith($"model 'lvn_embedder' ({path}): the file does not load as torchscript: ", Assert.Single(registry.All).Reason);
    }

    [Fact]
    public void The_writer_refuses_to_register_a_torchscript_file_that_does_not_load()
    {
        var path = _folder.File("tactical_embedder.pt");
        File.WriteAllBytes(path, [1, 2, 3, 4]);

        var error = Assert.Throws<InvalidOperationException>(() => ModelWriter.AddTorchScript("tactical_embedder", path, InputShape, OutputShape, "1"));

        Assert.Contains("would not load: the file does not load as torchscript", error.Message);
        Assert.False(File.Exists(TestModels.Manifest(_folder)));
    }
}
