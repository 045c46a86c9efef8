using System.CommandLine;

namespace AlgoSpace.Client.Connection;

/// <summary>
/// The command-line options that say where the cluster is: --config reads the cluster section of a settings file,
/// and --gateway-port, --cluster-id, --service-id override it (or the silo's defaults).
/// </summary>
public sealed class ConnectionOptions
{
    public Option<string?> Config { get; } = new("--config", "-c")
    {
        Description = "A silo settings file whose cluster section (provider, cluster_id, service_id, gateway_port, redis_connection) says where the cluster is.",
        HelpName = "PATH",
        Recursive = true,
    };

    public Option<int?> GatewayPort { get; } = new("--gateway-port") { Description = "Gateway port of a localhost cluster. [default: 30000]", HelpName = "PORT", Recursive = true };

    public Option<string?> ClusterId { get; } = new("--cluster-id") { Description = "Orleans cluster id. [default: algospace-dev]", HelpName = "ID", Recursive = true };

    public Option<string?> ServiceId { get; } = new("--service-id") { Description = "Orleans service id. [default: algospace]", HelpName = "ID", Recursive = true };

    public IEnumerable<Option> All => [Config, GatewayPort, ClusterId, ServiceId];

    /// <summary>The settings from the file (or the defaults) with the overrides applied; usage errors name the option.</summary>
    public ConnectionSettings Resolve(ParseResult parse, Func<string, string?> environment)
    {
        var settings = parse.GetValue(Config) is { } path ? ClusterSettingsFile.Read(path, environment) : ConnectionSettings.Default;
        if (parse.GetValue(GatewayPort) is { } port)
        {
            if (port is < 1 or > 65_535) throw new ClientUsageException($"--gateway-port must be 1-65535 (found {port}).");
            settings = settings with { GatewayPort = port };
        }

        if (parse.GetValue(ClusterId) is { } cluster) settings = settings with { ClusterId = Identifier("--cluster-id", cluster) };
        if (parse.GetValue(ServiceId) is { } service) settings = settings with { ServiceId = Identifier("--service-id", service) };
        return settings;
    }

    private static string Identifier(string option, string value) =>
        value.Length > 0 && char.IsAsciiLetterOrDigit(value[0]) && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-')
            ? value
            : throw new ClientUsageException($"{option} '{value}' must be letters, digits, '.', '_' and '-', starting with a letter or digit.");
}
