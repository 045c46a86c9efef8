using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace AlgoSpace.Silo.Configuration;

/// <summary>
/// Reads settings YAML into a <see cref="YamlNodeBase"/> tree, reporting syntax errors at the line that holds the
/// fault, duplicate keys, and documents past <see cref="SettingsLimits"/> (too deep, or too many nodes once aliases
/// are expanded).
/// </summary>
public sealed class YamlTreeReader
{
    private readonly Scanner _scanner;
    private readonly Parser _parser;
    private readonly DiagnosticBag _diagnostics;
    private readonly Dictionary<string, Anchored> _anchors = new(StringComparer.Ordinal);
    private readonly Stack<OpenFlow> _openFlows = new();
    private int _nodes;

    private YamlTreeReader(string text, DiagnosticBag diagnostics)
    {
        _scanner = new Scanner(new StringReader(text));
        _parser = new Parser(_scanner);
        _diagnostics = diagnostics;
    }

    /// <summary>Parses one YAML document. Returns null (with diagnostics) when the text is not valid YAML or passes a limit.</summary>
    public static YamlNodeBase? Read(string text, DiagnosticBag diagnostics) => new YamlTreeReader(text, diagnostics).ReadDocument(text);

    private YamlNodeBase? ReadDocument(string text)
    {
        try
        {
            _parser.Consume<StreamStart>();
            if (_parser.TryConsume<StreamEnd>(out _))
            {
                return null;
            }

            _parser.Consume<DocumentStart>();
            var root = ReadNode("", 1);
            _parser.Consume<DocumentEnd>();
            if (!_parser.Accept<StreamEnd>(out _))
            {
                var next = _parser.Current!;
                _diagnostics.Error("", Position(next.Start), "a second YAML document", "one document",
                    "settings.yaml holds one document; remove the '---' separator and what follows it.");
            }

            return root;
        }
        catch (LimitExceededException ex)
        {
            _diagnostics.Error(ex.Path, ex.Position, ex.Found, ex.Expected, ex.Hint);
            return null;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // YamlException is the parser's report; on some malformed input (an unclosed '[' before a key) YamlDotNet
            // throws InvalidOperationException instead. Both mean: this is not YAML.
            var openFlow = _openFlows.Count > 0 ? _openFlows.Peek() : (OpenFlow?)null;
            var fault = YamlSyntaxError.Locate(text, ex, Position(_scanner.CurrentPosition), openFlow?.Position, openFlow?.Bracket);
            _diagnostics.Error("", fault.Position, fault.Found, "well-formed YAML", fault.Hint);
            return null;
        }
    }

    private YamlNodeBase ReadNode(string path, int depth)
    {
        if (_parser.TryConsume<AnchorAlias>(out var alias))
        {
            if (!_anchors.TryGetValue(alias.Value.Value, out var target))
            {
                throw new YamlException(alias.Start, alias.End, $"Alias *{alias.Value} refers to no anchor defined before it.");
            }

            Count(target.Size, path, alias.Start, $"the alias *{alias.Value} (it stands for {target.Size:N0} nodes)");
            return target.Node;
        }

        var nodesBefore = _nodes;
        YamlNodeBase node;
        AnchorName anchor;
        if (_parser.TryConsume<Scalar>(out var scalar))
        {
            Count(1, path, scalar.Start, null);
            node = new YamlScalar(Position(scalar.Start), scalar.Value, scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded);
            anchor = scalar.Anchor;
        }
        else if (_parser.TryConsume<SequenceStart>(out var sequenceStart))
        {
            Enter(path, depth, sequenceStart.Start, sequenceStart.Style == SequenceStyle.Flow ? '[' : null);
            var list = new YamlList(Position(sequenceStart.Start));
            while (!_parser.TryConsume<SequenceEnd>(out _))
            {
                list.Items.Add(ReadNode(SettingsPath.Item(path, list.Items.Count), depth + 1));
            }

            Leave(sequenceStart.Style == SequenceStyle.Flow);
            node = list;
            anchor = sequenceStart.Anchor;
        }
        else
        {
            var mappingStart = _parser.Consume<MappingStart>();
            Enter(path, depth, mappingStart.Start, mappingStart.Style == MappingStyle.Flow ? '{' : null);
            node = ReadMapping(mappingStart, path, depth);
            Leave(mappingStart.Style == MappingStyle.Flow);
            anchor = mappingStart.Anchor;
        }

        if (!anchor.IsEmpty)
        {
            _anchors[anchor.Value] = new Anchored(node, _nodes - nodesBefore);
        }

        return node;
    }

    private YamlMap ReadMapping(MappingStart mappingStart, string path, int depth)
    {
        var map = new YamlMap(Position(mappingStart.Start));
        var keys = new Dictionary<string, YamlScalar>(StringComparer.Ordinal);
        while (!_parser.TryConsume<MappingEnd>(out _))
        {
            var keyNode = ReadNode(path, depth + 1);
            if (keyNode is not YamlScalar key)
            {
                throw new YamlException(mappingStart.Start, mappingStart.End, "A mapping key must be a plain value, not a list or mapping.");
            }

            var childPath = SettingsPath.Child(path, key.Value);
            var value = ReadNode(childPath, depth + 1);
            if (keys.TryGetValue(key.Value, out var existing))
            {
                _diagnostics.Error(childPath, key.Position, $"'{key.Value}' a second time", "each key once",
                    $"'{key.Value}' is already set at line {existing.Position.Line}; YAML would silently keep only one of them. Remove one.");
                continue;
            }

            keys.Add(key.Value, key);
            map.Entries.Add(new(key, value));
        }

        return map;
    }

    private void Enter(string path, int depth, Mark start, char? flowBracket)
    {
        if (depth > SettingsLimits.MaxDepth)
        {
            throw new LimitExceededException(path, Position(start), $"mappings and lists nested more than {SettingsLimits.MaxDepth} levels deep",
                $"at most {SettingsLimits.MaxDepth} levels of nesting",
                "Settings nest a few levels (section, key, list, entry); a document this deep is corrupted or built to exhaust the validator.");
        }

        Count(1, path, start, null);
        if (flowBracket is { } bracket) _openFlows.Push(new OpenFlow(Position(start), bracket));
    }

    private void Leave(bool flow)
    {
        if (flow) _openFlows.Pop();
    }

    /// <summary>Adds nodes to the document's count and refuses the document once it passes the limit.</summary>
    private void Count(int nodes, string path, Mark at, string? cause)
    {
        _nodes += nodes;
        if (_nodes <= SettingsLimits.MaxNodes) return;
        var found = cause is null ? $"more than {SettingsLimits.MaxNodes:N0} nodes by here" : $"{cause}, which takes the document past {SettingsLimits.MaxNodes:N0} nodes";
        throw new LimitExceededException(path, Position(at), found, $"at most {SettingsLimits.MaxNodes:N0} nodes (keys and values, aliases counted as what they stand for)",
            "A settings file holds a few hundred values; aliases that expand to more (the 'billion laughs' pattern) are refused before anything walks them.");
    }

    private static SourcePosition Position(Mark mark) => new((int)mark.Line, (int)mark.Column);

    private readonly record struct Anchored(YamlNodeBase Node, int Size);

    private readonly record struct OpenFlow(SourcePosition Position, char Bracket);

    /// <summary>A document past one of <see cref="SettingsLimits"/>; reading stops at once, with one finding.</summary>
    private sealed class LimitExceededException(string path, SourcePosition position, string found, string expected, string hint) : Exception(found)
    {
        public string Path { get; } = path;
        public SourcePosition Position { get; } = position;
        public string Found { get; } = found;
        public string Expected { get; } = expected;
        public string Hint { get; } = hint;
    }
}
