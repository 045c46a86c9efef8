using AlgoSpace.Benchmarks.Process;
using AlgoSpace.Client;
using AlgoSpace.Grains.Interfaces;
using AlgoSpace.Tests.Process;
using Xunit.Abstractions;

namespace AlgoSpace.Tests.Client;

/// <summary>
/// The client's own Orleans connection to a real silo process, found through the silo's settings file, as an
/// operator would use it: status, then a shutdown followed until the silo process has exited.
/// </summary>
public sealed class ClientProcessTests(ITestOutputHelper log)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private const string Token = "process-test-token";

    [Fact]
    public async Task A_client_given_the_silos_settings_file_shows_status_and_shuts_the_silo_down()
    {
        using var tree = new SiloProjectTree();
        var config = tree.WriteSettings("count: \"1000000\", delay_ms: \"2\"");
        using var silo = SiloProcess.Start(["--config", config], new Dictionary<string, string> { ["ALGOSPACE_OPERATOR_TOKEN"] = Token });
        await silo.WaitForOutputAsync("AlgoSpace ready in", Timeout);

        var status = new ClientHarness();
        var statusExit = await status.RunAsync("status", "--config", config);
        var shutdown = new ClientHarness();
        shutdown.Environment["ALGOSPACE_OPERATOR_TOKEN"] = Token;
        var shutdownExit = await shutdown.RunAsync("shutdown", "--config", config);
        log.WriteLine($"{status}\n{shutdown}");

        Assert.True(statusExit == ClientExitCodes.Success, status.ToString());
        Assert.Contains("AlgoSpace kernel  Running  mode backtest", status.Out.ToString(), StringComparison.Ordinal);
        Assert.True(shutdownExit == ClientExitCodes.Success, shutdown.ToString());
        Assert.Contains("stop data  ok", shutdown.Out.ToString(), StringComparison.Ordinal);
        // The silo process exits once the system has stopped: the client either saw Stopped or lost the connection.
        Assert.True(
            shutdown.Out.ToString().Contains("the system is Stopped, silo exit code 0.", StringComparison.Ordinal)
            || shutdown.Out.ToString().Contains("the silo has stopped.", StringComparison.Ordinal),
            shutdown.ToString());
        Assert.Equal(ExitCodes.Success, await silo.WaitForExitAsync(Timeout));
        Assert.Contains("Operator command 'shutdown' from", silo.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, silo.Output + silo.Error + shutdown.Out + shutdown.Error, StringComparison.Ordinal);
    }
}
