using YamlDotNet.Core;

namespace AlgoSpace.Silo.Configuration;

/// <summary>A YAML syntax error placed on the line that holds the fault, with what the fault is and how to fix it.</summary>
public readonly record struct YamlFault(SourcePosition Position, string Found, string Hint);

/// <summary>
/// Places YAML syntax errors on the line that holds the fault. YamlDotNet reports where the token it was reading
/// began, which is often on an earlier line: a tab that breaks the indentation of line 9 was reported at the value
/// on line 8, and a key without ':' at the next line's colon. The scanner's own position, the text, and the
/// flow collection still open tell where the fault is.
/// </summary>
public static class YamlSyntaxError
{
    /// <param name="scanner">Where the scanner stopped.</param>
    /// <param name="openFlow">The innermost '[' or '{' not yet closed when the parser failed, if any.</param>
    public static YamlFault Locate(string text, Exception error, SourcePosition scanner, SourcePosition? openFlow, char? openBracket)
    {
        var fault = Place(text, error, scanner, openFlow, openBracket);
        return fault with { Position = WithinText(text, fault.Position) };
    }

    private static YamlFault Place(string text, Exception error, SourcePosition scanner, SourcePosition? openFlow, char? openBracket)
    {
        var start = error is YamlException y ? new SourcePosition((int)y.Start.Line, (int)y.Start.Column) : scanner;

        // An unclosed '[' or '{' is found only where the parser meets what cannot follow inside it, often lines
        // later or at the end of the file (YamlDotNet throws InvalidOperationException for some of these).
        if (openFlow is { } bracketAt && (error is not YamlException || (error.Message.Contains("flow", StringComparison.Ordinal) && start.Line > bracketAt.Line)))
        {
            return new YamlFault(bracketAt, $"invalid YAML: a '{openBracket}' that is not closed",
                $"Close it with '{Closing(openBracket)}' on the line where it opens, or write the list or mapping as indented lines. (Parser: {error.Message})");
        }

        if (error is not YamlException yaml)
        {
            return new YamlFault(scanner, "invalid YAML", error.Message);
        }

        var message = yaml.Message;
        if (message.Contains("tab", StringComparison.OrdinalIgnoreCase))
        {
            return new YamlFault(TabInIndentation(text, start.Line, scanner.Line) ?? scanner, "invalid YAML: a tab in the indentation",
                $"YAML indents with spaces only; replace the tab with spaces. (Parser: {message})");
        }

        if (message.Contains("quoted scalar", StringComparison.Ordinal))
        {
            return new YamlFault(start, "invalid YAML: a quoted value that is not closed",
                $"Close the quote that opens here on the same line. (Parser: {message})");
        }

        if (message.Contains("multiline plain scalar", StringComparison.Ordinal) && PreviousContentLine(text, start.Line) is { } keyLine)
        {
            return new YamlFault(keyLine, "invalid YAML: a key without ':'",
                $"Line {keyLine.Line} has no ':' after its key, so it runs on into line {start.Line}, where the ':' at column {start.Column} cannot follow. " +
                $"Add the ':' on line {keyLine.Line}, or quote a value that holds ': '. (Parser: {message})");
        }

        // YamlDotNet takes a tab before the first key for indentation, and fails lines later ("did not find expected
        // <document end>") where the next key is less indented than that.
        if (TabInIndentation(text, 1, Math.Max(start.Line, scanner.Line)) is { } tab)
        {
            return new YamlFault(tab, "invalid YAML: a tab in the indentation",
                $"YAML indents with spaces only; replace the tab with spaces. (Parser, at {start}: {message})");
        }

        return new YamlFault(start, "invalid YAML", message);
    }

    private static char Closing(char? bracket) => bracket == '{' ? '}' : ']';

    /// <summary>The parser may place a fault at the end of the stream, a line past the text; that is the end of the last line.</summary>
    private static SourcePosition WithinText(string text, SourcePosition position)
    {
        var lines = text.Split('\n');
        if (position.Line <= lines.Length) return position;
        return new SourcePosition(lines.Length, lines[^1].TrimEnd('\r').Length + 1);
    }

    /// <summary>
    /// The first tab in the leading whitespace (and list dashes) of a line of content, from <paramref name="fromLine"/>
    /// to <paramref name="toLine"/>. Blank and comment lines may hold tabs.
    /// </summary>
    private static SourcePosition? TabInIndentation(string text, int fromLine, int toLine)
    {
        var lines = text.Split('\n');
        for (var line = Math.Max(1, fromLine); line <= Math.Min(toLine, lines.Length); line++)
        {
            var content = lines[line - 1].TrimEnd('\r');
            var indent = 0;
            while (indent < content.Length && content[indent] is ' ' or '\t' or '-') indent++;
            var tab = content.IndexOf('\t', 0, indent);
            if (tab >= 0 && indent < content.Length && content[indent] != '#') return new SourcePosition(line, tab + 1);
        }

        return null;
    }

    /// <summary>The key (after indentation and list dashes) of the nearest line above <paramref name="line"/> that is not blank or a comment.</summary>
    private static SourcePosition? PreviousContentLine(string text, int line)
    {
        var lines = text.Split('\n');
        for (var previous = Math.Min(line - 1, lines.Length); previous >= 1; previous--)
        {
            var content = lines[previous - 1].TrimEnd('\r');
            var indent = content.Length - content.TrimStart(' ', '-').Length;
            if (indent < content.Length && content[indent] != '#') return new SourcePosition(previous, indent + 1);
        }

        return null;
    }
}
