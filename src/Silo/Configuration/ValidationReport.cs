namespace AlgoSpace.Silo.Configuration;

/// <summary>Prints the outcome of loading settings: errors and warnings apart, each with where and what.</summary>
public static class ValidationReport
{
    /// <summary>
    /// Most errors (and, apart, warnings) printed; the rest are counted. A person fixes a file from its first
    /// findings, and a corrupted file can hold tens of thousands (one per line), megabytes no terminal should scroll.
    /// </summary>
    public const int MaxPrinted = 200;

    public static void Write(LoadedSettings loaded, TextWriter writer)
    {
        var errors = loaded.Errors.ToList();
        var warnings = loaded.Warnings.ToList();
        if (errors.Count > 0)
        {
            writer.WriteLine($"configuration invalid: {loaded.ConfigFile}: {Count(errors.Count, "error")}, {Count(warnings.Count, "warning")}");
            writer.WriteLine("Errors:");
            WriteFirst(errors, "error", writer);
        }
        else
        {
            var s = loaded.Settings!;
            writer.WriteLine($"configuration valid: {loaded.ConfigFile} (mode {SettingMember.EnumName(s.System.Mode)}, {s.Components.Count} components, {Count(warnings.Count, "warning")})");
        }

        if (warnings.Count > 0)
        {
            writer.WriteLine("Warnings:");
            WriteFirst(warnings, "warning", writer);
        }
    }

    private static void WriteFirst(List<SettingsDiagnostic> findings, string noun, TextWriter writer)
    {
        foreach (var diagnostic in findings.Take(MaxPrinted)) writer.WriteLine($"  {diagnostic}");
        if (findings.Count > MaxPrinted)
        {
            var rest = findings.Count - MaxPrinted;
            writer.WriteLine($"  ... and {rest} more {(rest == 1 ? noun : noun + "s")}, not shown (the first {MaxPrinted} are, in file order)");
        }
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
