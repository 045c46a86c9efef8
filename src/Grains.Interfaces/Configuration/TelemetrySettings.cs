using System.ComponentModel;

namespace AlgoSpace.Grains.Interfaces.Configuration;

public sealed class TelemetrySettings
{
    [Description("Serve /health and /metrics over HTTP.")]
    public bool Enabled { get; init; } = true;

    [SettingPattern("^[0-9a-fA-F:.]+$|^localhost$", "an IP address or localhost"), Description("Address the HTTP endpoints bind to; 0.0.0.0 exposes them beyond this machine.")]
    public string HttpAddress { get; init; } = "127.0.0.1";

    [SettingRange(0, 65_535), Description("Port of the HTTP endpoints; 0 picks a free port.")]
    public int HttpPort { get; init; } = 9464;
}
