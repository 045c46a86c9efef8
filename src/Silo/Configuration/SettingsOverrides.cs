using AlgoSpace.Configuration;

namespace AlgoSpace.Silo.Configuration;

/// <summary>Command-line values that replace settings before validation, so that they are validated like the file.</summary>
/// <param name="Mode">--mode: replaces system.mode.</param>
/// <param name="LogLevel">--log-level (or DEBUG from --debug): replaces system.log_level.</param>
public sealed record SettingsOverrides(TradingMode? Mode = null, LogLevelSetting? LogLevel = null)
{
    public static SettingsOverrides None { get; } = new();

    /// <summary>Writes the overrides into the tree, creating the system section if the file has none.</summary>
    public void ApplyTo(YamlMap root)
    {
        if (Mode is null && LogLevel is null) return;
        var key = new YamlScalar(new SourcePosition(0, 0), "system", false);
        if (root.Get("system") is not YamlMap system)
        {
            system = new YamlMap(root.Position);
            root.Set(key, system);
        }

        if (Mode is { } mode) Set(system, "mode", SettingMember.EnumName(mode), "--mode");
        if (LogLevel is { } level) Set(system, "log_level", SettingMember.EnumName(level), "--log-level");
    }

    private static void Set(YamlMap section, string key, string value, string option)
    {
        var existing = section.Entries.FirstOrDefault(e => e.Key.Value == key);
        var position = existing.Key?.Position ?? section.Position;
        section.Set(new YamlScalar(position, key, false), new YamlScalar(position, value, false) { OverriddenBy = option });
    }
}
