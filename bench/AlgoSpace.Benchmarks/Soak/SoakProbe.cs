using System.Globalization;
using System.Text.RegularExpressions;
using AlgoSpace.Benchmarks.Process;

namespace AlgoSpace.Benchmarks.Soak;

/// <summary>
/// Takes one <see cref="SoakSample"/> of a running silo: resident memory, threads and open handles from
/// /proc/&lt;pid&gt; (Linux), the managed heap and the checkpoint counters from its /metrics, the state folder's size
/// and file count from the disk, and the ticks published from the data handler's last progress line.
/// </summary>
public sealed partial class SoakProbe(BenchSiloProcess silo, string stateDirectory) : IDisposable
{
    /// <summary>The runtime's System.Runtime meter: each generation's size after the last GC, summed.</summary>
    public const string HeapMetric = "dotnet_gc_last_collection_heap_size";
    public const string CommittedMetric = "dotnet_gc_last_collection_memory_committed_size";
    public const string CheckpointsMetric = "algospace_checkpoints_committed";
    public const string CheckpointMsMetric = "algospace_checkpoint_ms";

    /// <summary>Full (gen2) collections so far: a heap sample right after one is what survives, the rest carry garbage.</summary>
    public const string CollectionsMetric = "dotnet_gc_collections";
    public const string Gen2Label = "gc_heap_generation=\"gen2\"";

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };

    /// <summary>The silo's HTTP endpoint, from its ready line; null until it is ready.</summary>
    public Uri? Endpoint { get; private set; }

    /// <summary>The last /metrics read, for the end-of-run figures (the endpoint is gone once the silo exits).</summary>
    public PrometheusText? LastMetrics { get; private set; }

    /// <summary>Why the managed heap could not be read, if it never was.</summary>
    public string? HeapNote { get; private set; }

    public async Task<SoakSample?> SampleAsync(double elapsedSeconds)
    {
        var status = ReadStatus(silo.Id);
        if (status is null) return null; // exited between two samples
        var handles = CountHandles(silo.Id);
        var metrics = await ScrapeAsync();
        var (bytes, files) = FolderSize(stateDirectory);
        return new SoakSample(elapsedSeconds, status.Value.RssBytes, handles, status.Value.Threads,
            (long?)metrics?.Sum(HeapMetric), (long?)metrics?.Sum(CommittedMetric), bytes, files, TicksPublished(),
            (long?)metrics?.Sum(CheckpointsMetric, "_total"), metrics?.Sum(CheckpointMsMetric, "_sum"), (long?)metrics?.Sum(CollectionsMetric, "_total", Gen2Label));
    }

    private async Task<PrometheusText?> ScrapeAsync()
    {
        if (Endpoint is null && silo.LastLine("AlgoSpace ready in") is { } ready && EndpointPattern().Match(ready) is { Success: true } match)
        {
            Endpoint = new Uri(match.Groups["url"].Value);
        }

        if (Endpoint is null) return null;
        try
        {
            var metrics = new PrometheusText(await _http.GetStringAsync(new Uri(Endpoint, "/metrics")));
            LastMetrics = metrics;
            HeapNote = metrics.Sum(HeapMetric) is null ? $"/metrics has no {HeapMetric} (the System.Runtime meter is not exported)" : null;
            return metrics;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return null; // busy or stopping: this sample has no metrics
        }
    }

    private long? TicksPublished() =>
        silo.LastLine("ticks published") is { } line && TicksPattern().Match(line) is { Success: true } match
            ? long.Parse(match.Groups["n"].Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture)
            : null;

    /// <summary>VmRSS and Threads from /proc/&lt;pid&gt;/status; null once the process is gone.</summary>
    private static (long RssBytes, int Threads)? ReadStatus(int pid)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines($"/proc/{pid}/status");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        long rss = 0;
        var threads = 0;
        foreach (var line in lines)
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal)) rss = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
            else if (line.StartsWith("Threads:", StringComparison.Ordinal)) threads = int.Parse(line.Split('\t', ' ').Last(s => s.Length > 0), CultureInfo.InvariantCulture);
        }

        return (rss, threads);
    }

    private static int CountHandles(int pid)
    {
        try
        {
            return Directory.EnumerateFileSystemEntries($"/proc/{pid}/fd").Count();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    /// <summary>Total bytes and files under the state folder; a file replaced while it is listed is skipped.</summary>
    public static (long Bytes, int Files) FolderSize(string folder)
    {
        if (!Directory.Exists(folder)) return (0, 0);
        long bytes = 0;
        var files = 0;
        foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            try
            {
                bytes += new FileInfo(path).Length;
                files++;
            }
            catch (FileNotFoundException)
            {
            }
        }

        return (bytes, files);
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex(@"endpoints (?<url>http://[^\s,]+)")]
    private static partial Regex EndpointPattern();

    [GeneratedRegex(@"(?<n>\d[\d,]*) ticks published")]
    private static partial Regex TicksPattern();
}
