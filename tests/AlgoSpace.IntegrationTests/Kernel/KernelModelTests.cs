using AlgoSpace.Grains.Interfaces.Kernel;
using AlgoSpace.Grains.Models;
using static TorchSharp.torch;

namespace AlgoSpace.Tests.Kernel;

/// <summary>Models on a real cluster: loaded once per silo, assigned by the kernel, versions recorded, missing ones degrade.</summary>
public sealed class KernelModelTests
{
    [Fact]
    public async Task The_kernel_hands_out_loaded_models_records_their_versions_and_degrades_for_missing_ones()
    {
        var root = Directory.CreateTempSubdirectory("algospace-models-").FullName;
        var architecture = new ModelArchitecture(ArchitectureType.Mlp, [4, 3], MlpActivation.Relu, Flatten: false);
        using (var generator = new Generator(7))
        using (var module = ArchitectureBuilder.Build(architecture, generator))
        {
            ModelWriter.SaveTorchSharp(module, "test_model", Path.Combine(root, "models", "test_model.pt"), architecture, [1, 4], [1, 3], version: "2.1.0");
        }

        var yaml = KernelYaml.System(sourceParameters: "count: \"3\", complete: \"false\"")
            .Replace("models: {}", "models:\n  test_model_path: ../models/test_model.pt\n  other_model_path: ../models/other_model.pt", StringComparison.Ordinal)
            .Replace("components:\n", """
                components:
                  - name: model_user
                    type: test_model_user
                    subscribes: [TEST_NUMBER]

                """, StringComparison.Ordinal);
        await using var system = await TestSystem.StartAsync(yaml, root: root);

        var status = await system.WaitForAsync(TimeSpan.FromSeconds(30), SystemState.Degraded);

        var user = Assert.Single(status.Components, c => c.Name == "model_user");
        Assert.Equal(ComponentState.Degraded, user.State);
        Assert.Contains("model 'other_model' unavailable", user.Reason, StringComparison.Ordinal);
        var loaded = Assert.Single(user.Models, m => m.Name == "test_model");
        Assert.True(loaded.Available);
        Assert.Equal("2.1.0", loaded.Version);
        Assert.Equal(64, loaded.Sha256!.Length);
        var missing = Assert.Single(user.Models, m => m.Name == "other_model");
        Assert.False(missing.Available);
        Assert.Equal(3, (await system.Component("model_user").QueryAsync("forward")).Split(',').Length);
    }
}
