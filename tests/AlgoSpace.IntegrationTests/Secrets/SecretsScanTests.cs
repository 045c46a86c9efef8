using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.RegularExpressions;
using AlgoSpace.Client;
using AlgoSpace.Client.Connection;
using AlgoSpace.FeedReplay;
using AlgoSpace.Grains.Interfaces;
using AlgoSpace.Grains.Interfaces.Kernel;
using AlgoSpace.Grains.Interfaces.Operator;
using AlgoSpace.Tests.Client;
using AlgoSpace.Tests.Persistence;
using AlgoSpace.Tests.Process;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace AlgoSpace.Tests.Secrets;

/// <summary>
/// Issue 10: a live session with every credential set through the environment (feed API key, broker user and
/// password, Redis clustering and persistence passwords, operator token) shows none of them anywhere an operator
/// or an attacker could read: the silo's output, --print-config and --validate --debug, the client's output,
/// /metrics and /health, the run folder, and the saved state (state files, or the Redis keys).
/// </summary>
public sealed partial class SecretsScanTests(ITestOutputHelper log)
{
    private const string Redacted = "***redacted***";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    // The first fill comes after the RDE's warm-up (200 30-minute bars, four simulated days of unbatched live
    // ticks): a bound for a stuck session, wide enough for a loaded two-core machine, not a speed target.
    private static readonly TimeSpan TradingTimeout = TimeSpan.FromMinutes(3);

    private static string FeedFile => RepositoryRoot.File("data", "sample", "ES-ticks-eth-20d.csv.gz");

    private static string BacktestFile => RepositoryRoot.File("data", "sample", "ES-ticks-sample.csv");

    /// <summary>
    /// redis: state in Redis (its password really used), the silo at --debug (every line it can write, Orleans' own
    /// options dump included) until 5,000 ticks are handled; file: state files, at INFO (DEBUG writes a line per
    /// delivery, too slow to reach a trade within the test's time) until the first fill, so that the paper broker's
    /// orders and position go through the execution path and into the saved state.
    /// </summary>
    [Theory]
    [InlineData("redis")]
    [InlineData("file")]
    public async Task A_live_session_with_every_credential_set_shows_none_in_output_state_metrics_or_the_client(string persistence)
    {
        var debug = persistence == "redis";
        var credentials = new TestCredentials();
        var scan = new SecretScan(credentials.Secrets);
        using var redis = await RedisServer.StartAsync(credentials.RedisConfiguration);
        using var tree = new SecretSiloTree();
        await using var feed = new FeedReplayServer(new FeedReplayOptions { File = FeedFile, Port = 0, ApiKey = credentials.FeedApiKey });
        await feed.StartAsync();
        var config = tree.WriteSettings(feed.Url, BacktestFile, persistence);
        var environment = credentials.Environment(redis.ConnectionString);

        using var silo = SiloProcess.Start(debug ? ["--config", config, "--debug"] : ["--config", config], environment);
        try
        {
            await silo.WaitForOutputAsync("AlgoSpace ready in", Timeout);
            var endpoint = EndpointLine().Match(silo.Output).Groups["url"].Value;
            await using var connection = await new OrleansClusterConnector(ClusterSettingsFile.Read(config, environment.GetValueOrDefault)).ConnectAsync(CancellationToken.None);
            var kernel = connection.Grains.GetGrain<IKernelOperatorGrain>(KernelKeys.Kernel);

            // It trades: ticks arrive only with the right API key (and, at INFO, an order fills on the paper broker).
            var trading = debug
                ? await PollAsync(kernel, s => s.EventTotals.GetValueOrDefault("NEW_TICK") >= 5_000, "5,000 ticks", silo)
                : await PollAsync(kernel, s => s.EventTotals.GetValueOrDefault("ORDER_FILLED") >= 1, "the first fill", silo);
            Assert.Equal(("live", SystemState.Running), (trading.Mode, trading.State));
            await AssertTheFeedRefusesAClientWithoutTheKeyAsync(feed.Url);
            await AssertTheRedisCredentialsAreInUseAsync(redis, credentials, persistence == "redis");

            using var http = new HttpClient { BaseAddress = new Uri(endpoint) };
            var metrics = await http.GetStringAsync("/metrics");
            var health = await http.GetStringAsync("/health");
            Assert.Contains("# TYPE ", metrics, StringComparison.Ordinal);
            Assert.Contains("Healthy", health, StringComparison.Ordinal);
            scan.Text("/metrics", metrics);
            scan.Text("/health", health);

            Assert.Contains("Running  mode live", await RunClientAsync(scan, environment, "status", "--config", config), StringComparison.Ordinal);
            var effective = await RunClientAsync(scan, environment, "config", "--config", config);
            Assert.Equal(5, Regex.Count(effective, Regex.Escape(Redacted)));
            // The operator token is really checked: the shutdown it authorises runs every step.
            Assert.Contains("save state and stop components  ok", await RunClientAsync(scan, environment, "shutdown", "--config", config), StringComparison.Ordinal);
            Assert.Equal(ExitCodes.Success, await silo.WaitForExitAsync(Timeout));

            scan.Text("silo stdout", silo.Output);
            scan.Text("silo stderr", silo.Error);
            var files = scan.Folder(tree.Root);
            var stateEntries = await ScanRedisAsync(redis, credentials, scan);

            // The scan looked at something: the silo's output, the live run's report, the saved state.
            Assert.Equal(debug, silo.Output.Contains("Effective configuration (credentials redacted)", StringComparison.Ordinal));
            Assert.True(silo.Output.Length > 10_000, $"only {silo.Output.Length} characters of output");
            Assert.Contains(Path.Combine(tree.OutputDir, trading.RunId, "report.json"), files);
            Assert.Contains(Path.Combine(tree.OutputDir, trading.RunId, "trades.csv"), files);
            var stateFiles = files.Count(f => f.StartsWith(Path.Combine(tree.OutputDir, "state") + "/", StringComparison.Ordinal));
            var grainStates = stateEntries.Count(key => key.Contains("component", StringComparison.Ordinal));
            log.WriteLine($"scanned {scan.Scanned.Count} sources, {scan.Scanned.Values.Sum()} characters or bytes: {files.Count} files "
                + $"({stateFiles} state files), {stateEntries.Count} Redis keys ({grainStates} grain states), silo output {silo.Output.Length}");
            if (persistence == "file") Assert.True(stateFiles >= 10, $"{stateFiles} state files");
            else Assert.True(grainStates >= 10 && stateFiles == 0, $"{grainStates} grain states in Redis, {stateFiles} state files");

            Assert.True(scan.Findings.Count == 0, "Credentials shown:\n" + string.Join("\n", scan.Findings));
        }
        finally
        {
            log.WriteLine(silo.Output.Length > 20_000 ? silo.Output[^20_000..] : silo.Output);
        }
    }

    [Fact]
    public async Task Print_config_and_validate_debug_show_every_credential_key_redacted_and_no_credential()
    {
        var credentials = new TestCredentials();
        var scan = new SecretScan(credentials.Secrets);
        using var tree = new SecretSiloTree();
        var config = tree.WriteSettings(new Uri("ws://127.0.0.1:9/ticks"), BacktestFile, "redis");
        var environment = credentials.Environment("127.0.0.1:9");

        var printed = await RunToExitAsync(["--config", config, "--print-config"], environment, scan, "--print-config");
        Assert.Equal(5, Regex.Count(printed, Regex.Escape(Redacted)));
        var validated = await RunToExitAsync(["--config", config, "--validate", "--debug"], environment, scan, "--validate --debug");
        Assert.Contains("configuration valid", validated, StringComparison.Ordinal);
        Assert.True(scan.Findings.Count == 0, "Credentials shown:\n" + string.Join("\n", scan.Findings));
    }

    [GeneratedRegex(@"endpoints (?<url>http://127\.0\.0\.1:\d+)")]
    private static partial Regex EndpointLine();

    /// <summary>Runs a silo command that exits on its own (print, validate), scans and returns its output.</summary>
    private static async Task<string> RunToExitAsync(string[] args, Dictionary<string, string> environment, SecretScan scan, string what)
    {
        using var silo = SiloProcess.Start(args, environment);
        var code = await silo.WaitForExitAsync(Timeout);
        scan.Text($"{what} stdout", silo.Output);
        scan.Text($"{what} stderr", silo.Error);
        Assert.True(code == ExitCodes.Success, $"{what} exited {code}:\n{silo.Output}\n{silo.Error}");
        return silo.Output;
    }

    private async Task<string> RunClientAsync(SecretScan scan, Dictionary<string, string> environment, params string[] args)
    {
        var client = new ClientHarness();
        foreach (var (name, value) in environment) client.Environment[name] = value;
        var code = await client.RunAsync(args);
        log.WriteLine($"client {args[0]} -> {code}\n{client}");
        scan.Text($"client {args[0]}", client.ToString());
        Assert.True(code == ClientExitCodes.Success, client.ToString());
        return client.Out.ToString();
    }

    private static async Task AssertTheFeedRefusesAClientWithoutTheKeyAsync(Uri feed)
    {
        using var anonymous = new ClientWebSocket();
        var refused = await Assert.ThrowsAsync<WebSocketException>(() => anonymous.ConnectAsync(feed, CancellationToken.None));
        Assert.Contains("401", refused.Message, StringComparison.Ordinal);
    }

    /// <summary>Redis refuses a client without a password, and the silo is connected as the persistence ACL user when
    /// state is in Redis (never as the clustering one: clustering is on localhost).</summary>
    private static async Task AssertTheRedisCredentialsAreInUseAsync(RedisServer redis, TestCredentials credentials, bool stateInRedis)
    {
        using (var anonymous = new TcpClient())
        {
            await anonymous.ConnectAsync("127.0.0.1", redis.Port);
            var stream = anonymous.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var reply = new byte[256];
            var read = await stream.ReadAsync(reply);
            Assert.StartsWith("-NOAUTH", Encoding.ASCII.GetString(reply, 0, read), StringComparison.Ordinal);
        }

        await using var admin = await ConnectAdminAsync(redis, credentials);
        var clients = (string)(await admin.GetServer(admin.GetEndPoints()[0]).ExecuteAsync("CLIENT", "LIST"))!;
        Assert.DoesNotContain($" user={TestCredentials.ClusterRedisUser} ", clients, StringComparison.Ordinal);
        Assert.Equal(stateInRedis, clients.Contains($" user={TestCredentials.StateRedisUser} ", StringComparison.Ordinal));
    }

    /// <summary>Scans every key and value in Redis (membership table, grain state); returns the keys.</summary>
    private static async Task<List<string>> ScanRedisAsync(RedisServer redis, TestCredentials credentials, SecretScan scan)
    {
        await using var admin = await ConnectAdminAsync(redis, credentials);
        var server = admin.GetServer(admin.GetEndPoints()[0]);
        var keys = new List<string>();
        for (var number = 0; number < server.DatabaseCount; number++)
        {
            var database = admin.GetDatabase(number);
            await foreach (var key in server.KeysAsync(number, "*"))
            {
                keys.Add(key.ToString());
                RedisValue[] values = await database.KeyTypeAsync(key) switch
                {
                    RedisType.String => [await database.StringGetAsync(key)],
                    RedisType.Hash => (await database.HashGetAllAsync(key)).SelectMany(e => new[] { e.Name, e.Value }).ToArray(),
                    RedisType.List => await database.ListRangeAsync(key),
                    RedisType.Set => await database.SetMembersAsync(key),
                    RedisType.SortedSet => await database.SortedSetRangeByRankAsync(key),
                    var other => throw new InvalidOperationException($"Redis key {key} is a {other}, which this scan cannot read."),
                };
                scan.Bytes($"redis db{number} {key}", [.. (byte[])key!, .. values.SelectMany(v => (byte[])v!)]);
            }
        }

        return keys;
    }

    private static Task<ConnectionMultiplexer> ConnectAdminAsync(RedisServer redis, TestCredentials credentials) =>
        ConnectionMultiplexer.ConnectAsync(new ConfigurationOptions
        {
            EndPoints = { redis.ConnectionString },
            Password = credentials.AdminRedisPassword,
            AllowAdmin = true,
        });

    private static async Task<SystemStatusReport> PollAsync(IKernelOperatorGrain kernel, Func<SystemStatusReport, bool> condition, string what, SiloProcess silo)
    {
        var deadline = DateTime.UtcNow + TradingTimeout;
        while (true)
        {
            var status = await kernel.GetSystemStatusAsync();
            if (condition(status)) return status;
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting for {what}: {status.State}, mode {status.Mode}, events "
                    + string.Join(", ", status.EventTotals.Select(e => $"{e.Key}={e.Value}")) + "\nsilo:\n"
                    + (silo.Output.Length > 5000 ? silo.Output[^5000..] : silo.Output));
            }

            await Task.Delay(100);
        }
    }
}
