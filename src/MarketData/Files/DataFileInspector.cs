
namespace AlgoSpace.MarketData.Files;

/// <summary>
/// Checks, before a replay starts, that a data file can be replayed: it exists, is not empty, starts with a tick
/// or bar header and has at least one data row. For a bar file it also infers the bar duration from the first
/// bars, because every bar's ticks are placed by it and a stream cannot look ahead. Reads only the file's start.
/// </summary>
public static class DataFileInspector
{
    /// <summary>Bars read to infer the duration: enough for the most common gap to be the bar's own.</summary>
    public const int DurationSampleBars = 1000;

    public static DataFileInfo Inspect(string? path, DataFileFormat format)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new DataFileException("data_handler.backtest_file is not set; a backtest needs a tick or bar CSV to replay.");
        var file = new FileInfo(path);
        if (!file.Exists) throw new DataFileException($"{path}: the backtest file does not exist.");
        if (file.Length == 0) throw new DataFileException($"{path}: the backtest file is empty.");

        try
        {
            using var reader = DataFileOpener.OpenText(path);
            var lineNumber = 0L;
            string? header;
            do
            {
                header = reader.ReadLine();
                lineNumber++;
            }
            while (header is not null && string.IsNullOrWhiteSpace(header));

            if (header is null) throw new DataFileException($"{path}: the backtest file has no header and no data (only blank lines).");
            var layout = CsvHeaderDetector.Detect(header, format, path);
            var headerLine = lineNumber;
            var cells = CsvHeaderDetector.SplitHeader(header);

            var parser = new CsvRowParser(layout);
            var estimator = new BarDurationEstimator();
            var dataRows = 0;
            var bar = layout.Format == DataFileFormat.Bar;
            while (reader.ReadLine() is { } line)
            {
                if (string.IsNullOrWhiteSpace(line)) continue;
                dataRows++;
                if (!bar) break;
                if (parser.TrySplit(line, out _) && parser.TryReadTimestamp(line, out var start, out _)) estimator.Add(start);
                if (estimator.Samples >= DurationSampleBars) break;
            }

            if (dataRows == 0) throw new DataFileException($"{path}: the backtest file has a header but no data rows.");
            return new DataFileInfo(path, file.Length, layout, cells, headerLine, bar ? estimator.Estimate() : null);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            throw new DataFileException($"{path}: the backtest file cannot be read: {ex.Message}", ex);
        }
    }
}
