using System.Text.Json.Nodes;

namespace AlgoSpace.Tests.Pipeline;

/// <summary>
/// The portfolio job (settings/portfolio.yaml: ES, NQ and CL, one pipeline each, one merged clock and one account,
/// the committed models, the shipped correlated sample cut at its ninth trading day) gives byte-identical
/// trades.csv, equity.csv and report.json (without timing) on 1, 2 and 3 silos and on both bus transports, and the
/// in-process runner the same trades: determinism across instruments, wherever their pipelines are placed.
/// </summary>
public sealed class PortfolioDeterminismTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    /// <summary>NQ trades from 2024-01-10 (RDE warm-up takes the first days); the cut keeps the run short.</summary>
    private const string EndDate = "2024-01-12";

    /// <summary>
    /// The stream transport's cut: the first two trading days, before the first trade. Every acknowledged stream
    /// delivery waits for the stream's pulling agent (tens of ms), and a portfolio's day is about 800 batches and
    /// their cascades, so streams take minutes per simulated week (docs/performance.md, "A portfolio"). The two days
    /// still cover every instrument's routing: the events handled by type, the equity curve, and the report's
    /// section by instrument, compared byte for byte.
    /// </summary>
    private const string StreamEndDate = "2024-01-03";

    private static readonly Lazy<Task<JobFiles>> Reference = new(() => RunOrleansAsync(new ClusterShape(1)));

    private static readonly Lazy<Task<JobFiles>> StreamReference = new(() => RunOrleansAsync(new ClusterShape(1), StreamEndDate));

    private static string Settings(string transport, string endDate = EndDate) => ShippedJobRun.Settings("portfolio.yaml", transport, endDate);

    private static string Tree() => DefaultJobFiles.NewPortfolioTree("algospace-portfolio-");

    private static Task<JobFiles> RunOrleansAsync(ClusterShape shape, string endDate = EndDate) =>
        ShippedJobRun.OrleansAsync(Settings(shape.Transport, endDate), Tree(), shape.Silos, Path.Combine("output", "portfolio"), Timeout);

    [Fact]
    public async Task The_portfolio_trades_by_instrument_and_repeats_itself_byte_for_byte()
    {
        var first = await Reference.Value;
        var second = await RunOrleansAsync(new ClusterShape(1));
        Assert.Equal(first, second);

        // The instruments' pipelines really decided: trades with the instrument in their ids, and the report's
        // section by instrument lists every symbol in settings order with its own count.
        var trades = first.Trades.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.True(trades.Count >= 2, first.Trades);
        Assert.All(trades, t => Assert.StartsWith($"EX_{t[1]}_2024", t[0], StringComparison.Ordinal));
        var instruments = JsonNode.Parse(first.Report)!["instruments"]!.AsArray();
        Assert.Equal(["ES", "NQ", "CL"], instruments.Select(i => (string)i!["symbol"]!));
        Assert.Equal(trades.Count, instruments.Sum(i => (int)i!["trades"]!));
        foreach (var instrument in instruments)
        {
            Assert.Equal(trades.Count(t => t[1] == (string)instrument!["symbol"]!), (int)instrument!["trades"]!);
        }
    }

    /// <summary>
    /// The test cluster's first silo begins the run before the other two are active, so they join it under way and the
    /// kernel rebalances the pipelines at the first checkpoint (docs/architecture.md, "Silos joining and leaving"): every
    /// component is restored from that checkpoint, and still the trades, the equity and the report are byte for byte
    /// those of one silo (the RDE's previous regime vector is saved for this: the next regime-transition alert is
    /// measured from it).
    /// </summary>
    [Fact]
    public async Task Three_silos_give_the_same_files()
    {
        var reference = await Reference.Value;
        var other = await RunOrleansAsync(new ClusterShape(3));
        Assert.Equal(reference.Trades, other.Trades);
        Assert.Equal(reference.Equity, other.Equity);
        Assert.Equal(reference.Report, other.Report);
    }

    [Fact]
    public async Task Two_silos_on_the_stream_transport_give_the_same_files()
    {
        var reference = await StreamReference.Value;
        Assert.Contains("\"NEW_5MIN_BAR\"", reference.Report, StringComparison.Ordinal);
        Assert.Contains("\"instruments\"", reference.Report, StringComparison.Ordinal);
        var other = await RunOrleansAsync(new ClusterShape(2, "stream"), StreamEndDate);
        Assert.Equal(reference.Trades, other.Trades);
        Assert.Equal(reference.Equity, other.Equity);
        Assert.Equal(reference.Report, other.Report);
    }

    [Fact]
    public async Task The_in_process_runner_makes_the_same_trades()
    {
        var reference = await Reference.Value;
        var (trades, equity) = await ShippedJobRun.InProcessAsync(Settings("broadcast"), Tree());
        Assert.Equal(reference.Trades, trades);
        Assert.Equal(reference.Equity, equity);
    }
}
