namespace AlgoSpace.Silo.Configuration;

/// <summary>Prints the outcome of loading settings: errors and warnings apart, each with where and what.</summary>
public static class ValidationReport
{
    public static void Write(LoadedSettings loaded, TextWriter writer)
    {
        var errors = loaded.Errors.ToList();
        var warnings = loaded.Warnings.ToList();
        if (errors.Count > 0)
        {
            writer.WriteLine($"configuration invalid: {loaded.ConfigFile}: {Count(errors.Count, "error")}, {Count(warnings.Count, "warning")}");
            writer.WriteLine("Errors:");
            foreach (var diagnostic in errors) writer.WriteLine($"  {diagnostic}");
        }
        else
        {
            var s = loaded.Settings!;
            writer.WriteLine($"configuration valid: {loaded.ConfigFile} (mode {SettingMember.EnumName(s.System.Mode)}, {s.Components.Count} components, {Count(warnings.Count, "warning")})");
        }

        if (warnings.Count > 0)
        {
            writer.WriteLine("Warnings:");
            foreach (var diagnostic in warnings) writer.WriteLine($"  {diagnostic}");
        }
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
