using AlgoSpace.Silo.Configuration;

namespace AlgoSpace.Tests.Configuration;

/// <summary>
/// The JSON Schema and the key reference are generated from the settings types; these tests fail when the
/// committed files are not in step. With ALGOSPACE_UPDATE_GENERATED=1 (scripts/update-generated.sh) they
/// rewrite the files instead.
/// </summary>
public sealed class GeneratedFilesTests
{
    private static readonly bool Update = Environment.GetEnvironmentVariable("ALGOSPACE_UPDATE_GENERATED") == "1";

    [Fact]
    public void Committed_schema_matches_the_settings_types()
    {
        var path = RepositoryRoot.File("settings", "settings.schema.json");
        var generated = SettingsSchemaGenerator.Generate();
        if (Update) File.WriteAllText(path, generated);
        Assert.True(File.Exists(path), "settings/settings.schema.json is missing; run scripts/update-generated.sh");
        Assert.Equal(generated, File.ReadAllText(path));
    }

    [Fact]
    public void Committed_configuration_reference_matches_the_settings_types()
    {
        var path = RepositoryRoot.File("docs", "configuration.md");
        var document = File.ReadAllText(path);
        var generated = SettingsReferenceGenerator.Splice(document);
        if (Update) File.WriteAllText(path, generated);
        Assert.Equal(generated, File.ReadAllText(path));
    }

    [Fact]
    public void Reference_documents_every_key_path()
    {
        var reference = SettingsReferenceGenerator.Generate();
        Assert.All(SettingsKeyIndex.Paths, path => Assert.Contains($"`{path}`", reference, StringComparison.Ordinal));
    }
}
