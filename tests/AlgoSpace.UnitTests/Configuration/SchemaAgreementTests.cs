using System.Globalization;
using System.Text.Json.Nodes;
using AlgoSpace.Silo.Configuration;
using NJsonSchema;

namespace AlgoSpace.Tests.Configuration;

/// <summary>
/// The published JSON Schema must agree with the loader: an independent validator (NJsonSchema) accepts the
/// files the loader accepts and rejects those whose keys, types, ranges or enum values the loader rejects.
/// </summary>
public sealed class SchemaAgreementTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromJsonAsync(SettingsSchemaGenerator.Generate()).GetAwaiter().GetResult());

    public static TheoryData<string> ShippedSettings() => new() { "settings.yaml", "backtest.yaml", "live.yaml" };

    [Theory]
    [MemberData(nameof(ShippedSettings))]
    public void Schema_accepts_each_shipped_settings_file(string name)
    {
        var errors = Validate(File.ReadAllText(RepositoryRoot.File("settings", name)));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    public static TheoryData<string> ValidCorpusFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Configuration", "Corpus"), "*.yaml").Order(StringComparer.Ordinal))
        {
            if (File.ReadAllText(file).Contains("# expect: valid", StringComparison.Ordinal)) data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ValidCorpusFiles))]
    public void Schema_accepts_every_valid_corpus_file(string name)
    {
        var errors = Validate(Corpus(name));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Theory]
    [InlineData("unknown-key-typo.yaml", "shutdown_timout")]
    [InlineData("unknown-section.yaml", "eventbus")]
    [InlineData("type-not-an-integer.yaml", "shutdown_timeout")]
    [InlineData("type-quoted-number.yaml", "shutdown_timeout")]
    [InlineData("type-yaml11-boolean.yaml", "close_positions_on_shutdown")]
    [InlineData("type-scalar-for-list.yaml", "symbols")]
    [InlineData("range-several-at-once.yaml", "fill_probability")]
    [InlineData("range-exclusive-minimum.yaml", "max_daily_loss")]
    [InlineData("enum-bad-value.yaml", "mode")]
    [InlineData("enum-case-sensitive.yaml", "log_level")]
    [InlineData("required-missing-key.yaml", "mode")]
    [InlineData("secret-literal.yaml", "password")]
    [InlineData("models-key-pattern.yaml", "rde")]
    public void Schema_rejects_what_the_loader_rejects_key_by_key(string name, string key)
    {
        var errors = Validate(Corpus(name));
        Assert.Contains(errors, e => e.Contains(key, StringComparison.Ordinal));
    }

    private static string Corpus(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Configuration", "Corpus", name));

    private static List<string> Validate(string yaml)
    {
        var diagnostics = new DiagnosticBag();
        var tree = YamlTreeReader.Read(yaml, diagnostics) ?? throw new InvalidOperationException("no document");
        var json = ToJson(tree)!.ToJsonString();
        return Schema.Value.Validate(json).Select(Describe).ToList();
    }

    private static string Describe(NJsonSchema.Validation.ValidationError error) =>
        error is NJsonSchema.Validation.ChildSchemaValidationError child
            ? $"{error.Path} {error.Kind}: {string.Join("; ", child.Errors.SelectMany(e => e.Value).Select(Describe))}"
            : $"{error.Path} {error.Property} {error.Kind}";

    /// <summary>YAML 1.2 core schema: plain scalars may be null, booleans or numbers; quoted ones are strings.</summary>
    private static JsonNode? ToJson(YamlNodeBase node) => node switch
    {
        YamlMap map => new JsonObject(map.Entries.Select(e => KeyValuePair.Create(e.Key.Value, ToJson(e.Value)))),
        YamlList list => new JsonArray(list.Items.Select(ToJson).ToArray()),
        YamlScalar { IsNull: true } => null,
        YamlScalar { IsQuoted: true } s => JsonValue.Create(s.Value),
        YamlScalar s when s.Value is "true" or "false" => JsonValue.Create(s.Value == "true"),
        YamlScalar s when long.TryParse(s.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) => JsonValue.Create(l),
        YamlScalar s when double.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) => JsonValue.Create(d),
        YamlScalar s => JsonValue.Create(s.Value),
        _ => throw new InvalidOperationException(),
    };
}
