using System.Text;

namespace AlgoSpace.Client.Rendering;

/// <summary>
/// Writes a report as plain aligned text for pipes, files and scripts: no ANSI escapes, no box drawing, columns
/// separated by two spaces, numbers right-aligned, a blank line between blocks.
/// </summary>
public static class PlainWriter
{
    public static void Write(TextWriter output, IReadOnlyList<Block> report)
    {
        for (var i = 0; i < report.Count; i++)
        {
            if (i > 0 && (report[i] is TableBlock || report[i - 1] is TableBlock)) output.WriteLine();
            switch (report[i])
            {
                case LineBlock line:
                    output.WriteLine(string.Concat(line.Parts.Select(p => p.Text)).TrimEnd());
                    break;
                case TableBlock table:
                    WriteTable(output, table);
                    break;
            }
        }
    }

    private static void WriteTable(TextWriter output, TableBlock table)
    {
        if (table.Title.Length > 0) output.WriteLine(table.Title);
        if (table.Rows.Count == 0)
        {
            output.WriteLine($"  {table.Empty}");
            return;
        }

        var widths = table.Columns.Select((c, i) => Math.Max(c.Header.Length, table.Rows.Max(r => i < r.Count ? r[i].Text.Length : 0))).ToArray();
        output.WriteLine(Line(table.Columns.Select(c => c.Header.ToUpperInvariant()).ToList(), table.Columns, widths));
        foreach (var row in table.Rows)
        {
            output.WriteLine(Line(row.Select(c => c.Text).ToList(), table.Columns, widths));
        }
    }

    private static string Line(IReadOnlyList<string> texts, IReadOnlyList<Column> columns, int[] widths)
    {
        var line = new StringBuilder("  ");
        for (var i = 0; i < columns.Count; i++)
        {
            var text = i < texts.Count ? texts[i] : "";
            if (i > 0) line.Append("  ");
            line.Append(columns[i].RightAligned ? text.PadLeft(widths[i]) : text.PadRight(widths[i]));
        }

        return line.ToString().TrimEnd();
    }
}
