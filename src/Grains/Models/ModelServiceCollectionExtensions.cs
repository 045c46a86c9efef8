using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Abstractions;

namespace AlgoSpace.Grains.Models;

/// <summary>Registers the silo's one <see cref="IModelRegistry"/>.</summary>
public static class ModelServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IModelRegistry"/> as a singleton loaded on first request with the models
    /// <paramref name="source"/> names (e.g. <c>sp =&gt; ModelSource.FromSettings(sp.GetRequiredService&lt;AlgoSpaceSettings&gt;())</c>).
    /// The container creates a singleton once, however many grains ask at the same time, so each model is loaded once
    /// per silo and shared; the container disposes it (and the native modules) at shutdown. Resolve it during startup
    /// to load before the first event rather than on the first grain activation that needs it.
    /// </summary>
    public static IServiceCollection AddAlgoSpaceModels(this IServiceCollection services, Func<IServiceProvider, ModelSource> source)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(source);
        services.TryAddSingleton(sp => new ModelLoader(sp.GetService<ILogger<ModelLoader>>() ?? NullLogger<ModelLoader>.Instance));
        services.TryAddSingleton<IModelRegistry>(sp => sp.GetRequiredService<ModelLoader>().Load(source(sp)));
        return services;
    }
}
