using AlgoSpace.Grains.Components;
using AlgoSpace.Grains.Interfaces.Components;
using AlgoSpace.Grains.Interfaces.Configuration;

namespace AlgoSpace.Silo.Configuration;

/// <summary>
/// Loads settings.yaml: read, apply command-line overrides, expand environment references, bind and check every
/// key, then check paths, contradictions and routing. Every finding is collected; settings are returned only
/// when there is no error (NFR-SK-05).
/// </summary>
public static class SettingsLoader
{
    /// <param name="catalog">Validate against this catalogue; by default the registry of the loaded assemblies plus component_assemblies.</param>
    public static LoadedSettings Load(string configFile, SettingsOverrides? overrides = null, Func<string, string?>? environment = null, ComponentCatalog? catalog = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var fullPath = Path.GetFullPath(configFile);
        var diagnostics = new DiagnosticBag { File = configFile };
        var projectRoot = ProjectRoot.Find(fullPath, environment);
        ComponentRegistry? registry = null;
        AlgoSpaceSettings? settings = null;
        try
        {
            settings = LoadInto(fullPath, projectRoot, overrides ?? SettingsOverrides.None, environment, catalog, r => registry = r, diagnostics);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A last guard: input that trips a fault in the validator is still a refusal (exit code 2, nothing started),
            // not exit code 1, which says a running system crashed. It has no line, so the property-based tests, which
            // require one for every finding, fail on any input that reaches it.
            diagnostics.Error("", null, $"a file the validator failed on ({ex.GetType().Name}: {ex.Message})", "a settings file the validator can check",
                "This is a fault in the validator; please report it with the file.");
        }

        return new LoadedSettings
        {
            ConfigFile = fullPath,
            ProjectRoot = projectRoot,
            Diagnostics = diagnostics.Items,
            Settings = diagnostics.HasErrors ? null : settings,
            Registry = diagnostics.HasErrors ? null : registry,
        };
    }

    private static AlgoSpaceSettings? LoadInto(
        string fullPath, string projectRoot, SettingsOverrides overrides, Func<string, string?> environment, ComponentCatalog? catalog,
        Action<ComponentRegistry> registryLoaded, DiagnosticBag diagnostics)
    {
        if (SettingsFileReader.Read(fullPath, diagnostics) is not { } text) return null;
        var tree = YamlTreeReader.Read(text, diagnostics);
        if (diagnostics.HasErrors) return null;
        if (tree is not YamlMap root)
        {
            diagnostics.Error("", tree?.Position ?? new SourcePosition(1, 1), tree is null ? "an empty document" : "a document that is not a mapping", "a mapping of sections (system:, data_handler:, ...)",
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
        if (catalog is null)
        {
            if (LoadRegistry(settings, positions, diagnostics) is not { } registry) return settings;
            registryLoaded(registry);
            catalog = registry.Catalog;
        }

        RoutingRules.Check(context, catalog);
        PortfolioRules.CheckScopes(context, catalog);
        return settings;
    }

    /// <summary>
    /// The component kinds this run can name: the loaded assemblies' and those of component_assemblies, which are
    /// loaded here (after their paths passed the checks), so that validation sees plugin kinds too.
    /// </summary>
    private static ComponentRegistry? LoadRegistry(AlgoSpaceSettings settings, PositionIndex positions, DiagnosticBag diagnostics)
    {
        if (diagnostics.Errors.Any(d => d.Path.StartsWith("component_assemblies", StringComparison.Ordinal))) return null;
        var assemblies = new List<System.Reflection.Assembly>();
        for (var i = 0; i < settings.ComponentAssemblies.Count; i++)
        {
            var path = settings.ComponentAssemblies[i];
            try
            {
                assemblies.Add(System.Runtime.Loader.AssemblyLoadContext.Default.LoadFromAssemblyPath(path));
            }
            catch (Exception ex) when (ex is BadImageFormatException or FileLoadException or FileNotFoundException)
            {
                diagnostics.Error($"component_assemblies[{i}]", positions.Of($"component_assemblies[{i}]"), $"'{path}', which cannot be loaded ({ex.Message})", "a .NET assembly");
                return null;
            }
        }

        try
        {
            return ComponentRegistry.FromLoadedAssemblies(assemblies);
        }
        catch (InvalidOperationException ex)
        {
            diagnostics.Error("component_assemblies", positions.Of("component_assemblies"), ex.Message, "component kinds declared once, on concrete IComponent classes");
            return null;
        }
    }
}
