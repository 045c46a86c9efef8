using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using AlgoSpace.Grains.Components;
using AlgoSpace.Grains.InProcess;
using AlgoSpace.Grains.Interfaces.Components.Calls;
using AlgoSpace.Grains.Interfaces.Events;
using AlgoSpace.Grains.Interfaces.Kernel;
using AlgoSpace.Grains.Models;
using AlgoSpace.Grains.Reporting;
using AlgoSpace.MarketData;
using AlgoSpace.Tests.Kernel;

namespace AlgoSpace.Tests.Pipeline;

/// <summary>
/// One bad row must not poison a run (issue 10): the shipped sample's good ticks with a handful of unusable rows
/// injected — a timestamp years ahead (which was once accepted, made every later row "before the last accepted
/// tick", set the bar generator gap-filling years of bars past Orleans' response timeout and ended in an emergency
/// shutdown), one years back, a NaN price and a line of binary garbage — run through the default job's real
/// pipeline. The run completes normally, each injected row is rejected at its own line, and everything the pipeline
/// publishes (bars, indicators, decisions, orders, trades) is what the same run without the injected rows publishes.
/// </summary>
public sealed class InjectedRowsTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    /// <summary>Data rows (0-based, among the good rows) before which a bad row is injected, all within the first 60,000.</summary>
    private static readonly (int Before, RowIssueKind Kind, Func<string, string> Make)[] Injections =
    [
        (10_000, RowIssueKind.TimestampOutlier, next => ShiftYears(next, +3)),
        (20_000, RowIssueKind.TimestampOutlier, next => ShiftYears(next, -3)),
        (30_000, RowIssueKind.NonFinitePrice, next => $"{next.Split(',')[0]},NaN,{next.Split(',')[2]}"),
        (40_000, RowIssueKind.WrongFieldCount, _ => "\u0001\u00ff\u0000garbage \u00e9\u00e8 ;;; \u0007"),
    ];

    private static string ShiftYears(string row, int years)
    {
        var fields = row.Split(',');
        var time = DateTime.ParseExact(fields[0], "yyyy-MM-ddTHH:mm:ss.fff", CultureInfo.InvariantCulture).AddYears(years);
        return $"{time:yyyy-MM-ddTHH:mm:ss.fff},{fields[1]},{fields[2]}";
    }

    /// <summary>The header and the first <paramref name="goodRows"/> rows of the sample, with the injections when asked; and the injected rows' line numbers.</summary>
    private static (byte[] Gzip, List<long> InjectedLines) Data(int goodRows, bool inject)
    {
        using var sample = new StreamReader(new GZipStream(File.OpenRead(RepositoryRoot.File("data", "sample", "ES-ticks-eth-20d.csv.gz")), CompressionMode.Decompress));
        var lines = new List<string> { sample.ReadLine()! };
        var injected = new List<long>();
        for (var i = 0; i < goodRows && sample.ReadLine() is { } row; i++)
        {
            foreach (var injection in Injections.Where(x => inject && x.Before == i))
            {
                lines.Add(injection.Make(row));
                injected.Add(lines.Count);
            }

            lines.Add(row);
        }

        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true)) gzip.Write(Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"));
        return (buffer.ToArray(), injected);
    }

    /// <summary>A project tree with the data file and the committed models.</summary>
    private static string Tree(byte[] data)
    {
        var root = Directory.CreateTempSubdirectory("algospace-injected-").FullName;
        Directory.CreateDirectory(Path.Combine(root, "data", "sample"));
        Directory.CreateDirectory(Path.Combine(root, "models"));
        File.WriteAllBytes(Path.Combine(root, "data", "sample", "ES-ticks-eth-20d.csv.gz"), data);
        foreach (var file in Directory.GetFiles(RepositoryRoot.File("models"))) File.Copy(file, Path.Combine(root, "models", Path.GetFileName(file)));
        return root;
    }

    /// <summary>The default job's settings (its defaults for time jumps and gap filling), memory persistence, no telemetry.</summary>
    private static string Settings() =>
        File.ReadAllText(RepositoryRoot.File("settings", "settings.yaml"))
            .Replace("persistence:\n", "persistence:\n  provider: memory\n", StringComparison.Ordinal) + "\ntelemetry:\n  enabled: false\n";

    private static readonly JsonSerializerOptions Canonical = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    /// <summary>A decision's processing time is measured on the wall clock: the one field two identical runs differ in.</summary>
    private static string WithoutWallClock(string json) =>
        System.Text.RegularExpressions.Regex.Replace(json, "\"ProcessingTimeMs\":[^,}]+", "\"ProcessingTimeMs\":\"wall clock\"");

    private sealed record InProcessRun(string Trades, List<string> Events, string Rejections, InProcessResult Result);

    private static async Task<InProcessRun> RunInProcessAsync(byte[] data)
    {
        var root = Tree(data);
        try
        {
            var settings = TestSystem.LoadSettings(Settings(), root);
            using var models = new ModelLoader().Load(ModelSource.FromSettings(settings));
            var events = new List<string>();
            var runner = new InProcessRunner(settings, TestSystem.Registry, models: models)
            {
                // BACKTEST_COMPLETE counts the rows read and rejected, which the injections change by design.
                Observer = e => { if (e.Type != EventTypes.BacktestComplete) events.Add($"{e.Type} {e.Seq} {e.SimTime:O} {e.Source} {WithoutWallClock(JsonSerializer.Serialize(e.Payload, e.Payload?.GetType() ?? typeof(object), Canonical))}"); },
            };
            var result = await runner.RunAsync();
            var tracker = Assert.IsAssignableFrom<ICallableComponent>(runner.Find("performance_tracker")?.Component);
            var reply = (PerformanceReportReply)await tracker.AnswerAsync(new PerformanceReportRequest(), CancellationToken.None);
            return new InProcessRun(TradesCsvWriter.Write(reply.Trades), events, runner.Find("data_handler")!.Component.Query("rejections"), result);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static void AssertRejectedAtTheirLines(string rejections, List<long> lines)
    {
        var found = rejections.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Injections.Select((x, i) => $"line {lines[i]}: {x.Kind}").ToList(), found.Select(r => string.Join(':', r.Split(':')[..2])).ToList());
    }

    /// <summary>
    /// 60,000 good ticks (the user's try; 2 to 5 January, before the models' first trade) and the sample through
    /// 9 January (96,185 ticks, four trades), each with the four rows injected among its first 60,000.
    /// </summary>
    [Theory]
    [InlineData(60_000, 0)]
    [InlineData(96_185, 4)]
    public async Task The_injected_rows_are_rejected_at_their_lines_and_the_run_publishes_what_the_clean_run_does(int goodRows, int trades)
    {
        var (dirty, lines) = Data(goodRows, inject: true);
        var clean = await RunInProcessAsync(Data(goodRows, inject: false).Gzip);
        var injected = await RunInProcessAsync(dirty);

        Assert.Null(clean.Result.FatalError);
        Assert.Null(injected.Result.FatalError);
        Assert.Equal("", clean.Rejections);
        AssertRejectedAtTheirLines(injected.Rejections, lines);
        Assert.Equal(goodRows, injected.Result.Ticks);
        Assert.Equal(trades, clean.Trades.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1);
        Assert.Equal(clean.Trades, injected.Trades);
        Assert.Equal(clean.Events.Count, injected.Events.Count);
        var first = clean.Events.Zip(injected.Events).Select((p, i) => (p.First, p.Second, i)).FirstOrDefault(p => p.First != p.Second);
        Assert.True(first.First is null, $"event {first.i} differs:\nclean:    {first.First}\ninjected: {first.Second}");
    }

    /// <summary>The same file through the Orleans pipeline (TestingHost): it stops normally, not Faulted, and writes the clean run's trades.</summary>
    [Fact]
    public async Task On_orleans_the_injected_run_stops_normally_with_the_clean_runs_trades()
    {
        var (dirty, lines) = Data(96_185, inject: true);
        var clean = await RunInProcessAsync(Data(96_185, inject: false).Gzip);
        var root = Tree(dirty);
        await using var system = await TestSystem.StartAsync(Settings(), 1, root);
        var status = await system.WaitForAsync(Timeout, SystemState.Stopped, SystemState.Faulted);

        Assert.Equal(SystemState.Stopped, status.State);
        AssertRejectedAtTheirLines(await system.Component("data_handler").QueryAsync("rejections"), lines);
        var folder = Assert.Single(Directory.GetDirectories(Path.Combine(root, "output")), d => File.Exists(Path.Combine(d, "trades.csv")));
        Assert.Equal(clean.Trades, await File.ReadAllTextAsync(Path.Combine(folder, "trades.csv")));
        var input = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "report.json")))!["input"]!;
        Assert.Equal((96_185L + 4, 96_185L, 4L), (input["rows"]!.GetValue<long>(), input["ticks"]!.GetValue<long>(), input["rejected_rows"]!.GetValue<long>()));
    }
}
