using AlgoSpace.TestComponents;

namespace AlgoSpace.Tests.Process;

/// <summary>
/// A project tree for a real silo process that runs the test component kinds: the test components' assembly is
/// copied into plugins/ and named in component_assemblies, as a user would add a component.
/// </summary>
public sealed class PluginProjectTree : IDisposable
{
    public PluginProjectTree()
    {
        Root = Directory.CreateTempSubdirectory("algospace-process-").FullName;
        foreach (var folder in new[] { "data", "models", "settings", "plugins", "output" }) Directory.CreateDirectory(Path.Combine(Root, folder));
        File.WriteAllText(Path.Combine(Root, ".algospace-root"), "");
        File.WriteAllText(Path.Combine(Root, "data", "ticks.csv"), "timestamp,price,volume\n");
        var plugin = typeof(TestSource).Assembly.Location;
        File.Copy(plugin, Path.Combine(Root, "plugins", Path.GetFileName(plugin)));
    }

    public string Root { get; }

    public string StateDirectory => Path.Combine(Root, "output", "state");

    /// <summary>Writes settings that run the test components: a slow source, a recorder, an execution handler.</summary>
    public string WriteSettings(string sourceParameters, string recorderParameters = "", int shutdownTimeout = 20, int basePort = 0)
    {
        var port = basePort == 0 ? Random.Shared.Next(20_000, 40_000) : basePort;
        var yaml = $$"""
            system:
              mode: backtest
              shutdown_timeout: {{shutdownTimeout}}
            models: {}
            data_handler:
              backtest_file: ../data/ticks.csv
            risk_management:
              max_daily_loss: 5000
            execution: {}
            persistence:
              provider: file
            cluster:
              silo_port: {{port}}
              gateway_port: {{port + 1}}
            telemetry:
              enabled: false
            component_assemblies: [../plugins/{{Path.GetFileName(typeof(TestSource).Assembly.Location)}}]
            custom_events: [TEST_NUMBER, TEST_ECHO, TEST_REPLY]
            components:
              - name: recorder
                type: test_recorder
                subscribes: [TEST_NUMBER]
                parameters: { {{recorderParameters}} }
              - name: execution
                type: test_execution
                critical: true
                subscribes: [TEST_NUMBER]
              - name: source
                type: test_source
                critical: true
                publishes: [TEST_NUMBER, BACKTEST_COMPLETE]
                parameters: { {{sourceParameters}} }
            """;
        var path = Path.Combine(Root, "settings", "process.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
