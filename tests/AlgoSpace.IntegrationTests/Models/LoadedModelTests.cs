using AlgoSpace.Grains.Models;
using static TorchSharp.torch;

namespace AlgoSpace.Tests.Models;

/// <summary>The forward pass components call on a loaded model: thread safety, the tensor form, and misuse.</summary>
public sealed class LoadedModelTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private ModelRegistry LoadOne(string name, int seed) =>
        new ModelLoader().Load(new Dictionary<string, string> { [name] = TestModels.Write(_folder, name, seed) });

    [Fact]
    public void Forward_passes_from_eight_threads_at_once_give_the_sequential_results()
    {
        using var registry = LoadOne("shared_policy", seed: 21);
        Assert.True(registry.TryGet("shared_policy", out var model));
        var inputs = Enumerable.Range(0, 64).Select(i => TestModels.Input(100 + i, 384)).ToArray();
        var sequential = inputs.Select(model.Forward).ToArray();
        Assert.Equal(64, sequential.Select(o => string.Join(",", o)).Distinct().Count());

        const int threadCount = 8, rounds = 5;
        var results = new float[threadCount][][];
        var failures = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
        using var start = new Barrier(threadCount);
        var threads = Enumerable.Range(0, threadCount).Select(t => new Thread(() =>
        {
            try
            {
                start.SignalAndWait();
                results[t] = new float[inputs.Length][];
                // Each thread walks the inputs from a different place, so different inputs are in flight together.
                for (var round = 0; round < rounds; round++)
                {
                    for (var k = 0; k < inputs.Length; k++)
                    {
                        var i = (k + t * 8) % inputs.Length;
                        var output = model.Forward(inputs[i]);
                        if (round > 0 && !output.SequenceEqual(results[t][i])) throw new InvalidOperationException($"thread {t}: input {i} changed between rounds");
                        results[t][i] = output;
                    }
                }
            }
            catch (Exception ex)
            {
                failures.Enqueue(ex);
            }
        })).ToArray();
        foreach (var thread in threads) thread.Start();
        foreach (var thread in threads) thread.Join();

        Assert.Empty(failures);
        for (var t = 0; t < threadCount; t++)
        {
            for (var i = 0; i < inputs.Length; i++) Assert.Equal(sequential[i], results[t][i]);
        }
    }

    [Fact]
    public void The_tensor_forward_takes_a_batch_and_matches_the_array_forward_row_by_row()
    {
        using var registry = LoadOne("rde", seed: 22);
        Assert.True(registry.TryGet("rde", out var model));
        var rows = Enumerable.Range(0, 3).Select(i => TestModels.Input(200 + i, 384)).ToArray();

        using var batch = tensor(rows.SelectMany(r => r).ToArray(), [3L, 48, 8]);
        using var output = model.Forward(batch);

        Assert.Equal([3L, 8], output.shape);
        var values = output.data<float>().ToArray();
        for (var r = 0; r < rows.Length; r++)
        {
            var expected = model.Forward(rows[r]);
            var actual = values.AsSpan(r * 8, 8).ToArray();
            Assert.Equal(expected, actual, (a, b) => Math.Abs(a - b) <= 1e-5f);
        }
    }

    [Fact]
    public void An_input_of_the_wrong_length_is_refused_with_the_expected_shape()
    {
        using var registry = LoadOne("rde", seed: 23);
        Assert.True(registry.TryGet("rde", out var model));

        var error = Assert.Throws<ArgumentException>(() => model.Forward(new float[383]));

        Assert.StartsWith("model 'rde' takes 384 values (input_shape [1, 48, 8]), got 383", error.Message);
    }

    [Fact]
    public void A_degraded_model_refuses_forward_passes_with_its_reason()
    {
        using var registry = new ModelLoader().Load(new Dictionary<string, string> { ["rde"] = _folder.File("absent.pt") });

        Assert.False(registry.TryGet("rde", out var model));
        Assert.NotNull(model);
        var error = Assert.Throws<InvalidOperationException>(() => model.Forward(new float[384]));
        Assert.Equal($"model 'rde' is degraded: {model.Reason}", error.Message);
        Assert.False(registry.TryGet("never_configured", out var unknown));
        Assert.Null(unknown);
    }

    [Fact]
    public void Settings_keys_become_model_names_without_the_path_suffix()
    {
        var settings = new AlgoSpace.Grains.Interfaces.Configuration.AlgoSpaceSettings { Models = { ["rde_path"] = "/m/rde.pt", ["lvn_embedder_path"] = "/m/lvn.pt" } };

        var source = ModelSource.FromSettings(settings, "/m/manifest.json");

        Assert.Equal(new Dictionary<string, string> { ["rde"] = "/m/rde.pt", ["lvn_embedder"] = "/m/lvn.pt" }, source.Models);
        Assert.Equal("/m/manifest.json", source.ManifestPath);
    }
}
