
namespace AlgoSpace.MarketData.Files;

/// <summary>
/// What inspecting a data file found: its layout, header cells, the header's line number, its length in bytes
/// (to recognise the same file on resume), and for a bar file the bar duration inferred from the data (null when
/// it could not be: fewer than two bars in increasing order; then a bar's four ticks share its timestamp).
/// </summary>
public sealed record DataFileInfo(string Path, long Length, CsvLayout Layout, IReadOnlyList<string> Header, long HeaderLine, TimeSpan? BarDuration)
{
    public string Describe() =>
        Layout.Describe(Header) + (Layout.Format == DataFileFormat.Bar
            ? BarDuration is { } d ? $", bars of {d.TotalMinutes:0.##} min (inferred from the data)" : ", bar duration unknown (fewer than two bars)"
            : "");
}
