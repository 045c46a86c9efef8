using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace AlgoSpace.Silo.Configuration;

/// <summary>Reads settings YAML into a <see cref="YamlNodeBase"/> tree, reporting syntax errors and duplicate keys.</summary>
public static class YamlTreeReader
{
    /// <summary>Parses one YAML document. Returns null (with diagnostics) when the text is not valid YAML.</summary>
    public static YamlNodeBase? Read(string text, DiagnosticBag diagnostics)
    {
        var anchors = new Dictionary<string, YamlNodeBase>(StringComparer.Ordinal);
        try
        {
            var parser = new Parser(new StringReader(text));
            parser.Consume<StreamStart>();
            if (parser.TryConsume<StreamEnd>(out _))
            {
                return null;
            }

            parser.Consume<DocumentStart>();
            var root = ReadNode(parser, anchors, "", diagnostics);
            parser.Consume<DocumentEnd>();
            if (!parser.Accept<StreamEnd>(out _))
            {
                var next = parser.Current!;
                diagnostics.Error("", Position(next.Start), "a second YAML document", "one document",
                    "settings.yaml holds one document; remove the '---' separator and what follows it.");
            }

            return root;
        }
        catch (YamlException ex)
        {
            diagnostics.Error("", Position(ex.Start), "invalid YAML", "well-formed YAML", ex.InnerException?.Message ?? ex.Message);
            return null;
        }
    }

    private static YamlNodeBase ReadNode(IParser parser, Dictionary<string, YamlNodeBase> anchors, string path, DiagnosticBag diagnostics)
    {
        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            if (anchors.TryGetValue(alias.Value.Value, out var target))
            {
                return target;
            }

            throw new YamlException(alias.Start, alias.End, $"Alias *{alias.Value} refers to no anchor defined before it.");
        }

        YamlNodeBase node;
        string? anchor;
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            node = new YamlScalar(Position(scalar.Start), scalar.Value, scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded);
            anchor = scalar.Anchor.IsEmpty ? null : scalar.Anchor.Value;
        }
        else if (parser.TryConsume<SequenceStart>(out var sequenceStart))
        {
            var list = new YamlList(Position(sequenceStart.Start));
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                list.Items.Add(ReadNode(parser, anchors, $"{path}[{list.Items.Count}]", diagnostics));
            }

            node = list;
            anchor = sequenceStart.Anchor.IsEmpty ? null : sequenceStart.Anchor.Value;
        }
        else
        {
            var mappingStart = parser.Consume<MappingStart>();
            var map = new YamlMap(Position(mappingStart.Start));
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var keyNode = ReadNode(parser, anchors, path, diagnostics);
                if (keyNode is not YamlScalar key)
                {
                    throw new YamlException(mappingStart.Start, mappingStart.End, "A mapping key must be a plain value, not a list or mapping.");
                }

                var childPath = SettingsPath.Child(path, key.Value);
                var value = ReadNode(parser, anchors, childPath, diagnostics);
                var existing = map.Entries.FirstOrDefault(e => e.Key.Value == key.Value).Key;
                if (existing is not null)
                {
                    diagnostics.Error(childPath, key.Position, $"'{key.Value}' a second time", "each key once",
                        $"'{key.Value}' is already set at line {existing.Position.Line}; YAML would silently keep only one of them. Remove one.");
                    continue;
                }

                map.Entries.Add(new(key, value));
            }

            node = map;
            anchor = mappingStart.Anchor.IsEmpty ? null : mappingStart.Anchor.Value;
        }

        if (anchor is not null)
        {
            anchors[anchor] = node;
        }

        return node;
    }

    private static SourcePosition Position(Mark mark) => new((int)mark.Line, (int)mark.Column);
}
