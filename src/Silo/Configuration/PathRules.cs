using AlgoSpace.Grains.Interfaces.Configuration;

namespace AlgoSpace.Silo.Configuration;

/// <summary>
/// Secure path validation (NFR-SK-12): every configured path must stay inside the project's data/, models/ and
/// settings/ folders or the output folder, after '..' and symbolic links are resolved; and files that must exist do.
/// </summary>
public static class PathRules
{
    public static readonly string[] RootFolders = ["data", "models", "settings", "plugins"];

    public static void Check(IReadOnlyList<PathBinding> paths, string projectRoot, string configDirectory, DiagnosticBag diagnostics)
    {
        var canonicalRoot = SecurePath.Canonical(projectRoot);
        var output = paths.FirstOrDefault(p => p.Path == "system.output_dir");
        var outputRoot = SecurePath.Canonical(output?.FullPath ?? Path.GetFullPath(new SystemSettings().OutputDir, configDirectory));

        var roots = RootFolders.Select(f => SecurePath.Canonical(Path.Combine(projectRoot, f))).ToList();
        var outputIsSafe = SecurePath.IsInside(outputRoot, canonicalRoot);
        if (outputIsSafe) roots.Add(outputRoot);

        var rootsText = $"a path inside {string.Join(", ", RootFolders.Select(f => f + "/"))} or the output folder, under {projectRoot}";
        foreach (var binding in paths)
        {
            var isOutput = ReferenceEquals(binding, output);
            if (!CheckContainment(binding, isOutput ? [canonicalRoot] : roots, isOutput ? $"a folder inside the project root {projectRoot}" : rootsText, configDirectory, diagnostics))
            {
                continue;
            }

            CheckExistence(binding, diagnostics);
        }
    }

    private static bool CheckContainment(PathBinding binding, IReadOnlyList<string> roots, string expected, string configDirectory, DiagnosticBag diagnostics)
    {
        string canonical;
        try
        {
            canonical = SecurePath.Canonical(binding.FullPath);
        }
        catch (IOException ex)
        {
            diagnostics.Error(binding.Path, binding.Position, $"'{binding.Value}'", expected, ex.Message);
            return false;
        }

        if (roots.Any(r => SecurePath.IsInside(canonical, r))) return true;

        var viaLink = canonical != binding.FullPath && roots.Any(r => SecurePath.IsInside(binding.FullPath, r));
        var found = viaLink
            ? $"'{binding.Value}', a symbolic link that leads to {canonical}"
            : $"'{binding.Value}', which resolves to {canonical}";
        var hint = viaLink
            ? "A symbolic link may not lead outside the allowed folders; copy the file in, or point the link inside them."
            : $"Relative paths are resolved against the configuration's folder ({configDirectory}); '..' may not leave the allowed folders.";
        diagnostics.Error(binding.Path, binding.Position, found, expected, hint);
        return false;
    }

    private static void CheckExistence(PathBinding binding, DiagnosticBag diagnostics)
    {
        var attribute = binding.Member.Path!;
        var isFile = File.Exists(binding.FullPath);
        var isDirectory = Directory.Exists(binding.FullPath);
        if (attribute.Kind == SettingPathKind.File && isDirectory || attribute.Kind == SettingPathKind.Directory && isFile)
        {
            var expectedKind = attribute.Kind == SettingPathKind.File ? "a file" : "a folder";
            diagnostics.Error(binding.Path, binding.Position, $"'{binding.Value}', which is {(isFile ? "a file" : "a folder")}", expectedKind);
            return;
        }

        if (isFile || isDirectory) return;
        if (attribute.MustExist)
        {
            diagnostics.Error(binding.Path, binding.Position, $"'{binding.Value}', which does not exist ({binding.FullPath})", "an existing file",
                "Check the spelling; relative paths are resolved against the configuration file's folder.");
        }
        else if (attribute.WarnIfMissing)
        {
            diagnostics.Warning(binding.Path, binding.Position, $"'{binding.Value}', which does not exist ({binding.FullPath})", "an existing file",
                "The system starts without it; the components that need it run degraded.");
        }
    }
}
