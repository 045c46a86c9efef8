using AlgoSpace.MarketData.Validation;

namespace AlgoSpace.MarketData.Files;

/// <summary>
/// A data file as a stream of validated ticks: the <see cref="TickFileReader"/> followed by the
/// <see cref="TickValidator"/>, with the counters a replay reports. Plain and synchronous, so the data handler,
/// tests and tools share it. Deterministic: the same file and dates give the same ticks and issues.
/// </summary>
public sealed class TickSource : IDisposable
{
    private readonly TickFileReader _reader;
    private readonly TickValidator _validator;

    private TickSource(DataFileInfo file, DateOnly? from, DateOnly? until, TimeSpan? maxTimeJump)
    {
        _reader = new TickFileReader(file, from, until, Issues);
        _validator = new TickValidator(maxTimeJump);
    }

    /// <summary>Inspects and opens a file; throws <see cref="DataFileException"/> when it cannot be replayed.</summary>
    /// <param name="maxTimeJump">data_handler.max_time_jump_hours; null takes its default.</param>
    public static TickSource Open(string? path, DataFileFormat format = DataFileFormat.Auto, DateOnly? from = null, DateOnly? until = null, TimeSpan? maxTimeJump = null) =>
        new(DataFileInspector.Inspect(path, format), from, until, maxTimeJump);

    public DataFileInfo File => _reader.File;

    public RowIssueLog Issues { get; } = new();

    /// <summary>Data rows read (non-blank lines after the header).</summary>
    public long Rows => _reader.Rows;

    public long BlankLines => _reader.BlankLines;

    /// <summary>Bytes of the file read so far: progress against <see cref="DataFileInfo.Length"/>.</summary>
    public long BytesRead => _reader.BytesRead;

    public long OutOfRange => _reader.OutOfRange;

    /// <summary>Ticks accepted (and handed out); for a bar file, four per accepted bar.</summary>
    public long Accepted { get; private set; }

    /// <summary>Times three agreeing outliers (ticks, or bar closes for a bar file) were accepted as a new price level.</summary>
    public long LevelShifts { get; private set; }

    /// <summary>Times three agreeing rows confirmed a jump in time beyond data_handler.max_time_jump_hours.</summary>
    public long TimeJumps => _validator.TimeJumps;

    public DateTime? LastTickTime => _validator.LastAccepted;

    /// <summary>The next accepted tick, or a rejection or warning, or the end of the file.</summary>
    public TickRead Read()
    {
        var read = _reader.Read();
        if (read.Status != TickReadStatus.Tick) return read;

        var sourced = read.Tick;
        return sourced.PartsInLine > 1 ? ReadBarTick(sourced) : ReadTick(sourced);
    }

    private TickRead ReadTick(SourcedTick sourced)
    {
        var tick = sourced.Tick;
        var verdict = _validator.Check(ref tick);
        if (!verdict.Accepted) return new TickRead(TickReadStatus.Issue, default, Issues.Record(sourced.Line, verdict.Rejection!.Value, verdict.Detail!));

        Accepted++;
        if (verdict.LevelShift) LevelShifts++;
        var warning = verdict.VolumeClamped ? Issues.Record(sourced.Line, RowIssueKind.NegativeVolume, verdict.Detail!) : null;
        return new TickRead(TickReadStatus.Tick, sourced with { Tick = tick }, warning);
    }

    /// <summary>
    /// A tick of a bar file: the bar is judged whole when its first tick comes (a rejected bar's other ticks are
    /// dropped with it); the ticks of an accepted bar pass without per-tick price checks.
    /// </summary>
    private TickRead ReadBarTick(SourcedTick sourced)
    {
        if (sourced.Part == 0)
        {
            var verdict = _validator.CheckBar(_reader.CurrentBar);
            if (!verdict.Accepted)
            {
                _reader.SkipRestOfBar();
                return new TickRead(TickReadStatus.Issue, default, Issues.Record(sourced.Line, verdict.Rejection!.Value, verdict.Detail!));
            }

            if (verdict.LevelShift) LevelShifts++;
        }

        _validator.AcceptBarTick(sourced.Tick);
        Accepted++;
        return new TickRead(TickReadStatus.Tick, sourced, null);
    }

    public TickSourceSnapshot Snapshot() => new(
        File.Path, File.Length, _reader.Cursor, Rows, BlankLines, OutOfRange, Accepted, LevelShifts, Issues.Snapshot(), _validator.Snapshot());

    /// <summary>
    /// Continues from a snapshot of the same file: skips what was consumed and takes back counters and validator
    /// state. Only on a freshly opened source; false (nothing changed) when the snapshot is of another file.
    /// </summary>
    public bool TryResume(TickSourceSnapshot snapshot, out string? reason)
    {
        if (!string.Equals(Path.GetFullPath(snapshot.FilePath), Path.GetFullPath(File.Path), StringComparison.Ordinal))
        {
            reason = $"the saved position is in {snapshot.FilePath}, not {File.Path}";
            return false;
        }

        if (snapshot.FileLength != File.Length)
        {
            reason = $"{File.Path} is {File.Length} bytes now but was {snapshot.FileLength} when the position was saved";
            return false;
        }

        _reader.SkipTo(snapshot.Cursor);
        _reader.RestoreCounters(snapshot.Rows, snapshot.BlankLines, snapshot.OutOfRange);
        Accepted = snapshot.Accepted;
        LevelShifts = snapshot.LevelShifts;
        Issues.Restore(snapshot.Issues);
        _validator.Restore(snapshot.Validator);
        reason = null;
        return true;
    }

    public void Dispose() => _reader.Dispose();
}
