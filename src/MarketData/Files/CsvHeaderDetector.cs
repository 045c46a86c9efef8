
namespace AlgoSpace.MarketData.Files;

/// <summary>
/// Finds the format and columns of a market-data CSV from its header. Names are compared case-insensitively and
/// without spaces, underscores, quotes or other punctuation, and known spellings are accepted (the real CL file
/// says <c>Llow</c>). A header that has open, high, low and close is a bar file; one with a price (or last) is a
/// tick file. Anything else is refused with a message that says what was found and what is expected.
/// </summary>
public static class CsvHeaderDetector
{
    private enum Role { Timestamp, Date, Time, Price, Volume, Bid, Ask, Open, High, Low, Close }

    private static readonly Dictionary<string, Role> Aliases = new(StringComparer.Ordinal)
    {
        ["timestamp"] = Role.Timestamp, ["datetime"] = Role.Timestamp, ["ts"] = Role.Timestamp,
        ["date"] = Role.Date,
        ["time"] = Role.Time,
        ["price"] = Role.Price, ["last"] = Role.Price, ["lastprice"] = Role.Price, ["tradeprice"] = Role.Price,
        ["volume"] = Role.Volume, ["vol"] = Role.Volume, ["size"] = Role.Volume, ["qty"] = Role.Volume, ["quantity"] = Role.Volume,
        ["bid"] = Role.Bid, ["bidprice"] = Role.Bid,
        ["ask"] = Role.Ask, ["askprice"] = Role.Ask, ["offer"] = Role.Ask,
        ["open"] = Role.Open, ["o"] = Role.Open,
        ["high"] = Role.High, ["h"] = Role.High,
        ["low"] = Role.Low, ["llow"] = Role.Low, ["l"] = Role.Low,
        ["close"] = Role.Close, ["c"] = Role.Close,
    };

    private const string Expected =
        "expected a tick header 'timestamp,price,volume[,bid,ask]' or a bar header 'timestamp,open,high,low,close,volume' " +
        "(or with separate Date and Time columns instead of timestamp)";

    /// <summary>The header's cells, as written (after removing the BOM, surrounding blanks and quotes).</summary>
    public static string[] SplitHeader(string headerLine) =>
        headerLine.TrimStart('\uFEFF').Split(',').Select(c => c.Trim().Trim('"', '\'').Trim()).ToArray();

    /// <summary>The layout of a file whose first line is <paramref name="headerLine"/>; throws <see cref="DataFileException"/>.</summary>
    public static CsvLayout Detect(string headerLine, DataFileFormat requested, string fileName)
    {
        var cells = SplitHeader(headerLine);
        var ignored = new List<string>();
        var found = FindColumns(cells, ignored, fileName);
        var format = ChooseFormat(found, requested, cells, fileName);
        var (timestamp, date, time) = TimestampColumns(found, cells, fileName);
        if (!found.TryGetValue(Role.Volume, out var volume))
        {
            throw new DataFileException($"{fileName}: the header '{string.Join(",", cells)}' has no volume column; {Expected}.");
        }

        var bar = format == DataFileFormat.Bar;
        IgnoreOtherFormatColumns(found, bar, cells, ignored);
        return new CsvLayout(
            format, cells.Length, timestamp, date, time,
            Price: bar ? -1 : found[Role.Price],
            Volume: volume,
            Bid: bar ? -1 : found.GetValueOrDefault(Role.Bid, -1),
            Ask: bar ? -1 : found.GetValueOrDefault(Role.Ask, -1),
            Open: bar ? found[Role.Open] : -1,
            High: bar ? found[Role.High] : -1,
            Low: bar ? found[Role.Low] : -1,
            Close: bar ? found[Role.Close] : -1,
            ignored);
    }

    /// <summary>The index of each known column by its role; unknown cells go to <paramref name="ignored"/>, a role twice is refused.</summary>
    private static Dictionary<Role, int> FindColumns(string[] cells, List<string> ignored, string fileName)
    {
        var found = new Dictionary<Role, int>();
        for (var i = 0; i < cells.Length; i++)
        {
            if (!Aliases.TryGetValue(Normalize(cells[i]), out var role))
            {
                ignored.Add(cells[i]);
                continue;
            }

            if (!found.TryAdd(role, i))
            {
                throw new DataFileException(
                    $"{fileName}: the header has two {role.ToString().ToLowerInvariant()} columns, '{cells[found[role]]}' and '{cells[i]}'; keep one.");
            }
        }

        return found;
    }

    /// <summary>The requested format when the header has its columns; with auto, bars win over ticks.</summary>
    private static DataFileFormat ChooseFormat(Dictionary<Role, int> found, DataFileFormat requested, string[] cells, string fileName)
    {
        var hasBar = found.ContainsKey(Role.Open) && found.ContainsKey(Role.High) && found.ContainsKey(Role.Low) && found.ContainsKey(Role.Close);
        var hasTick = found.ContainsKey(Role.Price);
        return requested switch
        {
            DataFileFormat.Bar when hasBar => DataFileFormat.Bar,
            DataFileFormat.Tick when hasTick => DataFileFormat.Tick,
            DataFileFormat.Auto when hasBar => DataFileFormat.Bar,
            DataFileFormat.Auto when hasTick => DataFileFormat.Tick,
            _ => throw new DataFileException(
                $"{fileName}: the header '{string.Join(",", cells)}' is not {FormatName(requested)}; {Expected}." + MissingHint(found)),
        };
    }

    /// <summary>The timestamp, date and time columns (-1 when absent): one timestamp column, or date and time together.</summary>
    private static (int Timestamp, int Date, int Time) TimestampColumns(Dictionary<Role, int> found, string[] cells, string fileName)
    {
        var timestamp = found.GetValueOrDefault(Role.Timestamp, -1);
        var date = found.GetValueOrDefault(Role.Date, -1);
        var time = found.GetValueOrDefault(Role.Time, -1);
        if (timestamp < 0)
        {
            // A lone Date or Time column holds whole timestamps; both together split them.
            if (date >= 0 && time < 0) (timestamp, date) = (date, -1);
            else if (time >= 0 && date < 0) (timestamp, time) = (time, -1);
            else if (date < 0) throw new DataFileException($"{fileName}: the header '{string.Join(",", cells)}' has no timestamp column; {Expected}.");
        }
        else if (date >= 0 || time >= 0)
        {
            throw new DataFileException($"{fileName}: the header has both a timestamp column and a separate date or time column; keep one.");
        }

        return (timestamp, date, time);
    }

    /// <summary>A bar file reads no price column and a tick file no open/high/low/close: those are reported as ignored.</summary>
    private static void IgnoreOtherFormatColumns(Dictionary<Role, int> found, bool bar, string[] cells, List<string> ignored)
    {
        if (bar && found.ContainsKey(Role.Price)) ignored.Add(cells[found[Role.Price]]);
        if (!bar)
        {
            foreach (var role in new[] { Role.Open, Role.High, Role.Low, Role.Close })
            {
                if (found.TryGetValue(role, out var index)) ignored.Add(cells[index]);
            }
        }
    }

    private static string FormatName(DataFileFormat requested) => requested switch
    {
        DataFileFormat.Tick => "a tick header (data_handler.format: tick)",
        DataFileFormat.Bar => "a bar header (data_handler.format: bar)",
        _ => "a tick or bar header",
    };

    private static string MissingHint(Dictionary<Role, int> found)
    {
        var barRoles = new[] { Role.Open, Role.High, Role.Low, Role.Close };
        var present = barRoles.Count(found.ContainsKey);
        if (present is > 0 and < 4)
        {
            return $" It looks like a bar header without {string.Join(", ", barRoles.Where(r => !found.ContainsKey(r)).Select(r => r.ToString().ToLowerInvariant()))}.";
        }

        return found.Count == 0 ? " Is the first line a header? Data files need one." : "";
    }

    private static string Normalize(string cell)
    {
        Span<char> buffer = stackalloc char[Math.Min(cell.Length, 64)];
        var length = 0;
        foreach (var c in cell)
        {
            if (length == buffer.Length) break;
            if (char.IsAsciiLetterOrDigit(c)) buffer[length++] = char.ToLowerInvariant(c);
        }

        return new string(buffer[..length]);
    }
}
