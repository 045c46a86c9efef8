namespace AlgoSpace.Silo.Configuration;

/// <summary>A position in the settings file, 1-based.</summary>
public readonly record struct SourcePosition(int Line, int Column)
{
    public override string ToString() => $"{Line}:{Column}";
}

/// <summary>
/// A node of the settings file with its position. The loader keeps its own small tree (rather than YamlDotNet's
/// representation model) so that duplicate keys, environment references and overrides can be tracked per node.
/// </summary>
public abstract class YamlNodeBase(SourcePosition position)
{
    public SourcePosition Position { get; } = position;
}

public sealed class YamlScalar(SourcePosition position, string value, bool isQuoted) : YamlNodeBase(position)
{
    /// <summary>The value after environment expansion.</summary>
    public string Value { get; set; } = value;

    /// <summary>The value as written in the file (or on the command line), before expansion.</summary>
    public string RawValue { get; } = value;

    /// <summary>Quoted scalars are always strings; plain ones may be numbers, booleans or null.</summary>
    public bool IsQuoted { get; } = isQuoted;

    /// <summary>Environment variables the value was built from.</summary>
    public List<string> EnvironmentVariables { get; } = [];

    /// <summary>An environment reference in the value could not be expanded (already reported); the value is unusable.</summary>
    public bool ExpansionFailed { get; set; }

    /// <summary>Where a command-line override set the value, or null.</summary>
    public string? OverriddenBy { get; init; }

    /// <summary>Whether the value came from an environment variable; then it is parsed by the target type whatever its quoting.</summary>
    public bool FromEnvironment => EnvironmentVariables.Count > 0;

    /// <summary>A plain scalar that YAML reads as null: empty, ~ or null.</summary>
    public bool IsNull => !IsQuoted && !FromEnvironment && (Value.Length == 0 || Value == "~" || Value.Equals("null", StringComparison.OrdinalIgnoreCase));
}

public sealed class YamlMap(SourcePosition position) : YamlNodeBase(position)
{
    public List<KeyValuePair<YamlScalar, YamlNodeBase>> Entries { get; } = [];

    public YamlNodeBase? Get(string key) => Entries.FirstOrDefault(e => e.Key.Value == key).Value;

    /// <summary>Replaces the value of a key, or appends the key.</summary>
    public void Set(YamlScalar key, YamlNodeBase value)
    {
        var index = Entries.FindIndex(e => e.Key.Value == key.Value);
        if (index >= 0)
        {
            Entries[index] = new(Entries[index].Key, value);
        }
        else
        {
            Entries.Add(new(key, value));
        }
    }
}

public sealed class YamlList(SourcePosition position) : YamlNodeBase(position)
{
    public List<YamlNodeBase> Items { get; } = [];
}
