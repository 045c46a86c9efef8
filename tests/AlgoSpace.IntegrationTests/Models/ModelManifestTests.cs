using System.Text.Json.Nodes;
using AlgoSpace.Grains.Models;

namespace AlgoSpace.Tests.Models;

/// <summary>The manifest format: strict fields with messages naming the model and the field, and what the writer produces.</summary>
public sealed class ModelManifestTests : IDisposable
{
    private const string Remove = "<remove>";
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("sha256", Remove, "field 'sha256' is missing")]
    [InlineData("sha", "\"00\"", "unknown field 'sha'; expected one of file, format, sha256, version, input_shape, output_shape, architecture")]
    [InlineData("sha256", "\"abc\"", "field 'sha256': expected 64 hexadecimal digits, found \"abc\"")]
    [InlineData("format", "\"TorchSharp\"", "field 'format': expected one of \"torchscript\", \"torchsharp\", found \"TorchSharp\"")]
    [InlineData("format", "\"torchscript\"", "field 'architecture': applies to the torchsharp format only")]
    [InlineData("version", "null", "field 'version': is null; give a value or leave the field out")]
    [InlineData("version", "\"\"", "field 'version': is empty")]
    [InlineData("version", "3", "field 'version': expected a string, found 3")]
    [InlineData("file", "\"/abs/rde.pt\"", "field 'file': expected a path relative to the manifest's folder, found \"/abs/rde.pt\"")]
    [InlineData("input_shape", "[1, -48, 8]", "field 'input_shape': expected one or more positive dimensions, found [1, -48, 8]")]
    [InlineData("output_shape", "[]", "field 'output_shape': expected one or more positive dimensions, found []")]
    [InlineData("output_shape", "[1, 8.5]", "field 'output_shape': expected an array of integers, found [1,8.5]")]
    [InlineData("architecture", Remove, "field 'architecture': is missing; the torchsharp format stores weights only")]
    [InlineData("architecture.activation", "\"ReLU\"", "field 'architecture.activation': expected one of \"relu\", \"tanh\", \"gelu\", found \"ReLU\"")]
    [InlineData("architecture.activation", Remove, "field 'architecture.activation': is missing; it goes between the linear layers")]
    [InlineData("architecture.layers", "\"384\"", "field 'architecture.layers': expected an array of integers, found \"384\"")]
    [InlineData("architecture.layers", "[384]", "field 'architecture.layers': expected at least two feature counts (input and output), found [384]")]
    [InlineData("architecture.type", "\"cnn\"", "field 'architecture.type': expected one of \"mlp\", found \"cnn\"")]
    [InlineData("architecture.dropout", "0.1", "unknown field 'architecture.dropout'; expected one of type, layers, activation, flatten, pool")]
    [InlineData("architecture.flatten", "\"yes\"", "field 'architecture.flatten': expected true or false, found \"yes\"")]
    [InlineData("architecture.pool", "\"max\"", "field 'architecture.pool': expected one of \"mean\", found \"max\"")]
    [InlineData("architecture.pool", "\"mean\"", "field 'architecture.pool': cannot be combined with 'flatten': true")]
    public void An_invalid_entry_degrades_only_its_model_naming_the_model_and_the_field(string field, string value, string expected)
    {
        var rde = TestModels.Write(_folder, "rde", seed: 31);
        var mrms = TestModels.Write(_folder, "mrms", seed: 32);
        TestModels.EditManifest(_folder, manifest =>
        {
            var path = field.Split('.');
            var owner = path[..^1].Aggregate(TestModels.Entry(manifest, "rde"), (node, key) => node[key]!.AsObject());
            if (value == Remove) owner.Remove(path[^1]);
            else owner[path[^1]] = JsonNode.Parse(value);
        });

        using var registry = new ModelLoader().Load(new Dictionary<string, string> { ["rde"] = rde, ["mrms"] = mrms });

        Assert.True(registry.TryGet("mrms", out _));
        Assert.False(registry.TryGet("rde", out var model));
        Assert.StartsWith($"model 'rde' ({rde}): manifest {TestModels.Manifest(_folder)}, entry 'rde': ", model!.Reason);
        Assert.Contains(expected, model.Reason);
    }

    [Fact]
    public void The_writer_adds_entries_beside_the_existing_ones_with_relative_files_and_checksums()
    {
        var rde = TestModels.Write(_folder, "rde", seed: 33);
        var mrms = TestModels.Write(_folder, "mrms", seed: 34);

        var manifest = ModelManifestReader.Read(TestModels.Manifest(_folder));

        Assert.Null(manifest.Error);
        Assert.Empty(manifest.EntryErrors);
        Assert.Equal(["mrms", "rde"], manifest.Entries.Keys.Order());
        var entry = manifest.Entries["rde"];
        Assert.Equal("rde.pt", entry.File);
        Assert.Equal(rde, manifest.FileOf(entry));
        Assert.Equal(ModelFormat.TorchSharp, entry.Format);
        Assert.Equal(TestModels.Architecture.Layers, entry.Architecture!.Layers);
        Assert.Equal(TestModels.Architecture with { Layers = entry.Architecture.Layers }, entry.Architecture);
        Assert.NotEqual(entry.Sha256, manifest.Entries["mrms"].Sha256);
        Assert.Equal(mrms, manifest.FileOf(manifest.Entries["mrms"]));
    }

    [Fact]
    public void The_written_manifest_uses_the_documented_field_names_and_lower_case_values()
    {
        TestModels.Write(_folder, "rde", seed: 35);

        var entry = TestModels.Entry(JsonNode.Parse(File.ReadAllText(TestModels.Manifest(_folder)))!.AsObject(), "rde");

        Assert.Equal(["file", "format", "sha256", "version", "input_shape", "output_shape", "architecture"], entry.Select(p => p.Key));
        Assert.Equal("torchsharp", (string?)entry["format"]);
        Assert.Equal("""{"type":"mlp","layers":[384,64,8],"activation":"relu","flatten":true}""", entry["architecture"]!.ToJsonString());
    }

    [Fact]
    public void Writing_the_same_weights_twice_gives_the_same_file_and_checksum()
    {
        using var other = new TempFolder();

        var first = TestModels.Write(_folder, "rde", seed: 37);
        var second = TestModels.Write(other, "rde", seed: 37);

        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
        Assert.Equal(ModelManifestReader.Read(TestModels.Manifest(_folder)).Entries["rde"].Sha256,
            ModelManifestReader.Read(TestModels.Manifest(other)).Entries["rde"].Sha256);
    }

    [Fact]
    public void The_writer_refuses_a_module_that_does_not_match_its_architecture_and_leaves_the_manifest_alone()
    {
        using var module = TestModels.Build(new ModelArchitecture(ArchitectureType.Mlp, [384, 32, 8], MlpActivation.Relu, Flatten: true), seed: 36);

        var error = Assert.Throws<InvalidOperationException>(() => TestModels.Save(_folder, "rde", module, seed: 36));

        Assert.Contains("model 'rde'", error.Message);
        Assert.Contains("would not load: the file does not load as torchsharp", error.Message);
        Assert.False(File.Exists(TestModels.Manifest(_folder)));
    }
}
