using System.Security.Cryptography;
using System.Text.Json.Nodes;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AlgoSpace.Tests.Models;

/// <summary>
/// The model loader against real TorchSharp models written by <see cref="ModelWriter"/>: what loads, and every way a
/// model ends up degraded instead of throwing.
/// </summary>
public sealed class ModelLoaderTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly RecordingLogger<ModelLoader> _log = new();

    public void Dispose() => _folder.Dispose();

    private ModelRegistry Load(params (string Name, string Path)[] models) =>
        new ModelLoader(_log).Load(models.ToDictionary(m => m.Name, m => m.Path));

    private static LoadedModel Single(ModelRegistry registry) => Assert.Single(registry.All);

    [Theory]
    [InlineData(MlpActivation.Relu, true)]
    [InlineData(MlpActivation.Tanh, true)]
    [InlineData(MlpActivation.Gelu, true)]
    [InlineData(MlpActivation.Gelu, false)]
    public void A_written_model_loads_and_its_forward_pass_equals_the_modules_own_output(MlpActivation activation, bool flatten)
    {
        // Without flatten the linear layers act on the last dimension: [1, 48, 8] -> [1, 48, 4].
        var architecture = new ModelArchitecture(ArchitectureType.Mlp, flatten ? [384, 32, 16, 4] : [8, 16, 4], activation, flatten);
        int[] output = flatten ? [1, 4] : [1, 48, 4];
        using var module = TestModels.Build(architecture, seed: 11);
        var path = TestModels.Save(_folder, "structure_embedder", module, seed: 11, architecture, TestModels.InputShape, output);
        var inputs = Enumerable.Range(0, 5).Select(i => TestModels.Input(i, 384)).ToArray();
        var expected = inputs.Select(input => TestModels.Output(module, input, TestModels.InputShape)).ToArray();

        using var registry = Load(("structure_embedder", path));

        Assert.True(registry.TryGet("structure_embedder", out var model), Single(registry).Reason);
        Assert.Equal(ModelStatus.Loaded, model.Status);
        Assert.Null(model.Reason);
        Assert.Equal(ModelFormat.TorchSharp, model.Format);
        Assert.Equal("1.0.11", model.Version);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))), model.Sha256);
        Assert.Equal(TestModels.InputShape, model.InputShape);
        Assert.Equal(output, model.OutputShape);
        Assert.Equal(path, model.Path);
        Assert.True(model.LoadTime > TimeSpan.Zero);
        for (var i = 0; i < inputs.Length; i++)
        {
            var actual = model.Forward(inputs[i]);
            Assert.Equal(expected[i].Length, actual.Length);
            Assert.Equal(expected[i], actual);
        }

        // Different inputs give different outputs: the comparison above is not between two constant vectors.
        Assert.NotEqual(expected[0], expected[1]);
    }

    [Fact]
    public void A_file_that_differs_by_one_byte_from_its_manifest_checksum_is_degraded_naming_sha256()
    {
        var path = TestModels.Write(_folder, "rde", seed: 1);
        var recorded = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
        var bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0x01;
        File.WriteAllBytes(path, bytes);
        var actual = Convert.ToHexStringLower(SHA256.HashData(bytes));

        using var registry = Load(("rde", path));

        var model = Single(registry);
        Assert.Equal(ModelStatus.Degraded, model.Status);
        Assert.False(registry.TryGet("rde", out _));
        Assert.Contains("model 'rde'", model.Reason);
        Assert.Contains(path, model.Reason);
        Assert.Contains("sha256 mismatch", model.Reason);
        Assert.Contains(actual, model.Reason);
        Assert.Contains(recorded, model.Reason);
        Assert.Equal(actual, model.Sha256);
    }

    [Fact]
    public void A_missing_model_file_is_degraded_and_the_other_models_still_load()
    {
        var present = TestModels.Write(_folder, "mrms", seed: 2);
        var missing = _folder.File("rde.pt");

        using var registry = Load(("rde", missing), ("mrms", present));

        Assert.Equal(["mrms", "rde"], registry.All.Select(m => m.Name));
        Assert.True(registry.TryGet("mrms", out _));
        Assert.False(registry.TryGet("rde", out var degraded));
        Assert.NotNull(degraded);
        Assert.Equal($"model 'rde' ({missing}): the model file does not exist", degraded.Reason);
        Assert.Null(degraded.Sha256);
    }

    [Fact]
    public void A_model_the_manifest_has_no_entry_for_is_degraded()
    {
        var path = TestModels.Write(_folder, "rde", seed: 3);
        TestModels.Write(_folder, "mrms", seed: 4);
        TestModels.EditManifest(_folder, m => m["models"]!.AsObject().Remove("rde"));

        using var registry = Load(("rde", path));

        var model = Single(registry);
        Assert.Equal(ModelStatus.Degraded, model.Status);
        Assert.Equal($"model 'rde' ({path}): manifest {TestModels.Manifest(_folder)} has no entry for 'rde'", model.Reason);
    }

    [Fact]
    public void A_wrong_output_shape_in_the_manifest_is_degraded_naming_expected_and_actual_shapes()
    {
        var path = TestModels.Write(_folder, "rde", seed: 5);
        TestModels.EditManifest(_folder, m => TestModels.Entry(m, "rde")["output_shape"] = new JsonArray(1, 3));

        using var registry = Load(("rde", path));

        var model = Single(registry);
        Assert.Equal(ModelStatus.Degraded, model.Status);
        Assert.Contains($"model 'rde' ({path})", model.Reason);
        Assert.Contains("output shape mismatch", model.Reason);
        Assert.Contains("expects output_shape [1, 3]", model.Reason);
        Assert.Contains("returned [1, 8]", model.Reason);
    }

    [Fact]
    public void An_input_shape_the_model_cannot_take_is_degraded_by_the_verification_forward_pass()
    {
        var path = TestModels.Write(_folder, "rde", seed: 6);
        TestModels.EditManifest(_folder, m => TestModels.Entry(m, "rde")["input_shape"] = new JsonArray(1, 40, 8));

        using var registry = Load(("rde", path));

        var reason = Single(registry).Reason;
        Assert.Contains($"model 'rde' ({path})", reason);
        Assert.Contains("the verification forward pass on zeros of input_shape [1, 40, 8] failed", reason);
    }

    [Fact]
    public void An_architecture_that_does_not_match_the_saved_weights_is_degraded()
    {
        var path = TestModels.Write(_folder, "rde", seed: 7);
        TestModels.EditManifest(_folder, m => TestModels.Entry(m, "rde")["architecture"]!["layers"] = new JsonArray(384, 32, 8));

        using var registry = Load(("rde", path));

        var reason = Single(registry).Reason;
        Assert.Contains($"model 'rde' ({path})", reason);
        Assert.Contains("the file does not load as torchsharp", reason);
    }

    [Theory]
    [InlineData("{ \"models\": { \"rde\": { \"file\": \"rde.pt\", ", "the manifest is not valid JSON at line 1, column 42: Expected start of a property name or value, but instead reached end of data.")]
    [InlineData("{ \"models\": { \"rde\": { } } } trailing", "the manifest is not valid JSON at line 1, column 30: 't' is invalid after a single JSON value. Expected end of data.")]
    [InlineData("{ \"models\": {}, \"models\": {} }", "the manifest is not valid JSON: Duplicate property 'models'")]
    [InlineData("{ \"models\": { \"rde\": { \"file\": \"a\", \"file\": \"b\" } } }", "the manifest is not valid JSON: Duplicate property 'file'")]
    [InlineData("[]", "expected an object with the key \"models\" at the top level, found []")]
    [InlineData("{ \"model\": {} }", "unknown top-level key 'model'; the only key is \"models\"")]
    [InlineData("{ \"models\": [] }", "expected \"models\" to be an object of model name to entry")]
    public void A_malformed_manifest_degrades_every_model_with_the_reason_and_throws_nothing(string manifest, string expected)
    {
        var rde = TestModels.Write(_folder, "rde", seed: 8);
        var mrms = TestModels.Write(_folder, "mrms", seed: 9);
        File.WriteAllText(TestModels.Manifest(_folder), manifest);

        using var registry = Load(("rde", rde), ("mrms", mrms));

        Assert.Equal(2, registry.All.Count);
        Assert.All(registry.All, model =>
        {
            Assert.Equal(ModelStatus.Degraded, model.Status);
            Assert.StartsWith($"model '{model.Name}' ({model.Path}): manifest {TestModels.Manifest(_folder)} is unusable: ", model.Reason);
            Assert.Contains(expected, model.Reason);
        });
    }

    [Fact]
    public void Unusable_paths_and_an_input_too_large_to_allocate_are_degraded_not_thrown()
    {
        var path = TestModels.Write(_folder, "rde", seed: 18);
        TestModels.EditManifest(_folder, m => TestModels.Entry(m, "rde")["input_shape"] = new JsonArray(100_000, 100_000, 100_000));

        using var registry = Load(("rde", path), ("mrms", ""), ("lvn_embedder", "bad\0path.pt"));

        Assert.All(registry.All, model => Assert.Equal(ModelStatus.Degraded, model.Status));
        Assert.Equal("model 'mrms' ((no path)): the model file does not exist", registry.All.Single(m => m.Name == "mrms").Reason);
        Assert.Contains("the model file does not exist", registry.All.Single(m => m.Name == "lvn_embedder").Reason);
        Assert.Contains("the verification forward pass on zeros of input_shape [100000, 100000, 100000] failed", registry.All.Single(m => m.Name == "rde").Reason);
    }

    [Fact]
    public void A_missing_manifest_degrades_the_models_that_need_it()
    {
        var path = TestModels.Write(_folder, "rde", seed: 10);
        File.Delete(TestModels.Manifest(_folder));

        using var registry = Load(("rde", path));

        Assert.Equal($"model 'rde' ({path}): manifest {TestModels.Manifest(_folder)} is unusable: the manifest does not exist", Single(registry).Reason);
    }

    [Fact]
    public void An_entry_describing_another_file_is_degraded()
    {
        var path = TestModels.Write(_folder, "rde", seed: 12);
        File.Copy(path, _folder.File("rde_v2.pt"));
        TestModels.EditManifest(_folder, m => TestModels.Entry(m, "rde")["file"] = "rde_v2.pt");

        using var registry = Load(("rde", path));

        Assert.Equal($"model 'rde' ({path}): manifest {TestModels.Manifest(_folder)}, entry 'rde', describes {_folder.File("rde_v2.pt")}, not this file",
            Single(registry).Reason);
    }

    [Fact]
    public void An_explicit_manifest_path_is_used_instead_of_the_one_beside_the_models()
    {
        var path = TestModels.Write(_folder, "rde", seed: 13);
        var elsewhere = Directory.CreateDirectory(_folder.File("release")).FullName;
        var manifest = Path.Combine(elsewhere, "models.json");
        TestModels.EditManifest(_folder, m => TestModels.Entry(m, "rde")["file"] = "../rde.pt");
        File.Move(TestModels.Manifest(_folder), manifest);

        using var byDefault = new ModelLoader().Load(new Dictionary<string, string> { ["rde"] = path });
        using var explicitly = new ModelLoader().Load(new Dictionary<string, string> { ["rde"] = path }, manifest);

        Assert.Contains("the manifest does not exist", Single(byDefault).Reason);
        Assert.True(explicitly.TryGet("rde", out _), Single(explicitly).Reason);
    }

    [Fact]
    public void Each_model_is_logged_once_with_its_version_format_and_checksum_and_then_a_summary()
    {
        var rde = TestModels.Write(_folder, "rde", seed: 14);
        var missing = _folder.File("mrms.pt");

        using var registry = Load(("rde", rde), ("mrms", missing));

        var sha = registry.All.Single(m => m.Name == "rde").Sha256!;
        var lines = _log.Lines;
        Assert.Equal(3, lines.Count);
        Assert.Equal((LogLevel.Warning, $"Model mrms degraded: model 'mrms' ({missing}): the model file does not exist"), lines[0]);
        Assert.Equal(LogLevel.Information, lines[1].Level);
        Assert.Matches($@"^Model rde loaded: version 1\.0\.14, torchsharp, sha256 {sha[..12]}, \d+ ms$", lines[1].Message);
        Assert.Equal(LogLevel.Warning, lines[2].Level);
        Assert.Matches(@"^Models: 1 of 2 loaded in \d+ ms; degraded: mrms; ", lines[2].Message);
    }

    [Fact]
    public void Building_writing_and_loading_draw_nothing_from_torchs_global_generator()
    {
        // Other test classes seed and draw from the global generator in parallel, so one attempt can see its state
        // move through no fault of the code under test; code that draws itself moves it on every attempt.
        var attempts = new List<string>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var folder = new TempFolder();
            var before = GlobalGeneratorState();
            var path = TestModels.Write(folder, "rde", seed: 17 + attempt);
            using (var registry = new ModelLoader().Load(new Dictionary<string, string> { ["rde"] = path }))
            {
                Assert.True(registry.TryGet("rde", out var model), registry.All[0].Reason);
                model.Forward(TestModels.Input(attempt, 384));
            }

            if (GlobalGeneratorState() == before) return;
            attempts.Add($"attempt {attempt}: the global generator's state changed");
        }

        Assert.Fail(string.Join("; ", attempts));
    }

    private static string GlobalGeneratorState()
    {
        using var state = TorchSharp.torch.get_rng_state();
        return Convert.ToHexString(state.data<byte>().ToArray());
    }

    [Fact]
    public void The_silo_registration_loads_each_model_once_however_many_grains_ask_at_once()
    {
        var rde = TestModels.Write(_folder, "rde", seed: 15);
        var mrms = TestModels.Write(_folder, "mrms", seed: 16);
        var settings = new AlgoSpaceSettings { Models = { ["rde_path"] = rde, ["mrms_path"] = mrms } };
        var sourceCalls = 0;
        var services = new ServiceCollection()
            .AddSingleton<ILogger<ModelLoader>>(_log)
            .AddAlgoSpaceModels(_ =>
            {
                Interlocked.Increment(ref sourceCalls);
                return ModelSource.FromSettings(settings);
            });

        IModelRegistry[] seen;
        LoadedModel model;
        using (var provider = services.BuildServiceProvider())
        {
            using var start = new Barrier(8);
            seen = new IModelRegistry[8];
            var threads = Enumerable.Range(0, 8).Select(i => new Thread(() =>
            {
                start.SignalAndWait();
                seen[i] = provider.GetRequiredService<IModelRegistry>();
            })).ToArray();
            foreach (var thread in threads) thread.Start();
            foreach (var thread in threads) thread.Join();

            Assert.All(seen, registry => Assert.Same(seen[0], registry));
            Assert.Equal(1, sourceCalls);
            Assert.Equal(2, provider.GetRequiredService<ModelLoader>().LoadCount);
            Assert.Equal(2, _log.Lines.Count(l => l.Message.Contains(" loaded: version ")));
            Assert.Equal(["mrms", "rde"], seen[0].All.Select(m => m.Name));
            Assert.True(seen[0].TryGet("rde", out model!));
            Assert.Equal(8, model.Forward(TestModels.Input(1, 384)).Length);
        }

        // The container owns the registry: disposing it at silo shutdown frees the native modules.
        Assert.Throws<ObjectDisposedException>(() => model.Forward(TestModels.Input(1, 384)));
    }
}
