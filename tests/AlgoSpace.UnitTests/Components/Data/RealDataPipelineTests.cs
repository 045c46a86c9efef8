using System.Globalization;
using AlgoSpace.Grains.Components;
using AlgoSpace.Grains.Components.Bars;
using AlgoSpace.Grains.Components.Data;
using AlgoSpace.Grains.Interfaces.Components;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Interfaces.Events;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;
using static AlgoSpace.Grains.Interfaces.Events.EventTypes;

namespace AlgoSpace.Tests.Components.Data;

/// <summary>
/// The real 30-minute NQ and CL files of ../shared/data through the pipeline's first two components, in process:
/// the backtest data handler publishes each tick straight into a real bar generator (lockstep, as the broadcast
/// bus is), and the bars that come out are counted and summed. The expected figures are computed here from the
/// file alone, with nothing from the production code: its own CSV split with day-first dates, its own copy of
/// the bar validation rule of docs/architecture.md, its own 5- and 30-minute bucketing and gap-fill count.
/// </summary>
/// <remarks>
/// The files are outside the project. When they are absent (a clone without ../shared) the tests are reported
/// skipped with the path they looked for.
/// </remarks>
public sealed class RealDataPipelineTests(ITestOutputHelper output)
{

    /// <param name="zeroVolumeRows">Contract section 4: NQ has 51 zero-volume bars, CL none.</param>
    [SkippableTheory]
    [InlineData("NQ-30min-ETH.csv", "NQ", 56_083, 51)]
    [InlineData("CL-30min-ETH.csv", "CL", 59_217, 0)]
    public async Task The_real_bar_files_become_the_independently_computed_5_and_30_minute_bars(string file, string symbol, int rows, int zeroVolumeRows)
    {
        var path = SharedData.Require(file);

        // The facts of contract section 4, read independently.
        var all = ReadDayFirst(path);
        Assert.Equal(rows, all.Count);
        Assert.All(all.Zip(all.Skip(1)), p => Assert.True(p.Second.Start > p.First.Start, $"{p.Second.Start:O} does not follow {p.First.Start:O}"));
        Assert.Equal(zeroVolumeRows, all.Count(b => b.Volume == 0));
        Assert.All(all, b => Assert.True(b.Start.Minute % 30 == 0 && b.Start.Second == 0, $"{b.Start:O} is not on a 30-minute boundary"));

        var expected = Expect(all);
        var tally = await RunPipelineAsync(path, symbol);
        output.WriteLine($"{file}: {expected.Accepted.Count} bars kept, {all.Count - expected.Accepted.Count} rejected; 30m {tally.Bars30} ({tally.Synthetic30} synthetic), 5m {tally.Bars5} ({tally.Synthetic5} synthetic)");

        Assert.Equal(rows, tally.Complete!.TotalRows);
        Assert.Equal(rows - expected.Accepted.Count, tally.Complete.ErrorCount);
        Assert.Equal(4L * expected.Accepted.Count, tally.Complete.SuccessCount);
        Assert.Equal(4L * expected.Accepted.Count, tally.Ticks);

        Assert.Equal(expected.Accepted.Count, tally.Bars30 - tally.Synthetic30);
        Assert.Equal(expected.Synthetic30, tally.Synthetic30);
        Assert.Equal(expected.Bars5, tally.Bars5);
        Assert.Equal(expected.Synthetic5, tally.Synthetic5);

        var volume = expected.Accepted.Sum(b => b.Volume);
        Assert.Equal(volume, tally.Volume30);
        Assert.Equal(volume, tally.Volume5);
        Assert.Equal(expected.Accepted.Count(b => b.Volume == 0), tally.ZeroVolumeReal30);

        // Per calendar day (of the bar start) for the first three days, a day in the middle and the last day.
        var byDay = expected.Accepted.GroupBy(b => DateOnly.FromDateTime(b.Start)).ToDictionary(g => g.Key, g => g.Sum(b => b.Volume));
        var days = byDay.Keys.Order().ToList();
        foreach (var day in days.Take(3).Append(days[days.Count / 2]).Append(days[^1]))
        {
            Assert.Equal((day, byDay[day]), (day, tally.VolumeByDay30.GetValueOrDefault(day)));
        }
    }

    private sealed record Row(DateTime Start, double Open, double High, double Low, double Close, long Volume);

    private sealed record Expected(List<Row> Accepted, long Synthetic30, long Bars5, long Synthetic5);

    /// <summary>Split on commas, spaces, slashes and colons; day first; CR stripped.</summary>
    private static List<Row> ReadDayFirst(string path)
    {
        var rows = new List<Row>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            if (line.Trim().Length == 0) continue;
            var f = line.TrimEnd('\r').Split(',');
            var dateTime = f[0].Split(' ');
            var date = dateTime[0].Split('/');
            var time = dateTime[1].Split(':');
            var start = new DateTime(Int(date[2]), Int(date[1]), Int(date[0]), Int(time[0]), Int(time[1]), time.Length > 2 ? Int(time[2]) : 0);
            rows.Add(new Row(start, Real(f[1]), Real(f[2]), Real(f[3]), Real(f[4]), long.Parse(f[5], CultureInfo.InvariantCulture)));
        }

        return rows;

        static int Int(string s) => int.Parse(s, CultureInfo.InvariantCulture);
        static double Real(string s) => double.Parse(s, CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// What the pipeline must produce. Bars kept: the rule of docs/architecture.md written out again — the close
    /// within 5 % of the median of the last 100 kept closes, or the bar's range overlapping the previous row's, or
    /// the third of three consecutive outlier closes within 0.5 % of each other (the last two restart the median).
    /// 30-minute bars: each kept bar, plus one synthetic bar per empty 30-minute slot between consecutive kept
    /// bars. 5-minute bars: a kept bar's ticks at +0, +7.5, +15 and +22.5 minutes fall in the 5-minute slots +0,
    /// +5, +15 and +20; every slot holding a tick is a bar, every empty slot between two such slots a synthetic bar.
    /// </summary>
    private static Expected Expect(List<Row> rows)
    {
        var kept = new List<Row>();
        var closes = new List<double>();
        var outliers = new List<double>();
        Row? previous = null;
        foreach (var row in rows)
        {
            var keep = true;
            if (closes.Count > 0)
            {
                var sorted = closes.TakeLast(100).Order().ToList();
                var median = sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
                if (Math.Abs(row.Close - median) / median > 0.05)
                {
                    var overlaps = previous is not null && row.Low <= previous.High && row.High >= previous.Low;
                    var agree = outliers.Count == 2 && (outliers.Append(row.Close).Max() - outliers.Append(row.Close).Min()) / outliers.Append(row.Close).Min() <= 0.005;
                    if (overlaps || agree)
                    {
                        closes.Clear();
                    }
                    else
                    {
                        keep = false;
                        if (outliers.Count == 2) outliers.RemoveAt(0);
                        outliers.Add(row.Close);
                    }
                }
            }

            previous = row;
            if (!keep) continue;
            outliers.Clear();
            closes.Add(row.Close);
            kept.Add(row);
        }

        var synthetic30 = kept.Zip(kept.Skip(1)).Sum(p => (long)((p.Second.Start - p.First.Start).TotalMinutes / 30) - 1);

        var slots = new List<DateTime>();
        foreach (var bar in kept)
        {
            foreach (var minutes in new[] { 0.0, 7.5, 15, 22.5 })
            {
                var t = bar.Start.AddMinutes(minutes);
                var slot = new DateTime(t.Year, t.Month, t.Day, t.Hour, t.Minute / 5 * 5, 0);
                if (slots.Count == 0 || slots[^1] != slot) slots.Add(slot);
            }
        }

        var synthetic5 = slots.Zip(slots.Skip(1)).Sum(p => (long)((p.Second - p.First).TotalMinutes / 5) - 1);
        return new Expected(kept, synthetic30, slots.Count + synthetic5, synthetic5);
    }

    private static async Task<BarTally> RunPipelineAsync(string path, string symbol)
    {
        var settings = new AlgoSpaceSettings
        {
            Symbols = [symbol],
            DataHandler = new DataHandlerSettings { BacktestFile = path, LogEvery = 1_000_000 },
        };
        var tally = new BarTally();
        var generator = new BarGenerator(new Context("bar_generator", settings, tally));
        await generator.StartAsync(CancellationToken.None);

        var handler = new BacktestDataHandler(new Context("data_handler", settings, new ForwardingBus(tally, generator)));
        await handler.StartAsync(CancellationToken.None);
        await handler.RunAsync(CancellationToken.None);
        await handler.StopAsync(CancellationToken.None);
        return tally;
    }

    /// <summary>The data handler's bus: every NEW_TICK and BACKTEST_COMPLETE goes to the bar generator and is awaited.</summary>
    private sealed class ForwardingBus(BarTally tally, BarGenerator generator) : IEventBus
    {
        private long _seq;

        public async ValueTask PublishAsync(string eventType, EventPayload? payload, DateTime simTime, string? correlationId = null)
        {
            var envelope = new EventEnvelope(eventType, ++_seq, simTime, "data_handler", correlationId ?? $"data_handler:{_seq}", payload);
            if (eventType == NewTick) tally.Ticks++;
            if (payload is BacktestCompletePayload complete) tally.Complete = complete;
            await generator.HandleAsync(envelope, CancellationToken.None);
        }

        public Task SubscribeAsync(string eventType) => Task.CompletedTask;

        public Task UnsubscribeAsync(string eventType) => Task.CompletedTask;
    }

    /// <summary>The bar generator's bus: counts and sums the bars instead of keeping half a million of them.</summary>
    private sealed class BarTally : IEventBus
    {
        public long Ticks { get; set; }
        public BacktestCompletePayload? Complete { get; set; }
        public long Bars5 { get; private set; }
        public long Synthetic5 { get; private set; }
        public long Volume5 { get; private set; }
        public long Bars30 { get; private set; }
        public long Synthetic30 { get; private set; }
        public long Volume30 { get; private set; }
        public long ZeroVolumeReal30 { get; private set; }
        public Dictionary<DateOnly, long> VolumeByDay30 { get; } = [];

        public ValueTask PublishAsync(string eventType, EventPayload? payload, DateTime simTime, string? correlationId = null)
        {
            var bar = (BarPayload)payload!;
            if (eventType == New5MinBar)
            {
                Bars5++;
                if (bar.IsSynthetic) Synthetic5++;
                Volume5 += bar.Volume;
            }
            else if (eventType == New30MinBar)
            {
                Bars30++;
                if (bar.IsSynthetic) Synthetic30++;
                else if (bar.Volume == 0) ZeroVolumeReal30++;
                Volume30 += bar.Volume;
                var day = DateOnly.FromDateTime(bar.Timestamp);
                VolumeByDay30[day] = VolumeByDay30.GetValueOrDefault(day) + bar.Volume;
            }
            else
            {
                throw new InvalidOperationException($"The bar generator published {eventType}: {payload}");
            }

            return ValueTask.CompletedTask;
        }

        public Task SubscribeAsync(string eventType) => Task.CompletedTask;

        public Task UnsubscribeAsync(string eventType) => Task.CompletedTask;
    }

    private sealed class Context(string name, AlgoSpaceSettings settings, IEventBus bus) : IComponentContext
    {
        public ComponentSpec Spec { get; } = new(name, name, true, [], [], [], new Dictionary<string, string>());
        public AlgoSpaceSettings Settings => settings;
        public IEventBus Bus => bus;
        public ILogger Logger => NullLogger.Instance;
        public IReadOnlyDictionary<string, AlgoSpace.Grains.Models.LoadedModel> Models { get; } = new Dictionary<string, AlgoSpace.Grains.Models.LoadedModel>();
        public IComponentCalls Calls => NoComponentCalls.Instance;

        public void ReportDegraded(string reason) => throw new InvalidOperationException($"{name} degraded: {reason}");

        public AlgoSpace.Grains.Components.Journal.IComponentJournal Journal { get; } = new AlgoSpace.Grains.Components.Journal.InMemoryJournal();
    }
}
