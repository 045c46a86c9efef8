using AlgoSpace.Grains.Interfaces.Configuration;

namespace AlgoSpace.Silo.Configuration;

/// <summary>Command-line values that replace settings before validation, so that they are validated like the file.</summary>
/// <param name="Mode">--mode: replaces system.mode.</param>
/// <param name="LogLevel">--log-level (or DEBUG from --debug): replaces system.log_level.</param>
/// <param name="DataFile">--data (or the training command's generated file): replaces data_handler.backtest_file,
/// as a full path, so it is checked by the same path rules as the file's own value.</param>
public sealed record SettingsOverrides(TradingMode? Mode = null, LogLevelSetting? LogLevel = null, string? DataFile = null)
{
    public static SettingsOverrides None { get; } = new();

    /// <summary>Writes the overrides into the tree, creating the system section if the file has none.</summary>
    public void ApplyTo(YamlMap root)
    {
        if (Mode is not null || LogLevel is not null)
        {
            var system = Section(root, "system");
            if (Mode is { } mode) Set(system, "mode", SettingMember.EnumName(mode), "--mode");
            if (LogLevel is { } level) Set(system, "log_level", SettingMember.EnumName(level), "--log-level");
        }

        if (DataFile is { } data) Set(Section(root, "data_handler"), "backtest_file", Path.GetFullPath(data), "--data");
    }

    private static YamlMap Section(YamlMap root, string name)
    {
        if (root.Get(name) is YamlMap section) return section;
        section = new YamlMap(root.Position);
        root.Set(new YamlScalar(new SourcePosition(0, 0), name, false), section);
        return section;
    }

    private static void Set(YamlMap section, string key, string value, string option)
    {
        var existing = section.Entries.FirstOrDefault(e => e.Key.Value == key);
        var position = existing.Key?.Position ?? section.Position;
        section.Set(new YamlScalar(position, key, false), new YamlScalar(position, value, false) { OverriddenBy = option });
    }
}
