using System.Collections;
using System.Globalization;
using AlgoSpace.Grains.Interfaces.Configuration;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace AlgoSpace.Silo.Configuration;

/// <summary>
/// Writes the effective settings (defaults filled in, overrides and environment applied) as YAML. Credentials are
/// always written as <see cref="Redacted"/>: this is the only way configuration text is printed or logged.
/// </summary>
public static class SettingsPrinter
{
    public const string Redacted = "***redacted***";

    public static string ToYaml(AlgoSpaceSettings settings)
    {
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        var emitter = new Emitter(writer, new EmitterSettings(bestIndent: 2, bestWidth: int.MaxValue, isCanonical: false, maxSimpleKeyLength: 1024));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
        WriteSection(emitter, settings);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return writer.ToString();
    }

    private static void WriteSection(IEmitter emitter, object section)
    {
        emitter.Emit(new MappingStart());
        foreach (var member in SettingMember.Of(section.GetType()))
        {
            emitter.Emit(new Scalar(member.Key));
            WriteValue(emitter, member.Property.GetValue(section), member);
        }

        emitter.Emit(new MappingEnd());
    }

    private static void WriteValue(IEmitter emitter, object? value, SettingMember member)
    {
        switch (value)
        {
            case null:
                emitter.Emit(new Scalar(null, null, "null", ScalarStyle.Plain, true, false));
                break;
            case string when member.Secret:
                emitter.Emit(new Scalar(null, null, Redacted, ScalarStyle.SingleQuoted, false, true));
                break;
            case string text:
                emitter.Emit(new Scalar(null, null, text, ScalarStyle.Any, true, true));
                break;
            case IDictionary map:
                emitter.Emit(new MappingStart());
                foreach (DictionaryEntry entry in map)
                {
                    emitter.Emit(new Scalar((string)entry.Key));
                    WriteValue(emitter, entry.Value, member);
                }

                emitter.Emit(new MappingEnd());
                break;
            case IList list:
                var flow = list.Count > 0 && !SettingMember.IsSection(list[0]!.GetType());
                emitter.Emit(new SequenceStart(null, null, true, flow ? SequenceStyle.Flow : SequenceStyle.Block));
                foreach (var item in list) WriteValue(emitter, item, member);
                emitter.Emit(new SequenceEnd());
                break;
            case var section when SettingMember.IsSection(section.GetType()):
                WriteSection(emitter, section);
                break;
            default:
                emitter.Emit(new Scalar(null, null, FormatScalar(value), ScalarStyle.Plain, true, false));
                break;
        }
    }

    public static string FormatScalar(object value) => value switch
    {
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Enum e => SettingMember.EnumName(e),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
