using System.Globalization;
using AlgoSpace.Benchmarks;
using AlgoSpace.Tests.Persistence;
using AlgoSpace.Tests.Process;
using AlgoSpace.Tests.Recovery;

namespace AlgoSpace.Tests.Cluster;

/// <summary>
/// The default backtest on a real cluster on loopback: a redis-server of its own for the membership table and grain
/// state, and silo processes started and stopped as a test says, each on free ports of its own. Every silo's output is
/// kept, by its number (1 is the first started). Given a feed, the silos run the job in live mode (--mode live) on it.
/// </summary>
public sealed class BacktestCluster : IDisposable
{
    public static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(5);

    private readonly RedisServer _redis;
    private readonly Dictionary<int, SiloProcess> _silos = [];
    private readonly Dictionary<int, string> _ended = [];
    private readonly Dictionary<int, int> _siloPorts = [];
    private readonly Uri? _feed;

    private BacktestCluster(RedisServer redis, string job, int minSilos, Uri? feed)
    {
        _redis = redis;
        _feed = feed;
        Tree = new DefaultJobTree(
            "  provider: redis\n  redis_connection: ${env:ALGOSPACE_TEST_REDIS}\n",
            cluster: $"  provider: redis\n  cluster_id: backtest-{Guid.NewGuid():N}\n  redis_connection: ${{env:ALGOSPACE_TEST_REDIS}}\n"
                + "  silo_port: ${env:ALGOSPACE_SILO_PORT}\n  gateway_port: ${env:ALGOSPACE_GATEWAY_PORT}\n"
                + $"  min_silos: {minSilos}\n",
            job: job);
    }

    /// <param name="job">The shipped settings file the cluster runs (<see cref="DefaultJobTree.DefaultJob"/> or <see cref="DefaultJobTree.PortfolioJob"/>).</param>
    /// <param name="minSilos">cluster.min_silos: the run starts once this many silos are active.</param>
    /// <param name="liveFeed">The feed a live run reads (data_handler.live.url); null runs the job's backtest.</param>
    public static async Task<BacktestCluster> StartRedisAsync(string job = DefaultJobTree.DefaultJob, int minSilos = 1, Uri? liveFeed = null) =>
        new(await RedisServer.StartAsync(), job, minSilos, liveFeed);

    /// <summary>
    /// The environment a client needs to find this cluster through <see cref="DefaultJobTree.Settings"/>: the Redis
    /// connection, and some valid port for the silos' own references (the client takes the gateways from Redis).
    /// </summary>
    public IReadOnlyDictionary<string, string> ClientEnvironment => new Dictionary<string, string>
    {
        ["ALGOSPACE_TEST_REDIS"] = _redis.ConnectionString,
        ["ALGOSPACE_SILO_PORT"] = "11111",
        ["ALGOSPACE_GATEWAY_PORT"] = "30000",
    };

    public DefaultJobTree Tree { get; }

    /// <summary>Starts silo number <paramref name="number"/> of the cluster.</summary>
    public void Start(int number)
    {
        var ports = FreePorts.Pair();
        var environment = new Dictionary<string, string>
        {
            ["ALGOSPACE_TEST_REDIS"] = _redis.ConnectionString,
            ["ALGOSPACE_SILO_PORT"] = ports.Silo.ToString(CultureInfo.InvariantCulture),
            ["ALGOSPACE_GATEWAY_PORT"] = ports.Gateway.ToString(CultureInfo.InvariantCulture),
        };
        if (_feed is not null) environment["ALGOSPACE_FEED_URL"] = _feed.ToString();
        _siloPorts[number] = ports.Silo;
        _silos[number] = SiloProcess.Start(_feed is null ? ["--config", Tree.Settings] : ["--config", Tree.Settings, "--mode", "live"], environment);
    }

    /// <summary>The number of the silo at a silo address ("127.0.0.1:41234" or Orleans' "S127.0.0.1:41234:…").</summary>
    public int NumberAt(string address) =>
        _siloPorts.Single(p => address.TrimStart('S').Split(':')[1] == p.Value.ToString(CultureInfo.InvariantCulture)).Key;

    public SiloProcess Silo(int number) => _silos[number];

    /// <summary>stdout and stderr of silo <paramref name="number"/>, running or ended.</summary>
    public string Output(int number) => _ended.TryGetValue(number, out var output) ? output : _silos[number].Output + _silos[number].Error;

    public IEnumerable<int> Numbers => _silos.Keys;

    /// <summary>Waits until silo <paramref name="number"/> has exited; returns its exit code.</summary>
    public async Task<int> ExitAsync(int number)
    {
        var code = await _silos[number].WaitForExitAsync(RunTimeout);
        _ended[number] = _silos[number].Output + _silos[number].Error;
        return code;
    }

    /// <summary>
    /// Waits until the run has published at least <paramref name="ticks"/> ticks, as the last progress line of a running
    /// silo says (after a recovery the count starts again from the restored checkpoint, in every silo's lines alike).
    /// </summary>
    public async Task WaitForTicksAsync(long ticks)
    {
        var deadline = DateTime.UtcNow + RunTimeout;
        while (Running().Select(n => RunInterrupter.LastPublished(_silos[n].Output)).DefaultIfEmpty(0).Max() < ticks)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"the run did not reach {ticks} ticks:\n{string.Join("\n", Running().Select(n => Tail(Output(n))))}");
            await Task.Delay(20);
        }
    }

    private IEnumerable<int> Running() => _silos.Keys.Where(n => !_ended.ContainsKey(n) && !_silos[n].Output.Contains("AlgoSpace stopped with exit code", StringComparison.Ordinal));

    private static string Tail(string output) => string.Join("\n", output.Split('\n').TakeLast(20));

    /// <summary>The run id, from the first silo that named it.</summary>
    public string RunId => _silos.Keys.Select(n => RunInterrupter.RunIdIn(Output(n))).First(id => id is not null)!;

    /// <summary>
    /// Asserts that the run, whatever its silos went through, ended as an uninterrupted one-silo run: no silo took the
    /// emergency path or found the replay differing from its journal, one new run was begun, trades.csv and equity.csv
    /// are byte-identical to <paramref name="expected"/>, and no execution id is there twice. Returns the run's files.
    /// </summary>
    public RunFiles AssertTradesOfOneSilo(RunFiles expected, string what)
    {
        var outputs = Numbers.Select(Output).ToList();
        var all = string.Join("\n", outputs);
        Assert.DoesNotContain("Emergency shutdown", all, StringComparison.Ordinal);
        Assert.DoesNotContain("was not produced again by the replay", all, StringComparison.Ordinal);
        Assert.DoesNotContain("produced again with other content", all, StringComparison.Ordinal);
        Assert.Single(outputs.SelectMany(o => o.Split('\n')).Where(l => l.Contains(" -> Initializing: new run ", StringComparison.Ordinal)).Distinct());

        var run = Tree.Read(RunId);
        Assert.True(expected.Trades == run.Trades, $"trades.csv differs.\nexpected:\n{expected.Trades}\n{what}:\n{run.Trades}");
        Assert.True(expected.Equity == run.Equity, "equity.csv differs from the uninterrupted run's");
        Assert.Equal(run.ExecutionIds.Distinct().Count(), run.ExecutionIds.Count);
        return run;
    }

    public void Dispose()
    {
        foreach (var silo in _silos.Values) silo.Dispose();
        Tree.Dispose();
        _redis.Dispose();
    }
}
