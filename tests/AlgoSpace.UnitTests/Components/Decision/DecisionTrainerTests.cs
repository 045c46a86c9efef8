using System.Security.Cryptography;
using AlgoSpace.Grains.Models;
using AlgoSpace.Grains.Training;

namespace AlgoSpace.Tests.Components.Decision;

public class DecisionTrainerTests
{
    private const int Count = 12;

    [Fact]
    public void Training_twice_with_the_same_seed_writes_byte_identical_models_that_the_loader_accepts()
    {
        using var first = new DecisionModelFolder();
        using var second = new DecisionModelFolder();
        using var otherSeed = new DecisionModelFolder();
        TrainAll(first.Path, seed: 7);
        TrainAll(second.Path, seed: 7);
        TrainAll(otherSeed.Path, seed: 8);

        var names = new[] { "rde", "structure_embedder", "tactical_embedder", "regime_embedder", "lvn_embedder", "shared_policy", "decision_gate", "mrms" };
        foreach (var name in names)
        {
            Assert.Equal(Hash(first.Path, name), Hash(second.Path, name));
            Assert.NotEqual(Hash(first.Path, name), Hash(otherSeed.Path, name));
        }

        Assert.Equal(File.ReadAllBytes(first.Manifest), File.ReadAllBytes(second.Manifest));
        var models = first.Load();
        Assert.Equal(names.Order(), models.Keys.Order());
        Assert.Equal(ArchitectureType.Mlp, models["rde"].Architecture!.Type);
        Assert.Equal(PoolMode.Mean, models["rde"].Architecture!.Pool);
        Assert.Contains("\"pool\": \"mean\"", File.ReadAllText(first.Manifest));
    }

    [Fact]
    public void The_biased_bootstrap_makes_the_gate_execute_winners_and_losers_alike()
    {
        using var folder = new DecisionModelFolder();
        var random = new Random(5);
        var set = new TrainingSet(Count, [Block("state", random, 144)], Labels(Count), 1);
        DecisionTrainer.TrainGate(set, new TrainingOptions(Seed: 3, Epochs: 150, LearningRate: 0.01, BatchSize: 4), folder.Path);
        var gate = folder.Load()["decision_gate"];

        // Targets p(EXECUTE) 0.9 (winners) and 0.7 (losers): every sample should end above the 0.5 threshold.
        for (var i = 0; i < Count; i++)
        {
            var logits = gate.Forward(set.Inputs[0].Values.AsSpan(i * 144, 144).ToArray());
            var execute = 1 / (1 + Math.Exp(logits[1] - logits[0]));
            Assert.InRange(execute, 0.6, 0.97);
        }
    }

    [Fact]
    public void A_set_without_a_block_the_routine_needs_is_refused_by_name()
    {
        using var folder = new DecisionModelFolder();
        var set = new TrainingSet(Count, [Block("state", new Random(1), 144)], Labels(Count), 1);
        var error = Assert.Throws<ArgumentException>(() => DecisionTrainer.TrainPolicy(set, new TrainingOptions(1, Epochs: 1), folder.Path));
        Assert.Contains("no input block 'structure'", error.Message);
    }

    private static void TrainAll(string folder, int seed)
    {
        var options = new TrainingOptions(seed, Epochs: 3, BatchSize: 5);
        var random = new Random(99);
        DecisionTrainer.TrainRde(new TrainingSet(Count, [Block("regime", random, 96, 26)], [], 0), options, folder);
        DecisionTrainer.TrainPolicy(new TrainingSet(Count,
            [Block("structure", random, 48, 8), Block("tactical", random, 60, 7), Block("regime", random, 8), Block("lvn", random, 5)],
            Labels(Count), 1), options, folder);
        DecisionTrainer.TrainGate(new TrainingSet(Count, [Block("state", random, 144)], Labels(Count), 1), options, folder);
        var mrmsLabels = Enumerable.Range(0, Count).SelectMany(i => new[] { i % 6, 0.5f + (0.2f * (i % 5)), 1 + (0.3f * (i % 7)) }).ToArray();
        DecisionTrainer.TrainMrms(new TrainingSet(Count, [Block("input", random, 40)], mrmsLabels, 3), options, folder);
    }

    private static TrainingBlock Block(string name, Random random, params int[] shape)
    {
        var length = Count * shape.Aggregate(1, (a, d) => a * d);
        return new TrainingBlock(name, shape, Enumerable.Range(0, length).Select(_ => (random.NextSingle() * 2) - 1).ToArray());
    }

    private static float[] Labels(int count) => Enumerable.Range(0, count).Select(i => i % 3 == 0 ? 0f : 1f).ToArray();

    private static string Hash(string folder, string name) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Path.Combine(folder, name + ".pt"))));
}
