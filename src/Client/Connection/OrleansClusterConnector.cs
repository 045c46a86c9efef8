using AlgoSpace.Grains.Interfaces.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace AlgoSpace.Client.Connection;

/// <summary>
/// Connects an Orleans client to the cluster the settings describe. Connecting is bounded: a few attempts a short
/// delay apart inside an overall budget, so an operator whose silo is down hears so in seconds, not after Orleans'
/// default of retrying until cancelled.
/// </summary>
public sealed class OrleansClusterConnector(ConnectionSettings settings, int attempts = 3, TimeSpan? retryDelay = null, TimeSpan? budget = null) : IClusterConnector
{
    private readonly TimeSpan retryDelay = retryDelay ?? TimeSpan.FromMilliseconds(500);
    private readonly TimeSpan budget = budget ?? TimeSpan.FromSeconds(8);

    public async Task<IClusterConnection> ConnectAsync(CancellationToken cancellation)
    {
        var failed = 0;
        var host = new HostBuilder()
            .UseOrleansClient(client =>
            {
                switch (settings.Provider)
                {
                    case ClusteringProvider.Redis:
                        client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (settings.ClusterId, settings.ServiceId));
                        client.UseRedisClustering(settings.RedisConnection!);
                        break;
                    default:
                        client.UseLocalhostClustering(settings.GatewayPort, settings.ServiceId, settings.ClusterId);
                        break;
                }

                client.UseConnectionRetryFilter(async (_, token) =>
                {
                    if (++failed >= attempts) return false;
                    await Task.Delay(retryDelay, token);
                    return true;
                });
            })
            .Build();

        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        bounded.CancelAfter(budget);
        try
        {
            await host.StartAsync(bounded.Token);
            return new Connection(host, host.Services.GetRequiredService<IClusterClient>());
        }
        catch (Exception error) when (!cancellation.IsCancellationRequested)
        {
            await StopQuietlyAsync(host);
            var why = error is OperationCanceledException ? $"no answer within {budget.TotalSeconds:0} s" : Innermost(error);
            throw new ClusterUnreachableException($"cannot reach the AlgoSpace cluster: tried {settings.Describe()}, {Math.Max(failed, 1)} attempt(s): {why}", error);
        }
    }

    private static string Innermost(Exception error)
    {
        while (error.InnerException is not null) error = error.InnerException;
        return error.Message.ReplaceLineEndings(" ");
    }

    private static async Task StopQuietlyAsync(IHost host)
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            await host.StopAsync(stop.Token);
        }
        catch (Exception)
        {
            // The host never connected: there is nothing to close cleanly, only to release.
        }

        host.Dispose();
    }

    private sealed class Connection(IHost host, IClusterClient client) : IClusterConnection
    {
        public IGrainFactory Grains => client;

        public ValueTask DisposeAsync() => new(StopQuietlyAsync(host));
    }
}
