using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using AlgoSpace.Grains.InProcess;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Interfaces.Events;
using AlgoSpace.Grains.Interfaces.Kernel;
using AlgoSpace.Grains.Models;
using AlgoSpace.Tests.Kernel;
using Xunit.Abstractions;

namespace AlgoSpace.Tests.Pipeline;

/// <summary>
/// The most work one event can cause with the default settings: a gap of just under bars.max_gap_fill_bars (1152)
/// five-minute buckets (four days, inside data_handler.max_time_jump_hours, so no confirmation is needed) is filled
/// with synthetic 5- and 30-minute bars, all within the handling of the one NEW_TICK that crosses it, each bar going through
/// indicators, matrices, the synergy detector and the decision chain. That handling must stay well inside Orleans'
/// 30-second response timeout: the default job's pipeline on Orleans stops normally, and the time it takes in process
/// is measured and bounded.
/// </summary>
public sealed class LargestGapFillTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    /// <summary>Ten minutes short of the longest gap the defaults fill.</summary>
    private static readonly TimeSpan Gap = TimeSpan.FromMinutes(5 * BarsSettings.DefaultMaxGapFillBars) - TimeSpan.FromMinutes(10);

    private const int RowsBefore = 20_000;
    private const int RowsAfter = 5_000;

    /// <summary>The sample's first rows, then the next ones moved <see cref="Gap"/> later.</summary>
    private static byte[] Data()
    {
        using var sample = new StreamReader(new GZipStream(File.OpenRead(RepositoryRoot.File("data", "sample", "ES-ticks-eth-20d.csv.gz")), CompressionMode.Decompress));
        var text = new StringBuilder(sample.ReadLine()).Append('\n');
        for (var i = 0; i < RowsBefore + RowsAfter && sample.ReadLine() is { } row; i++)
        {
            if (i < RowsBefore)
            {
                text.Append(row).Append('\n');
                continue;
            }

            var comma = row.IndexOf(',');
            var time = DateTime.ParseExact(row[..comma], "yyyy-MM-ddTHH:mm:ss.fff", CultureInfo.InvariantCulture) + Gap;
            text.Append(CultureInfo.InvariantCulture, $"{time:yyyy-MM-ddTHH:mm:ss.fff}").Append(row[comma..]).Append('\n');
        }

        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true)) gzip.Write(Encoding.UTF8.GetBytes(text.ToString()));
        return buffer.ToArray();
    }

    private static string Tree()
    {
        var root = Directory.CreateTempSubdirectory("algospace-gap-").FullName;
        Directory.CreateDirectory(Path.Combine(root, "data", "sample"));
        Directory.CreateDirectory(Path.Combine(root, "models"));
        File.WriteAllBytes(Path.Combine(root, "data", "sample", "ES-ticks-eth-20d.csv.gz"), Data());
        foreach (var file in Directory.GetFiles(RepositoryRoot.File("models"))) File.Copy(file, Path.Combine(root, "models", Path.GetFileName(file)));
        return root;
    }

    private static string Settings() =>
        File.ReadAllText(RepositoryRoot.File("settings", "settings.yaml"))
            .Replace("persistence:\n", "persistence:\n  provider: memory\n", StringComparison.Ordinal) + "\ntelemetry:\n  enabled: false\n";

    [Fact]
    public async Task The_largest_gap_the_defaults_fill_is_handled_in_seconds_in_process()
    {
        var root = Tree();
        try
        {
            var settings = TestSystem.LoadSettings(Settings(), root);
            using var models = new ModelLoader().Load(ModelSource.FromSettings(settings));
            // Delivery in process is synchronous: the time from one NEW_TICK to the next is the first one's whole handling.
            var (lastTick, longest, syntheticInLongest, synthetic) = (Stopwatch.GetTimestamp(), TimeSpan.Zero, 0, 0);
            var runner = new InProcessRunner(settings, TestSystem.Registry, models: models)
            {
                Observer = e =>
                {
                    if (e.Payload is BarPayload { IsSynthetic: true }) synthetic++;
                    if (e.Type != EventTypes.NewTick) return;
                    var now = Stopwatch.GetTimestamp();
                    if (Stopwatch.GetElapsedTime(lastTick, now) is var took && took > longest) (longest, syntheticInLongest) = (took, synthetic);
                    (lastTick, synthetic) = (now, 0);
                },
            };
            var result = await runner.RunAsync();

            Assert.Null(result.FatalError);
            output.WriteLine($"longest NEW_TICK handling: {longest.TotalSeconds:F2} s, {syntheticInLongest} synthetic bars");
            foreach (var cost in result.Costs) output.WriteLine($"  {cost.Component}: {cost.Handled} events, {cost.SelfTime.TotalSeconds:F2} s, {cost.MicrosecondsPerEvent:F0} us/event");
            // About 1,150 five-minute and 191 thirty-minute buckets are empty in the gap; all are filled in that one handling.
            Assert.InRange(syntheticInLongest, 1_300, BarsSettings.DefaultMaxGapFillBars + 192);
            Assert.True(longest < TimeSpan.FromSeconds(20), $"the largest gap fill took {longest.TotalSeconds:F1} s, too close to Orleans' 30 s");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task On_orleans_the_largest_gap_fill_stays_inside_the_response_timeout_and_the_run_stops_normally()
    {
        var root = Tree();
        await using var system = await TestSystem.StartAsync(Settings(), 1, root);
        var started = Stopwatch.GetTimestamp();
        var status = await system.WaitForAsync(Timeout, SystemState.Stopped, SystemState.Faulted);
        output.WriteLine($"run: {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s");
        Assert.Equal(SystemState.Stopped, status.State);
    }
}
