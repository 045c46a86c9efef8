using AlgoSpace.Components;
using AlgoSpace.Configuration;

namespace AlgoSpace.Silo.Configuration;

/// <summary>
/// Loads settings.yaml: read, apply command-line overrides, expand environment references, bind and check every
/// key, then check paths, contradictions and routing. Every finding is collected; settings are returned only
/// when there is no error (NFR-SK-05).
/// </summary>
public static class SettingsLoader
{
    public static LoadedSettings Load(string configFile, SettingsOverrides? overrides = null, Func<string, string?>? environment = null, ComponentCatalog? catalog = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        catalog ??= new ComponentCatalog(BuiltInComponentKinds.All);
        var fullPath = Path.GetFullPath(configFile);
        var diagnostics = new DiagnosticBag { File = configFile };
        var projectRoot = ProjectRoot.Find(fullPath, environment);
        var settings = LoadInto(fullPath, projectRoot, overrides ?? SettingsOverrides.None, environment, catalog, diagnostics);
        return new LoadedSettings
        {
            ConfigFile = fullPath,
            ProjectRoot = projectRoot,
            Diagnostics = diagnostics.Items,
            Settings = diagnostics.HasErrors ? null : settings,
        };
    }

    private static AlgoSpaceSettings? LoadInto(string fullPath, string projectRoot, SettingsOverrides overrides, Func<string, string?> environment, ComponentCatalog catalog, DiagnosticBag diagnostics)
    {
        if (ReadText(fullPath, diagnostics) is not { } text) return null;
        var tree = YamlTreeReader.Read(text, diagnostics);
        if (diagnostics.HasErrors) return null;
        if (tree is not YamlMap root)
        {
            diagnostics.Error("", tree?.Position, tree is null ? "an empty document" : "a document that is not a mapping", "a mapping of sections (system:, data_handler:, ...)",
                "Start from settings/settings.yaml.");
            return null;
        }

        overrides.ApplyTo(root);
        EnvironmentReference.ExpandAll(root, "", environment, diagnostics);

        var configDirectory = Path.GetDirectoryName(fullPath)!;
        var settings = new AlgoSpaceSettings();
        var binder = new SettingsBinder(diagnostics, configDirectory);
        binder.BindSection(root, settings, "");
        var positions = new PositionIndex(root);
        binder.ResolveDefaultPaths(settings, "", positions);
        PathRules.Check(binder.Paths, projectRoot, configDirectory, diagnostics);

        var context = new RuleContext(settings, positions, diagnostics);
        ConsistencyRules.Check(context);
        RoutingRules.Check(context, catalog);
        return settings;
    }

    private static string? ReadText(string fullPath, DiagnosticBag diagnostics)
    {
        try
        {
            return File.ReadAllText(fullPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var found = File.Exists(fullPath) || Directory.Exists(fullPath) ? $"a file that cannot be read ({ex.Message})" : $"no file at {fullPath}";
            diagnostics.Error("", null, found, "a readable settings file", "Pass the file with --config PATH (default settings/settings.yaml).");
            return null;
        }
    }
}
