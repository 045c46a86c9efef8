namespace AlgoSpace.Tests.Kernel;

/// <summary>Settings files for kernel tests: the test components wired into a small routing table.</summary>
public static class KernelYaml
{
    /// <summary>
    /// A source publishing TEST_NUMBER to a recorder and an execution handler (which can echo TEST_ECHO); each
    /// argument changes one part of the file.
    /// </summary>
    public static string System(
        string sourceParameters = "count: \"10\"",
        string recorderParameters = "",
        string executionPublishes = "[]",
        string recorderSubscribes = "[TEST_NUMBER]",
        string recorderPublishes = "[]",
        string executionSubscribes = "[TEST_NUMBER]",
        bool recorderCritical = false,
        string transport = "broadcast",
        string persistence = "memory",
        string extra = "",
        int maxQueue = 100,
        string journal = "",
        string mode = "backtest") => $$"""
        system:
          mode: {{mode}}
          shutdown_timeout: 20
        event_bus:
          transport: {{transport}}
          max_queue_size: {{maxQueue}}
        models: {}
        data_handler:
          backtest_file: ../data/ticks.csv
          live:
            url: ws://127.0.0.1:9/unused
        risk_management:
          max_daily_loss: 5000
        execution: {}
        recovery:
          max_attempts: 3
          initial_delay_ms: 1
          max_delay_ms: 20
          timeout: 10
        persistence:
          provider: {{persistence}}
        telemetry:
          enabled: false
        custom_events: [TEST_NUMBER, TEST_ECHO, TEST_REPLY]
        {{extra}}
        components:
          - name: recorder
            type: test_recorder
            critical: {{(recorderCritical ? "true" : "false")}}
            subscribes: {{recorderSubscribes}}
            publishes: {{recorderPublishes}}
            parameters: { {{recorderParameters}} }
          - name: execution
            type: test_execution
            critical: true
            subscribes: {{executionSubscribes}}
            publishes: {{executionPublishes}}
            parameters: { journal: "{{journal}}" }
          - name: source
            type: test_source
            critical: true
            publishes: [TEST_NUMBER, BACKTEST_COMPLETE]
            parameters: { {{sourceParameters}} }
        """;
}
