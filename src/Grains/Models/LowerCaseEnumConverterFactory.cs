using System.Text.Json;
using System.Text.Json.Serialization;

namespace AlgoSpace.Grains.Models;

/// <summary>
/// Enums as their lower-case names (<c>torchscript</c>, <c>relu</c>), matched exactly. System.Text.Json's own enum
/// converter also accepts other casings and numbers; a manifest is checked like settings, where enum values are
/// case-sensitive, so <c>"ReLU"</c> is an error that lists the spellings allowed rather than a silent match.
/// </summary>
internal sealed class LowerCaseEnumConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert))!;

    /// <summary>The lower-case names of an enum's values, in declaration order.</summary>
    public static IReadOnlyList<string> Names(Type enumType) =>
        Enum.GetNames(enumType).Select(n => n.ToLowerInvariant()).ToArray();

    private sealed class Converter<TEnum> : JsonConverter<TEnum>
        where TEnum : struct, Enum
    {
        private static readonly Dictionary<string, TEnum> ByName =
            Enum.GetValues<TEnum>().ToDictionary(v => v.ToString().ToLowerInvariant(), StringComparer.Ordinal);

        public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            if (text is not null && ByName.TryGetValue(text, out var value)) return value;
            throw new JsonException($"expected one of {string.Join(", ", ByName.Keys.Select(k => $"'{k}'"))}, found {text ?? reader.TokenType.ToString()}");
        }

        public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString().ToLowerInvariant());
    }
}
