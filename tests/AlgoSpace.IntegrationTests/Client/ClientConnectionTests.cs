using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using AlgoSpace.Client;
using AlgoSpace.Client.Connection;
using AlgoSpace.Grains.Interfaces.Configuration;

namespace AlgoSpace.Tests.Client;

/// <summary>Where the client looks for the cluster, and what it says when nobody is there.</summary>
public sealed class ClientConnectionTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("algospace-client-").FullName;

    [Fact]
    public async Task An_unreachable_cluster_gives_one_line_naming_the_gateway_and_cluster_and_exit_code_3_within_seconds()
    {
        var port = UnusedPort();
        var harness = new ClientHarness();
        var clock = Stopwatch.StartNew();

        var exit = await harness.RunAsync("status", "--gateway-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--cluster-id", "nobody-here");

        Assert.Equal(ClientExitCodes.ClusterUnreachable, exit);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        var error = harness.Error.ToString().TrimEnd();
        Assert.DoesNotContain('\n', error);
        Assert.StartsWith("error: cannot reach the AlgoSpace cluster: tried gateway 127.0.0.1:" + port + ", cluster id 'nobody-here'", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_config_file_the_client_looks_where_the_silo_listens_by_default()
    {
        Assert.Equal(new ConnectionSettings(ClusteringProvider.Localhost, "algospace-dev", "algospace", 30_000), ConnectionSettings.Default);
    }

    [Fact]
    public void The_cluster_section_of_a_settings_file_is_read_and_environment_references_resolved()
    {
        var path = Write("""
            system:
              mode: live
            cluster:
              provider: localhost
              cluster_id: algospace-live
              gateway_port: ${env:LIVE_GATEWAY:-30100}
            """);

        var settings = ClusterSettingsFile.Read(path, name => name == "LIVE_GATEWAY" ? "30200" : null);
        var defaulted = ClusterSettingsFile.Read(path, _ => null);

        Assert.Equal(new ConnectionSettings(ClusteringProvider.Localhost, "algospace-live", "algospace", 30_200), settings);
        Assert.Equal(30_100, defaulted.GatewayPort);
    }

    [Fact]
    public async Task Command_line_options_override_the_config_file()
    {
        var path = Write("cluster:\n  cluster_id: from-file\n  gateway_port: 30100\n");
        var harness = new ClientHarness();

        // Nothing listens on the port given on the command line: the error names what was tried.
        var port = UnusedPort();
        await harness.RunAsync("routes", "--config", path, "--gateway-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--service-id", "svc");

        Assert.Contains($"gateway 127.0.0.1:{port}, cluster id 'from-file', service id 'svc'", harness.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_redis_cluster_takes_its_connection_string_only_from_the_named_environment_variable()
    {
        var path = Write("cluster:\n  provider: redis\n  cluster_id: prod\n  redis_connection: ${env:ALGOSPACE_REDIS}\n");
        var literal = Write("cluster:\n  provider: redis\n  redis_connection: redis.internal:6379,password=hunter2\n");

        var settings = ClusterSettingsFile.Read(path, name => name == "ALGOSPACE_REDIS" ? "localhost:6379" : null);
        var unset = Assert.Throws<ClientUsageException>(() => ClusterSettingsFile.Read(path, _ => null));
        var refused = Assert.Throws<ClientUsageException>(() => ClusterSettingsFile.Read(literal, _ => "x"));

        Assert.Equal((ClusteringProvider.Redis, "prod", "localhost:6379", "ALGOSPACE_REDIS"), (settings.Provider, settings.ClusterId, settings.RedisConnection, settings.RedisVariable));
        Assert.Contains("$ALGOSPACE_REDIS, which is not set", unset.Message, StringComparison.Ordinal);
        Assert.Contains("must be ${env:NAME}", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("localhost:6379", settings.Describe(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cluster:\n  gateway_port: seventy\n", "cluster.gateway_port is 'seventy'")]
    [InlineData("cluster:\n  provider: zookeeper\n", "cluster.provider is 'zookeeper'")]
    [InlineData("cluster: [a, b]\n", "cluster must be a mapping")]
    [InlineData("cluster:\n  cluster_id: [x\n", "not valid YAML")]
    public async Task A_bad_config_file_is_a_usage_error_naming_the_key(string yaml, string expected)
    {
        var harness = new ClientHarness();

        var exit = await harness.RunAsync("status", "--config", Write(yaml));

        Assert.Equal(ClientExitCodes.UsageError, exit);
        Assert.Contains(expected, harness.Error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("status --interval 0", "--interval must be a number of seconds above 0")]
    [InlineData("mode paper", "Argument 'paper' not recognized")]
    [InlineData("status --gateway-port 70000", "--gateway-port must be 1-65535")]
    [InlineData("status --cluster-id bad/id", "--cluster-id 'bad/id'")]
    [InlineData("frobnicate", "Unrecognized command or argument 'frobnicate'")]
    public async Task Usage_errors_exit_with_code_2_before_connecting(string args, string expected)
    {
        var harness = new ClientHarness();

        // A port nobody listens on, so that a command that wrongly connected would fail differently.
        var arguments = args.Split(' ').ToList();
        if (!args.Contains("--gateway-port", StringComparison.Ordinal)) arguments.AddRange(["--gateway-port", UnusedPort().ToString(System.Globalization.CultureInfo.InvariantCulture)]);

        var exit = await harness.RunAsync([.. arguments]);

        Assert.Equal(ClientExitCodes.UsageError, exit);
        Assert.Contains(expected, harness.Error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("cannot reach", harness.Error.ToString(), StringComparison.Ordinal);
    }

    private string Write(string yaml)
    {
        var path = Path.Combine(folder, $"settings-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    /// <summary>A loopback port nobody listens on (bound, read, released).</summary>
    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
