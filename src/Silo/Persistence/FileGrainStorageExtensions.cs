using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Runtime.Hosting;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace AlgoSpace.Silo.Persistence;

/// <summary>Registers <see cref="FileGrainStorage"/> the way Orleans registers its own grain storage providers.</summary>
public static class FileGrainStorageExtensions
{
    public static ISiloBuilder AddFileGrainStorage(this ISiloBuilder silo, string name, Action<FileGrainStorageOptions> configure)
    {
        silo.Services.AddFileGrainStorage(name, configure);
        return silo;
    }

    public static IServiceCollection AddFileGrainStorage(this IServiceCollection services, string name, Action<FileGrainStorageOptions> configure)
    {
        services.AddOptions<FileGrainStorageOptions>(name).Configure(configure);

        // Fills in the serializer when the options name none: the one registered under the provider's name, or
        // Orleans' default grain state serializer.
        services.TryAddEnumerable(ServiceDescriptor.Transient<IPostConfigureOptions<FileGrainStorageOptions>,
            DefaultStorageProviderSerializerOptionsConfigurator<FileGrainStorageOptions>>());

        return services.AddGrainStorage(name, static (provider, providerName) => new FileGrainStorage(
            providerName,
            provider.GetRequiredService<IOptionsMonitor<FileGrainStorageOptions>>().Get(providerName),
            provider.GetRequiredService<IActivatorProvider>(),
            provider.GetRequiredService<ILogger<FileGrainStorage>>()));
    }
}
