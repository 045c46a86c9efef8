using AlgoSpace.Grains.Interfaces.Kernel;
using AlgoSpace.Tests.Kernel;
using AlgoSpace.Tests.Support;

namespace AlgoSpace.Tests.Client;

/// <summary>
/// A test cluster (one silo unless a test asks for more) running a small backtest (a source, a recorder, an execution handler) with live-mode
/// handlers configured beside it, and an operator token the silo knows (given to the silo directly rather than
/// through ALGOSPACE_OPERATOR_TOKEN, so that tests running at once do not share process environment).
/// </summary>
public sealed class ClientCluster : IAsyncDisposable
{
    public const string Token = "correct horse battery staple";

    /// <summary>The live feed's API key: a credential, so the loader takes it only from this variable.</summary>
    public const string FeedKeyVariable = "ALGOSPACE_CLIENT_TEST_FEED_KEY";
    public const string FeedKey = "feed-key-that-must-never-be-printed";

    private ClientCluster(TestSystem system) => System = system;

    public TestSystem System { get; }

    public IKernelGrain Kernel => System.Kernel;

    public IKernelOperatorGrain Operator => System.Operator;

    public ClientHarness Client(string? token = Token)
    {
        var harness = new ClientHarness(System.Cluster.Client);
        if (token is not null) harness.Environment["ALGOSPACE_OPERATOR_TOKEN"] = token;
        return harness;
    }

    /// <summary>
    /// Starts the cluster: <paramref name="silos"/> silos, a source that publishes <paramref name="count"/> numbers and
    /// then waits, grain state in <paramref name="persistence"/> (file: shared by the silos, so it outlives one of them).
    /// </summary>
    public static async Task<ClientCluster> StartAsync(int count = 10, int silos = 1, string persistence = "memory")
    {
        var environment = new Dictionary<string, string> { [FeedKeyVariable] = FeedKey };
        return new ClientCluster(await TestSystem.StartAsync(Yaml(count, persistence), silos: silos, operatorToken: Token, environment: environment));
    }

    /// <summary>Polls the kernel until <paramref name="done"/> holds, or fails after 30 s.</summary>
    public async Task WaitUntilAsync(Func<Task<bool>> done, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!await done())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"timed out waiting until {what}; kernel status: {(await Kernel.GetStatusAsync()).State}");
            await Task.Delay(50);
        }
    }

    private static string Yaml(int count, string persistence) => new TestSettings
    {
        Persistence = persistence,
        EventBus = TestSettings.Bus("broadcast", "max_queue_size: 100"),
        DataHandler = TestSettings.UnreachableLiveFeed(FeedKeyVariable),
        FastRecovery = true,
        CustomEvents = TestSettings.TestEventTypes,
        Components = $$"""
            - name: recorder
              type: test_recorder
              subscribes: [TEST_NUMBER]
            - name: execution
              type: test_execution
              mode: backtest
              critical: true
              subscribes: [TEST_NUMBER]
              parameters: { journal: "" }
            - name: source
              type: test_source
              mode: backtest
              critical: true
              publishes: [TEST_NUMBER, BACKTEST_COMPLETE]
              parameters: { count: "{{count}}", complete: "false" }
            - name: live_execution
              type: test_execution
              mode: live
              critical: true
              subscribes: [TEST_NUMBER]
              parameters: { journal: "" }
            - name: live_source
              type: test_source
              mode: live
              critical: true
              publishes: [TEST_NUMBER]
              parameters: { count: "3", complete: "false" }
            """,
    }.Build();

    public ValueTask DisposeAsync() => System.DisposeAsync();
}
