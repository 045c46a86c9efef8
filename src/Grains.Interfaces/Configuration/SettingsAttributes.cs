namespace AlgoSpace.Grains.Interfaces.Configuration;

// Metadata that the settings loader, the JSON Schema generator and the configuration reference all read from the
// same settings types, so that validation, schema and documentation cannot drift apart.

/// <summary>The YAML key of a property when it is not the snake_case form of the property name.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class SettingKeyAttribute(string key) : Attribute
{
    public string Key { get; } = key;
}

/// <summary>The key must be present in the file (a default would hide a decision the operator has to make).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class RequiredSettingAttribute : Attribute;

/// <summary>Inclusive numeric bounds of a number, or of each number in a list.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SettingRangeAttribute(double minimum, double maximum) : Attribute
{
    public double Minimum { get; } = minimum;
    public double Maximum { get; } = maximum;
    /// <summary>When true the minimum itself is not allowed (for example a probability that must be above 0).</summary>
    public bool ExclusiveMinimum { get; init; }
}

/// <summary>A string that must match a regular expression (whole value).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SettingPatternAttribute(string pattern, string description) : Attribute
{
    public string Pattern { get; } = pattern;
    public string Description { get; } = description;
}

/// <summary>The keys of a map must match a regular expression.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SettingKeyPatternAttribute(string pattern, string description) : Attribute
{
    public string Pattern { get; } = pattern;
    public string Description { get; } = description;
}

/// <summary>The unit a number is measured in, shown in errors and in the configuration reference.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SettingUnitAttribute(string unit) : Attribute
{
    public string Unit { get; } = unit;
}

/// <summary>
/// A credential: its value must come from an environment variable (<c>${env:NAME}</c>, no default), and it is
/// redacted wherever configuration is printed or logged (NFR-SK-10, NFR-SK-11).
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SecretSettingAttribute : Attribute;

/// <summary>What a path setting points at.</summary>
public enum SettingPathKind
{
    File,
    Directory,
}

/// <summary>
/// A file-system path. It is resolved against the configuration file's directory and must stay inside the
/// allowed roots (NFR-SK-12); the loader stores the resolved absolute path.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SettingPathAttribute(SettingPathKind kind) : Attribute
{
    public SettingPathKind Kind { get; } = kind;
    /// <summary>A path that does not exist is an error (true) or is accepted (false).</summary>
    public bool MustExist { get; init; }
    /// <summary>When MustExist is false, a missing path is still reported as a warning.</summary>
    public bool WarnIfMissing { get; init; }
}

/// <summary>The spelling of an enum member in YAML (matched exactly).</summary>
[AttributeUsage(AttributeTargets.Field)]
public sealed class SettingValueAttribute(string value) : Attribute
{
    public string Value { get; } = value;
}
