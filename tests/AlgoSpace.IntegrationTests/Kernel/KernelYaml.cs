using AlgoSpace.Tests.Support;
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
        string mode = "backtest") => new TestSettings
        {
            Mode = mode,
            EventBus = TestSettings.Bus(transport, $"max_queue_size: {maxQueue}"),
            DataHandler = "backtest_file: ../data/ticks.csv\nlive:\n  url: ws://127.0.0.1:9/unused",
            FastRecovery = true,
            Persistence = persistence,
            CustomEvents = TestSettings.TestEventTypes,
            Extra = extra,
            Components = $$"""
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
            """,
        }.Build();
}
