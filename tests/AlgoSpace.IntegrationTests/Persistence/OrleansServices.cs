using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace AlgoSpace.Tests.Persistence;

/// <summary>
/// The grain state serializer and activators a silo gets by default, taken from a silo host that is built but never
/// started, so provider tests serialize exactly as a running silo does.
/// </summary>
public static class OrleansServices
{
    private static readonly Lazy<IHost> Host = new(() =>
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleans(silo => silo.UseLocalhostClustering());
        return builder.Build();
    });

    public static IGrainStorageSerializer Serializer => Host.Value.Services.GetRequiredService<IGrainStorageSerializer>();

    public static IActivatorProvider Activators => Host.Value.Services.GetRequiredService<IActivatorProvider>();
}
