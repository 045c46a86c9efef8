using System.Globalization;
using System.Text.RegularExpressions;
using AlgoSpace.Grains.Interfaces.Configuration;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AlgoSpace.Client.Connection;

/// <summary>
/// Reads the cluster section of a silo's settings file (provider, cluster_id, service_id, gateway_port,
/// redis_connection), so that the client finds the cluster the silo that runs that file forms. Only this section is
/// read: the silo validates the rest. Values may reference the environment as the silo allows (${env:NAME} or
/// ${env:NAME:-default}); the Redis connection string, a credential, only as ${env:NAME}.
/// </summary>
public static partial class ClusterSettingsFile
{
    [GeneratedRegex(@"^\$\{env:(?<name>[A-Za-z_][A-Za-z0-9_]*)(?::-(?<default>[^}]*))?\}$")]
    private static partial Regex EnvironmentReference();

    public static ConnectionSettings Read(string path, Func<string, string?> environment)
    {
        var yaml = Load(path);
        var defaults = ConnectionSettings.Default;
        if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is not YamlMappingNode root
            || !root.Children.TryGetValue(new YamlScalarNode("cluster"), out var node))
        {
            return defaults;
        }

        if (node is not YamlMappingNode cluster)
        {
            throw new ClientUsageException($"--config {path}:{node.Start.Line}: cluster must be a mapping of provider, cluster_id, service_id, gateway_port.");
        }

        string? Scalar(string key)
        {
            if (!cluster.Children.TryGetValue(new YamlScalarNode(key), out var value)) return null;
            if (value is not YamlScalarNode { Value: { } text })
            {
                throw new ClientUsageException($"--config {path}:{value.Start.Line}: cluster.{key} must be a single value.");
            }

            return Resolve(text, $"--config {path}:{value.Start.Line}: cluster.{key}", environment);
        }

        // The keys are read in this order so that, of several faults, the same one is reported as before.
        var provider = ParseProvider(Scalar("provider") ?? "localhost", path);
        var port = ParsePort(Scalar("gateway_port"), defaults.GatewayPort, path);
        var (redis, redisVariable) = provider == ClusteringProvider.Redis ? ReadRedisConnection(cluster, path, environment) : (null, null);
        return new ConnectionSettings(provider, Scalar("cluster_id") ?? defaults.ClusterId, Scalar("service_id") ?? defaults.ServiceId, port, redis, redisVariable);
    }

    /// <summary>Parses the file, turning a missing, unreadable or malformed file into a usage error that names it.</summary>
    private static YamlStream Load(string path)
    {
        try
        {
            using var reader = File.OpenText(path);
            var yaml = new YamlStream();
            yaml.Load(reader);
            return yaml;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ClientUsageException($"--config {path}: no such file.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ClientUsageException($"--config {path}: cannot read it ({e.Message}).");
        }
        catch (YamlException e)
        {
            throw new ClientUsageException($"--config {path}:{e.Start.Line}:{e.Start.Column}: not valid YAML ({e.Message}).");
        }
    }

    private static ClusteringProvider ParseProvider(string providerText, string path) => providerText.ToLowerInvariant() switch
    {
        "localhost" => ClusteringProvider.Localhost,
        "redis" => ClusteringProvider.Redis,
        _ => throw new ClientUsageException($"--config {path}: cluster.provider is '{providerText}'; expected localhost or redis."),
    };

    /// <summary>The gateway port, or <paramref name="defaultPort"/> when the key is absent.</summary>
    private static int ParsePort(string? portText, int defaultPort, string path)
    {
        var port = defaultPort;
        if (portText is not null && (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65_535))
        {
            throw new ClientUsageException($"--config {path}: cluster.gateway_port is '{portText}'; expected a port 1-65535.");
        }

        return port;
    }

    /// <summary>
    /// The Redis connection string and the variable it came from. It is a credential, so only a plain ${env:NAME}
    /// reference is accepted: no literal and no default that would put it in the file.
    /// </summary>
    private static (string? Connection, string? Variable) ReadRedisConnection(YamlMappingNode cluster, string path, Func<string, string?> environment)
    {
        if (!cluster.Children.TryGetValue(new YamlScalarNode("redis_connection"), out var reference)
            || reference is not YamlScalarNode { Value: { } referenceText }
            || EnvironmentReference().Match(referenceText) is not { Success: true, Groups: var groups } || groups["default"].Success)
        {
            throw new ClientUsageException($"--config {path}: cluster.provider is redis, so cluster.redis_connection must be ${{env:NAME}} naming the environment variable that holds the connection string.");
        }

        var redisVariable = groups["name"].Value;
        var redis = environment(redisVariable);
        if (string.IsNullOrEmpty(redis))
        {
            throw new ClientUsageException($"--config {path}: cluster.redis_connection comes from ${redisVariable}, which is not set in this shell.");
        }

        return (redis, redisVariable);
    }

    private static string Resolve(string text, string where, Func<string, string?> environment)
    {
        var match = EnvironmentReference().Match(text);
        if (!match.Success) return text;
        var name = match.Groups["name"].Value;
        var value = environment(name);
        if (!string.IsNullOrEmpty(value)) return value;
        if (match.Groups["default"].Success) return match.Groups["default"].Value;
        throw new ClientUsageException($"{where} comes from ${name}, which is not set in this shell.");
    }
}
