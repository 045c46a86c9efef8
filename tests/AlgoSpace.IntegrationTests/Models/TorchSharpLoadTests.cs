using TorchSharp;
using static TorchSharp.torch;

namespace AlgoSpace.Tests.Models;

/// <summary>
/// Loads TorchSharp's native libraries and runs real computations, so a libLibTorchSharp.so that cannot be
/// loaded on this machine (see build/torchsharp/fix-glibcxx.sh) fails here rather than in a running silo.
/// </summary>
public sealed class TorchSharpLoadTests
{
    private static nn.Module<Tensor, Tensor> CreateMlp(int seed)
    {
        torch.manual_seed(seed);
        return nn.Sequential(
            ("fc1", nn.Linear(4, 8)),
            ("relu", nn.ReLU()),
            ("fc2", nn.Linear(8, 2)));
    }

    private static Tensor Input() => torch.arange(12, dtype: ScalarType.Float32).reshape(3, 4) / 12f;

    private static float[] Forward(nn.Module<Tensor, Tensor> model)
    {
        using var scope = torch.NewDisposeScope();
        model.eval();
        using var _ = torch.no_grad();
        var output = model.forward(Input());
        Assert.Equal(new long[] { 3, 2 }, output.shape);
        return output.data<float>().ToArray();
    }

    [Fact]
    public void ForwardPass_HasExpectedShape_FiniteValues_AndIsDeterministicForASeed()
    {
        using var first = CreateMlp(seed: 1234);
        using var second = CreateMlp(seed: 1234);
        using var other = CreateMlp(seed: 4321);

        var a = Forward(first);
        var b = Forward(second);
        var c = Forward(other);

        Assert.Equal(6, a.Length);
        Assert.All(a, v => Assert.True(float.IsFinite(v), $"non-finite output {v}"));
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void SaveAndLoad_RoundTripsWeights_ProducingIdenticalOutputs()
    {
        var path = Path.Combine(Path.GetTempPath(), $"algospace-torchsharp-{Guid.NewGuid():N}.dat");
        try
        {
            using var saved = CreateMlp(seed: 7);
            var expected = Forward(saved);
            saved.save(path);

            using var loaded = CreateMlp(seed: 8);
            Assert.NotEqual(expected, Forward(loaded));

            loaded.load(path);
            Assert.Equal(expected, Forward(loaded));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
