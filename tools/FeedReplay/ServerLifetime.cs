namespace AlgoSpace.FeedReplay;

/// <summary>
/// The web host's lifetime when the server is a part of something else: it neither listens for Ctrl+C nor SIGTERM
/// (the default console lifetime would take those from the process hosting the server, a test run for one); the
/// owner stops the server with <see cref="FeedReplayServer.StopAsync"/>.
/// </summary>
internal sealed class ServerLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
