using AlgoSpace.TestComponents;

namespace AlgoSpace.Benchmarks.Process;

/// <summary>
/// A project tree for a real silo process that runs the test component kinds: the test components' assembly is
/// copied into plugins/ and named in component_assemblies, as a user would add a component. Used by the process
/// benchmarks and by the integration tests' process tests.
/// </summary>
public sealed class SiloProjectTree : IDisposable
{
    public SiloProjectTree()
    {
        Root = Directory.CreateTempSubdirectory("algospace-bench-process-").FullName;
        foreach (var folder in new[] { "data", "models", "settings", "plugins", "output" }) Directory.CreateDirectory(Path.Combine(Root, folder));
        File.WriteAllText(Path.Combine(Root, ".algospace-root"), "");
        File.WriteAllText(Path.Combine(Root, "data", "ticks.csv"), "timestamp,price,volume\n");
        File.Copy(Plugin, Path.Combine(Root, "plugins", Path.GetFileName(Plugin)));
    }

    public string Root { get; }

    private static string Plugin => typeof(TestSource).Assembly.Location;

    /// <summary>Where the file persistence provider keeps grain state (system.output_dir/state).</summary>
    public string StateDirectory => Path.Combine(Root, "output", "state");

    /// <summary>Writes settings that run the test components: a source, a recorder, an execution handler.</summary>
    public string WriteSettings(string sourceParameters, string recorderParameters = "", int shutdownTimeout = 20)
    {
        var ports = FreePorts.Pair();
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
              silo_port: {{ports.Silo}}
              gateway_port: {{ports.Gateway}}
            telemetry:
              enabled: false
            component_assemblies: [../plugins/{{Path.GetFileName(Plugin)}}]
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
