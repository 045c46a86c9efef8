using System.Globalization;
using System.Text;

namespace AlgoSpace.Benchmarks.Soak;

/// <summary>What one soak measured: its input and settings, the files it wrote, the judged figures and the checkpoints.</summary>
public sealed class SoakResult
{
    public required string DataFile { get; init; }
    public required long Ticks { get; init; }
    public required int SnapshotEveryBars { get; init; }
    public required double SampleSeconds { get; init; }
    public required string SeriesFile { get; init; }
    public required string ChartFile { get; init; }
    public required IReadOnlyList<SoakSample> Samples { get; init; }
    public required IReadOnlyList<SoakMeasure> Measures { get; init; }
    /// <summary>The silo's exit code; null when an existing series was judged again (--summarize).</summary>
    public required int? ExitCode { get; init; }
    public required double Seconds { get; init; }
    public required double WarmupEndSeconds { get; init; }

    /// <summary>Checkpoints committed (the counter at the last /metrics read before the exit: the shutdown's own is after it).</summary>
    public long? Checkpoints { get; init; }
    public double? CheckpointMsSum { get; init; }

    /// <summary>The smallest histogram bucket bound holding every checkpoint's time: the largest was at most this.</summary>
    public double? CheckpointMsMaxBound { get; init; }

    /// <summary>The data handler's end-of-file line (rows, ticks published, seconds, ticks/s).</summary>
    public string? DataHandlerEnd { get; init; }

    /// <summary>Why the managed heap has no figures, when it has none.</summary>
    public string? HeapNote { get; init; }

    /// <summary>The state folder after the exit: file name and size.</summary>
    public required IReadOnlyList<(string File, long Bytes)> FinalState { get; init; }

    public double? CheckpointMeanMs => Checkpoints is > 0 && CheckpointMsSum is { } sum ? sum / Checkpoints.Value : null;

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(ExitCode is null
            ? string.Create(c, $"Soak series judged again: {Samples.Count} samples over {Seconds:F0} s, {Ticks:N0} ticks published.")
            : string.Create(c, $"Soak: {Ticks:N0} ticks of {DataFile} through a real silo process (the default job, file persistence, persistence.snapshot_every_bars {SnapshotEveryBars}), sampled every {SampleSeconds:0.##} s; {Samples.Count} samples over {Seconds:F0} s; silo exit code {ExitCode}."));
        text.AppendLine();
        text.AppendLine(c, $"Series: {SeriesFile}; chart: {ChartFile}.");
        if (DataHandlerEnd is not null) text.AppendLine().AppendLine(c, $"Data handler: `{DataHandlerEnd.Trim()}`");
        text.AppendLine();
        text.AppendLine(c, $"Verdict rule: {SoakMeasure.Rule}. Warm-up ended at {WarmupEndSeconds:F0} s.");
        text.AppendLine();
        text.AppendLine("| Figure | At the end of warm-up | At the end | Min after warm-up | Max after warm-up | Slope after warm-up (per min) | 2nd-quarter mean / lowest | Last-quarter mean / lowest | Verdict |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var m in Measures)
        {
            text.AppendLine(c, $"| {m.Name} ({m.Unit}) | {F(m.AtWarmupEnd)} | {F(m.AtEnd)} | {F(m.Min)} | {F(m.Max)} | {m.SlopePerMinute:+0.00;-0.00;0.00} | {F(m.SecondQuarterMean)} / {F(m.SecondQuarterMin)} | {F(m.LastQuarterMean)} / {F(m.LastQuarterMin)} | {m.Verdict} |");
        }

        if (HeapNote is not null) text.AppendLine().AppendLine(c, $"Managed heap: n/a ({HeapNote}).");
        if (Samples.LastOrDefault(s => s.Gen2Collections is not null) is { } last)
        {
            text.AppendLine().AppendLine(c, $"Full (gen2) collections by the last sample: {last.Gen2Collections:N0}; the managed heap is what the last collection of any generation left, so between two full ones it carries garbage.");
        }
        text.AppendLine();
        text.AppendLine(Checkpoints is null
            ? "Checkpoints: n/a (no /metrics read)."
            : string.Create(c, $"Checkpoints committed: {Checkpoints:N0} (algospace_checkpoints_committed at the last /metrics read; the shutdown's own checkpoint comes after it), mean {CheckpointMeanMs:F1} ms, total {CheckpointMsSum / 1000:F1} s{(CheckpointMsMaxBound is { } bound ? string.Create(c, $", largest ≤ {bound:0.#} ms (histogram bucket)") : "")}."));
        if (ExitCode is null) return text.ToString();
        text.AppendLine();
        text.AppendLine(c, $"State folder after the exit: {FinalState.Count} files, {FinalState.Sum(f => f.Bytes) / 1024.0:F1} KiB: {string.Join(", ", FinalState.Select(f => $"{f.File} {f.Bytes / 1024.0:F1} KiB"))}.");
        return text.ToString();
    }

    private static string F(double value) => value.ToString(Math.Abs(value) >= 100 ? "F0" : "F2", CultureInfo.InvariantCulture);
}
