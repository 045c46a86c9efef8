namespace AlgoSpace.Client.Rendering;

/// <summary>How a piece of text reads: colour in a terminal, nothing in plain text.</summary>
public enum Tone
{
    Normal,
    Good,
    Warning,
    Bad,
    Muted,
    Heading,
}

/// <summary>A piece of text with its tone.</summary>
public sealed record Cell(string Text, Tone Tone = Tone.Normal)
{
    public static implicit operator Cell(string text) => new(text);
}

/// <summary>A column of a table; numbers are right-aligned.</summary>
public sealed record Column(string Header, bool RightAligned = false);

/// <summary>
/// What a command shows, independent of how: the same report is drawn as Spectre.Console tables in a terminal and
/// as plain aligned text when output is redirected, so the two cannot drift apart.
/// </summary>
public abstract record Block;

/// <summary>One line of text made of parts, each with its tone.</summary>
public sealed record LineBlock(IReadOnlyList<Cell> Parts) : Block
{
    public LineBlock(params Cell[] parts) : this((IReadOnlyList<Cell>)parts) { }
}

/// <summary>A table with a title; <see cref="Empty"/> is shown instead when it has no rows.</summary>
public sealed record TableBlock(string Title, IReadOnlyList<Column> Columns, IReadOnlyList<IReadOnlyList<Cell>> Rows, string Empty = "(none)") : Block;
