using System.Text;

namespace AlgoSpace.Grains.Reporting;

/// <summary>Writes a run's report into <c>&lt;output_dir&gt;/&lt;run id&gt;/</c>: trades.csv, equity.csv, report.json and equity.svg.</summary>
public static class RunFolderWriter
{
    /// <summary>The files of a run folder, by the key report.json lists them under.</summary>
    public static IReadOnlyList<(string Key, string File)> Files { get; } =
        [("trades", "trades.csv"), ("equity", "equity.csv"), ("report", "report.json"), ("chart", "equity.svg")];

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes the four files (replacing those of an earlier attempt of the same run) and returns the folder.</summary>
    public static string Write(string outputDirectory, RunReport report)
    {
        var folder = FolderOf(outputDirectory, report.Timing.RunId);
        Directory.CreateDirectory(folder);
        var trades = report.Performance?.Trades ?? [];
        var equity = report.Performance?.Equity ?? [];
        File.WriteAllText(Path.Combine(folder, "trades.csv"), TradesCsvWriter.Write(trades), Utf8);
        File.WriteAllText(Path.Combine(folder, "equity.csv"), EquityCsvWriter.Write(equity), Utf8);
        File.WriteAllText(Path.Combine(folder, "equity.svg"), EquitySvgWriter.Write(equity, $"Equity and drawdown, run {report.Timing.RunId}"), Utf8);
        // report.json last: its presence says the folder is complete.
        File.WriteAllText(Path.Combine(folder, "report.json"), ReportJsonWriter.Write(report), Utf8);
        return folder;
    }

    /// <summary>The run folder of <paramref name="runId"/>: output/&lt;run id&gt; (the silo's log file goes there too).</summary>
    public static string FolderOf(string outputDirectory, string runId) => Path.Combine(Path.GetFullPath(outputDirectory), SafeName(runId));

    /// <summary>A run id as a folder name: anything but letters, digits, '-', '_' and '.' becomes '_'.</summary>
    public static string SafeName(string runId)
    {
        var name = new string(runId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray());
        return name.Length == 0 || name.All(c => c == '.') ? "run" : name;
    }
}
