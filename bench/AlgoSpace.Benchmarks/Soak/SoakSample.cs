using System.Globalization;

namespace AlgoSpace.Benchmarks.Soak;

/// <summary>
/// One sample of the silo process under soak. A figure that could not be read at that moment (the endpoint not up
/// yet, no progress line yet) is null, and an empty cell in the CSV.
/// </summary>
public sealed record SoakSample(
    double ElapsedSeconds,
    long RssBytes,
    int Handles,
    int Threads,
    long? HeapBytes,
    long? GcCommittedBytes,
    long StateBytes,
    int StateFiles,
    long? TicksPublished,
    long? CheckpointsCommitted,
    double? CheckpointMsSum,
    long? Gen2Collections = null)
{
    public const string CsvHeader = "elapsed_s,rss_bytes,handles,threads,managed_heap_bytes,gc_committed_bytes,state_bytes,state_files,ticks_published,checkpoints_committed,checkpoint_ms_sum,gen2_collections";

    public string ToCsv() => string.Join(',',
        ElapsedSeconds.ToString("F2", CultureInfo.InvariantCulture),
        Cell(RssBytes), Cell(Handles), Cell(Threads), Cell(HeapBytes), Cell(GcCommittedBytes), Cell(StateBytes), Cell(StateFiles),
        Cell(TicksPublished), Cell(CheckpointsCommitted),
        CheckpointMsSum?.ToString("F1", CultureInfo.InvariantCulture) ?? "", Cell(Gen2Collections));

    /// <summary>A row of <see cref="CsvHeader"/>'s columns, as <see cref="ToCsv"/> wrote it (series written before gen2_collections have 11).</summary>
    public static SoakSample FromCsv(string row)
    {
        var cells = row.Split(',');
        if (cells.Length is not (11 or 12)) throw new FormatException($"a soak series row has 12 cells, not {cells.Length}: '{row}'");
        long? Long(int i) => cells[i].Length == 0 ? null : long.Parse(cells[i], CultureInfo.InvariantCulture);
        return new SoakSample(double.Parse(cells[0], CultureInfo.InvariantCulture), Long(1) ?? 0, (int)(Long(2) ?? 0), (int)(Long(3) ?? 0),
            Long(4), Long(5), Long(6) ?? 0, (int)(Long(7) ?? 0), Long(8), Long(9),
            cells[10].Length == 0 ? null : double.Parse(cells[10], CultureInfo.InvariantCulture), cells.Length > 11 ? Long(11) : null);
    }

    private static string Cell(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
}
