using Spectre.Console;
using Spectre.Console.Rendering;

namespace AlgoSpace.Client.Rendering;

/// <summary>Draws a report as Spectre.Console markup and tables for a terminal.</summary>
public static class RichWriter
{
    public static IRenderable Render(IReadOnlyList<Block> report) =>
        new Rows(report.Select(block => block switch
        {
            LineBlock line => (IRenderable)new Markup(string.Concat(line.Parts.Select(Markup))),
            TableBlock table => Table(table),
            _ => Text.Empty,
        }));

    private static IRenderable Table(TableBlock block)
    {
        if (block.Rows.Count == 0)
        {
            return new Markup($"[bold]{Escape(block.Title)}[/] [grey]{Escape(block.Empty)}[/]");
        }

        var table = new Table().Border(TableBorder.Rounded).BorderColor(Color.Grey);
        if (block.Title.Length > 0) table.Title = new TableTitle(block.Title, new Style(decoration: Decoration.Bold));
        foreach (var column in block.Columns)
        {
            var c = new TableColumn(new Markup($"[bold]{Escape(column.Header)}[/]"));
            table.AddColumn(column.RightAligned ? c.RightAligned() : c);
        }

        foreach (var row in block.Rows)
        {
            table.AddRow(row.Select(cell => (IRenderable)new Markup(Markup(cell))).ToArray());
        }

        return table;
    }

    private static string Markup(Cell cell)
    {
        var text = Escape(cell.Text);
        return cell.Tone switch
        {
            Tone.Good => $"[green]{text}[/]",
            Tone.Warning => $"[yellow]{text}[/]",
            Tone.Bad => $"[red]{text}[/]",
            Tone.Muted => $"[grey]{text}[/]",
            Tone.Heading => $"[bold]{text}[/]",
            _ => text,
        };
    }

    private static string Escape(string text) => Spectre.Console.Markup.Escape(text);
}
