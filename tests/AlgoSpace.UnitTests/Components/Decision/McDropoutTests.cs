using AlgoSpace.Grains.Components.Decision.Marl;
using AlgoSpace.Grains.Models;
using AlgoSpace.Grains.Training;

namespace AlgoSpace.Tests.Components.Decision;

public sealed class McDropoutTests : IDisposable
{
    private readonly DecisionModelFolder _folder = new();

    private static readonly float[] U = Enumerable.Range(0, 136).Select(i => (float)Math.Sin(i)).ToArray();

    public void Dispose() => _folder.Dispose();

    private LoadedModel SeededPolicy()
    {
        _folder.WriteSeeded(DecisionArchitectures.SharedPolicy, 11);
        return _folder.Load()["shared_policy"];
    }

    [Fact]
    public void The_same_seed_and_synergy_give_the_same_mean_and_spread()
    {
        var policy = SeededPolicy();
        var a = McDropoutPolicy.Run(policy, U, 50, 1.0, 42, 1500);
        var b = McDropoutPolicy.Run(policy, U, 50, 1.0, 42, 1500);
        Assert.Equal(a.Mean, b.Mean);
        Assert.Equal(a.Std, b.Std);
        Assert.True(a.Std[0] > 0, "dropout should spread the passes");
        Assert.Equal(1, a.Mean[0] + a.Mean[1], 9);
    }

    [Fact]
    public void Another_run_seed_or_synergy_draws_other_masks()
    {
        var policy = SeededPolicy();
        var baseline = McDropoutPolicy.Run(policy, U, 50, 1.0, 42, 1500);
        Assert.NotEqual(baseline.Mean[0], McDropoutPolicy.Run(policy, U, 50, 1.0, 43, 1500).Mean[0]);
        Assert.NotEqual(baseline.Mean[0], McDropoutPolicy.Run(policy, U, 50, 1.0, 42, 1501).Mean[0]);
    }

    [Fact]
    public void About_a_fifth_of_the_units_are_dropped_and_the_rest_scaled_up()
    {
        var mask = McDropoutPolicy.Masks([64], 50, 42, 1500).Single();
        Assert.Equal(3200, mask.Length);
        Assert.All(mask, m => Assert.True(m == 0 || m == 1.25f));
        var dropped = mask.Count(m => m == 0) / 3200.0;
        Assert.InRange(dropped, 0.17, 0.23);
    }

    [Fact]
    public void A_policy_with_constant_logits_has_the_softmax_mean_and_no_spread()
    {
        // All weights 0 and output bias [1, 0]: every pass gives softmax = [e/(e+1), 1/(e+1)] = [0.731059, 0.268941].
        _folder.WriteFixed(DecisionArchitectures.SharedPolicy, new Dictionary<string, float[]> { ["linear1.bias"] = [1, 0] });
        var result = McDropoutPolicy.Run(_folder.Load()["shared_policy"], U, 50, 1.0, 42, 1500);
        Assert.Equal(0.731059, result.Mean[0], 6);
        Assert.Equal(0, result.Std[0], 9);
        Assert.True(result.Qualifies(0.65));
        Assert.False(result.Qualifies(0.75));
    }

    [Fact]
    public void Masks_of_ones_give_the_plain_forward_pass()
    {
        var policy = SeededPolicy();
        var plain = policy.Forward(U);
        var masked = policy.ForwardWithHiddenMasks([.. U, .. U], 2, [Enumerable.Repeat(1f, 128).ToArray()]);
        // Equal up to float rounding: a batch of two may add in another order than a batch of one.
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(plain[i], masked[i], 5);
            Assert.Equal(plain[i], masked[2 + i], 5);
        }
    }
}
