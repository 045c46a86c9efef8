
namespace AlgoSpace.MarketData.Files;

/// <summary>
/// Where each value sits in the rows of a tick or bar CSV, as found from its header; -1 marks an absent column.
/// The timestamp is either one column, or a date column and a time column.
/// </summary>
public sealed record CsvLayout(
    DataFileFormat Format,
    int FieldCount,
    int Timestamp,
    int Date,
    int Time,
    int Price,
    int Volume,
    int Bid,
    int Ask,
    int Open,
    int High,
    int Low,
    int Close,
    IReadOnlyList<string> IgnoredColumns)
{
    /// <summary>A short description for logs: the format and which header column became which value.</summary>
    public string Describe(IReadOnlyList<string> header)
    {
        string Column(int index) => index >= 0 ? header[index] : "-";
        var time = Timestamp >= 0 ? $"timestamp={Column(Timestamp)}" : $"date={Column(Date)} time={Column(Time)}";
        var values = Format == DataFileFormat.Bar
            ? $"open={Column(Open)} high={Column(High)} low={Column(Low)} close={Column(Close)} volume={Column(Volume)}"
            : $"price={Column(Price)} volume={Column(Volume)}" + (Bid >= 0 ? $" bid={Column(Bid)}" : "") + (Ask >= 0 ? $" ask={Column(Ask)}" : "");
        var ignored = IgnoredColumns.Count > 0 ? $"; ignored: {string.Join(", ", IgnoredColumns)}" : "";
        return $"{(Format == DataFileFormat.Bar ? "bar" : "tick")} CSV, {time} {values}{ignored}";
    }
}
