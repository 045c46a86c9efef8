using System.Globalization;

namespace AlgoSpace.Silo.Configuration;

/// <summary>Describes in words what a key accepts, for error messages and the configuration reference.</summary>
public static class ExpectedValue
{
    public static string Describe(Type type, SettingMember? member)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        var text = underlying switch
        {
            _ when underlying == typeof(int) || underlying == typeof(long) => "an integer" + RangeText(member),
            _ when underlying == typeof(double) => "a number" + RangeText(member),
            _ when underlying == typeof(bool) => "true or false",
            _ when underlying == typeof(DateOnly) => "a date YYYY-MM-DD",
            _ when underlying == typeof(string) => member?.Pattern is { } p ? p.Description : "a string",
            _ when underlying.IsEnum => "one of " + string.Join(", ", SettingMember.EnumValues(underlying).Select(v => v.Name)),
            _ when SettingMember.ListElement(underlying) is { } element => $"a list of {Plural(element, member)}",
            _ when SettingMember.MapValue(underlying) is { } value => $"a mapping of names to {Plural(value, member)}",
            _ when SettingMember.IsSection(underlying) => "a mapping with the keys " + string.Join(", ", SettingMember.Of(underlying).Select(m => m.Key)),
            _ => underlying.Name,
        };
        return member?.Unit is { } unit && !text.StartsWith("a list", StringComparison.Ordinal) ? $"{text} ({unit})" : text;
    }

    private static string Plural(Type element, SettingMember? member)
    {
        if (SettingMember.IsSection(element)) return "mappings";
        var single = Describe(element, member);
        return single.StartsWith("an integer", StringComparison.Ordinal) ? "integers" + single["an integer".Length..]
            : single.StartsWith("a number", StringComparison.Ordinal) ? "numbers" + single["a number".Length..]
            : single == "a string" ? "strings"
            : single;
    }

    public static string RangeText(SettingMember? member)
    {
        if (member?.Range is not { } range) return "";
        var min = Format(range.Minimum);
        if (range.Maximum >= int.MaxValue) return range.ExclusiveMinimum ? $" above {min}" : $" of at least {min}";
        return range.ExclusiveMinimum ? $" above {min} and at most {Format(range.Maximum)}" : $" from {min} to {Format(range.Maximum)}";
    }

    public static string Format(double value) => value.ToString("0.##########", CultureInfo.InvariantCulture);
}
