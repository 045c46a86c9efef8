using System.ComponentModel;
using System.Reflection;
using System.Runtime.Serialization;
using System.Text;
using AlgoSpace.Grains.Interfaces.Configuration;

namespace AlgoSpace.Silo.Configuration;

/// <summary>One key of a settings section, with everything the attributes say about it.</summary>
public sealed class SettingMember
{
    private SettingMember(PropertyInfo property)
    {
        Property = property;
        Key = property.GetCustomAttribute<SettingKeyAttribute>()?.Key ?? SnakeCase(property.Name);
        Description = property.GetCustomAttribute<DescriptionAttribute>()?.Description;
        Required = property.IsDefined(typeof(RequiredSettingAttribute));
        Range = property.GetCustomAttribute<SettingRangeAttribute>();
        Pattern = property.GetCustomAttribute<SettingPatternAttribute>();
        KeyPattern = property.GetCustomAttribute<SettingKeyPatternAttribute>();
        Unit = property.GetCustomAttribute<SettingUnitAttribute>()?.Unit;
        Secret = property.IsDefined(typeof(SecretSettingAttribute));
        Path = property.GetCustomAttribute<SettingPathAttribute>();
        AcceptsNull = new NullabilityInfoContext().Create(property).WriteState == NullabilityState.Nullable;
    }

    public PropertyInfo Property { get; }
    public string Key { get; }
    public string? Description { get; }
    public bool Required { get; }
    public SettingRangeAttribute? Range { get; }
    public SettingPatternAttribute? Pattern { get; }
    public SettingKeyPatternAttribute? KeyPattern { get; }
    public string? Unit { get; }
    public bool Secret { get; }
    public SettingPathAttribute? Path { get; }

    /// <summary>Whether the property is declared nullable (string?, int?), so that an empty value may clear it.</summary>
    public bool AcceptsNull { get; }
    public Type Type => Property.PropertyType;

    /// <summary>The keys of a settings section type, in declaration order.</summary>
    public static IReadOnlyList<SettingMember> Of(Type sectionType) => Cache.GetOrAdd(sectionType, static t =>
        t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite)
            .OrderBy(p => p.MetadataToken)
            .Select(p => new SettingMember(p))
            .ToList());

    /// <summary>Whether a type is a settings section (a class of keys) rather than a value.</summary>
    public static bool IsSection(Type type) =>
        type.IsClass && type != typeof(string) && type.Namespace == typeof(AlgoSpaceSettings).Namespace;

    /// <summary>The element type of a list setting, or null.</summary>
    public static Type? ListElement(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>) ? type.GetGenericArguments()[0] : null;

    /// <summary>The value type of a map setting (keys are strings), or null.</summary>
    public static Type? MapValue(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>) ? type.GetGenericArguments()[1] : null;

    /// <summary>The YAML spelling of each member of an enum.</summary>
    /// <remarks>
    /// EnumMember is read as well as SettingValue because the market-data enums (AlgoSpace.MarketData) cannot see
    /// the settings' attributes, which live in the Orleans contracts assembly.
    /// </remarks>
    public static IReadOnlyList<(string Name, object Value)> EnumValues(Type enumType) =>
        enumType.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (f.GetCustomAttribute<SettingValueAttribute>()?.Value ?? f.GetCustomAttribute<EnumMemberAttribute>()?.Value ?? SnakeCase(f.Name), f.GetValue(null)!))
            .ToList();

    public static string EnumName(object value) =>
        EnumValues(value.GetType()).First(v => v.Value.Equals(value)).Name;

    /// <summary>PascalCase to snake_case: MaxQueueSize to max_queue_size, DModel to d_model.</summary>
    public static string SnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0)
            {
                var previousIsLowerOrDigit = char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]);
                var startsWord = char.IsUpper(name[i - 1]) && i + 1 < name.Length && char.IsLower(name[i + 1]);
                if (previousIsLowerOrDigit || startsWord)
                {
                    builder.Append('_');
                }
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, IReadOnlyList<SettingMember>> Cache = new();
}
