namespace AlgoSpace.Silo.Configuration;

/// <summary>Builds the dotted YAML paths used in messages: <c>system.mode</c>, <c>components[3].type</c>.</summary>
public static class SettingsPath
{
    public static string Child(string parent, string key) => parent.Length == 0 ? key : $"{parent}.{key}";

    public static string Item(string parent, int index) => $"{parent}[{index}]";
}
