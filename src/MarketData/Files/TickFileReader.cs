using AlgoSpace.MarketData.Validation;

namespace AlgoSpace.MarketData.Files;

/// <summary>
/// Streams a tick or bar CSV as candidate ticks, one line at a time (constant memory, any file size): splits and
/// parses each row, skips rows outside the replayed dates, expands bars into four ticks, and records every row
/// it cannot use in the <see cref="RowIssueLog"/> with its line number. It does not validate ticks or bars (that is
/// <see cref="TickValidator"/>; a bar it rejects is dropped with <see cref="SkipRestOfBar"/>) and keeps a
/// <see cref="Cursor"/> so that a replay can resume where it stopped.
/// </summary>
public sealed class TickFileReader : IDisposable
{
    private readonly StreamReader _reader;
    private readonly CsvRowParser _parser;
    private readonly RowIssueLog _issues;
    private readonly DateTime? _from;
    private readonly DateTime? _until;
    private readonly TimeSpan _barDuration;
    private readonly bool _bars;
    private readonly MarketTick[] _pending = new MarketTick[BarExpander.TicksPerBar];
    private int _pendingCount;
    private int _pendingIndex;
    private BarRow _pendingBar;
    private long _dataLines;
    private bool _unreadable;

    /// <param name="from">First day replayed (inclusive), or null.</param>
    /// <param name="until">Last day replayed (inclusive), or null.</param>
    public TickFileReader(DataFileInfo file, DateOnly? from, DateOnly? until, RowIssueLog issues)
    {
        File = file;
        _issues = issues;
        _parser = new CsvRowParser(file.Layout);
        _bars = file.Layout.Format == DataFileFormat.Bar;
        _barDuration = file.BarDuration ?? TimeSpan.Zero;
        _from = from?.ToDateTime(TimeOnly.MinValue);
        _until = until?.AddDays(1).ToDateTime(TimeOnly.MinValue);
        _reader = DataFileOpener.OpenText(file.Path);
        for (var line = 0L; line < file.HeaderLine; line++)
        {
            if (_reader.ReadLine() is null) throw new DataFileException($"{file.Path}: the file ended before its header; was it changed while being read?");
        }
    }

    public DataFileInfo File { get; }

    /// <summary>The bar whose ticks are being handed out (the last one expanded); only meaningful for a bar file.</summary>
    public BarRow CurrentBar => _pendingBar;

    /// <summary>
    /// Drops the ticks of the current bar not yet handed out and counts its line consumed: the bar was rejected
    /// as a whole after its first tick was read. Does nothing when no bar is partly handed out.
    /// </summary>
    public void SkipRestOfBar()
    {
        if (_pendingCount == 0) return;
        _pendingCount = _pendingIndex = 0;
        _dataLines++;
    }

    /// <summary>
    /// Bytes of the file read so far (of the compressed file for gzip), for progress displays: it runs ahead of
    /// the ticks handed out by the reader's buffer, so it is an estimate, never state.
    /// </summary>
    public long BytesRead => _reader.BaseStream switch
    {
        System.IO.Compression.GZipStream gzip => gzip.BaseStream.Position,
        var stream => stream.Position,
    };

    /// <summary>Where the next read continues.</summary>
    public TickCursor Cursor => new(_dataLines, _pendingIndex);

    /// <summary>Data rows read (non-blank lines after the header), whatever became of them.</summary>
    public long Rows { get; private set; }

    public long BlankLines { get; private set; }

    /// <summary>Rows skipped because their date is outside the replayed range.</summary>
    public long OutOfRange { get; private set; }

    /// <summary>Restores the counters saved with a cursor (<see cref="SkipTo"/> does not recount the lines it skips).</summary>
    public void RestoreCounters(long rows, long blankLines, long outOfRange)
    {
        Rows = rows;
        BlankLines = blankLines;
        OutOfRange = outOfRange;
    }

    /// <summary>
    /// Moves a freshly opened reader to <paramref name="cursor"/> without reading the skipped rows' values, except
    /// those of a partly consumed bar, whose remaining ticks are regenerated (its issues were recorded the first
    /// time). False when the file ends first.
    /// </summary>
    public bool SkipTo(TickCursor cursor)
    {
        if (_dataLines != 0 || _pendingCount != 0) throw new InvalidOperationException("SkipTo works only on a reader that has not read yet.");
        for (; _dataLines < cursor.DataLines; _dataLines++)
        {
            if (_reader.ReadLine() is null) return false;
        }

        if (cursor.Parts == 0) return true;
        if (_reader.ReadLine() is not { } line) return false;
        if (TryExpandQuietly(line) && cursor.Parts < _pendingCount)
        {
            _pendingIndex = cursor.Parts;
        }
        else
        {
            // The line no longer reads as it did (the file changed under the same name and length): count it consumed.
            _pendingCount = _pendingIndex = 0;
            _dataLines++;
        }

        return true;
    }

    /// <summary>The next candidate tick, or an issue about a row, or the end of the file.</summary>
    public TickRead Read()
    {
        while (true)
        {
            if (_pendingIndex < _pendingCount) return NextPending();
            var lineNumber = File.HeaderLine + _dataLines + 1;
            if (ReadLineOrReport(lineNumber, out var unreadable) is not { } line) return unreadable ?? TickRead.End;
            if (string.IsNullOrWhiteSpace(line))
            {
                BlankLines++;
                _dataLines++;
                continue;
            }

            Rows++;
            var result = ReadRow(line, lineNumber);
            if (result is { } issueOrTick) return issueOrTick;
        }
    }

    /// <summary>
    /// The next line, or null at the end of the file. A file that cannot be read further (a corrupt or truncated gzip
    /// stream, a failing disk) ends there: that is reported once as an issue at the line it stopped at, and the rows
    /// before it stand, instead of an exception ending the run.
    /// </summary>
    private string? ReadLineOrReport(long lineNumber, out TickRead? unreadable)
    {
        unreadable = null;
        if (_unreadable) return null;
        try
        {
            return _reader.ReadLine();
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException)
        {
            _unreadable = true;
            unreadable = new TickRead(TickReadStatus.Issue, default,
                _issues.Record(lineNumber, RowIssueKind.UnreadableFile, $"the file cannot be read from this line on ({ex.Message}); the rest of it is skipped"));
            return null;
        }
    }

    private TickRead? ReadRow(string line, long lineNumber)
    {
        if (!_parser.TrySplit(line, out var error)) return Reject(lineNumber, RowIssueKind.WrongFieldCount, error!);
        if (!_parser.TryReadTimestamp(line, out var timestamp, out error)) return Reject(lineNumber, RowIssueKind.BadTimestamp, error!);
        // By the row's timestamp, before its values are read: a bar is replayed or skipped whole, by its start.
        if (timestamp < _from || timestamp >= _until)
        {
            OutOfRange++;
            _dataLines++;
            return null;
        }

        if (!_bars)
        {
            if (!_parser.TryReadTick(line, timestamp, out var tick, out error)) return Reject(lineNumber, RowIssueKind.BadNumber, error!);
            _dataLines++;
            return new TickRead(TickReadStatus.Tick, new SourcedTick(tick, lineNumber, 0, 1), null);
        }

        if (!_parser.TryReadBar(line, timestamp, out var bar, out var inconsistent, out error))
        {
            return Reject(lineNumber, inconsistent ? RowIssueKind.InconsistentBar : RowIssueKind.BadNumber, error!);
        }

        RowIssue? warning = null;
        if (bar.Volume < 0)
        {
            warning = _issues.Record(lineNumber, RowIssueKind.NegativeVolume, $"bar volume {bar.Volume} set to 0");
            bar = bar with { Volume = 0 };
        }

        BarExpander.Expand(bar, _barDuration, _pending);
        _pendingBar = bar;
        _pendingCount = BarExpander.TicksPerBar;
        _pendingIndex = 0;
        return warning is null ? null : new TickRead(TickReadStatus.Issue, default, warning);
    }

    private TickRead NextPending()
    {
        var part = _pendingIndex++;
        var tick = new SourcedTick(_pending[part], File.HeaderLine + _dataLines + 1, part, _pendingCount);
        if (_pendingIndex == _pendingCount)
        {
            _pendingCount = _pendingIndex = 0;
            _dataLines++;
        }

        return new TickRead(TickReadStatus.Tick, tick, null);
    }

    private TickRead Reject(long lineNumber, RowIssueKind kind, string detail)
    {
        _dataLines++;
        return new TickRead(TickReadStatus.Issue, default, _issues.Record(lineNumber, kind, detail));
    }

    private bool TryExpandQuietly(string line)
    {
        if (!_bars || !_parser.TrySplit(line, out _) || !_parser.TryReadTimestamp(line, out var timestamp, out _)
            || !_parser.TryReadBar(line, timestamp, out var bar, out _, out _))
        {
            return false;
        }

        _pendingBar = bar with { Volume = Math.Max(0, bar.Volume) };
        BarExpander.Expand(_pendingBar, _barDuration, _pending);
        _pendingCount = BarExpander.TicksPerBar;
        return true;
    }

    public void Dispose() => _reader.Dispose();
}
