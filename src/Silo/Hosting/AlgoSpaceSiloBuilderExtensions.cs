using AlgoSpace.Components;
using AlgoSpace.Configuration;
using AlgoSpace.Kernel;
using AlgoSpace.Silo.Lifecycle;
using Orleans.Configuration;

namespace AlgoSpace.Silo.Hosting;

/// <summary>Everything a silo needs to host the AlgoSpace system; used by the real host and by test clusters alike.</summary>
public static class AlgoSpaceSiloBuilderExtensions
{
    public static ISiloBuilder AddAlgoSpace(this ISiloBuilder silo, AlgoSpaceSettings settings, ComponentRegistry registry, SiloHostingOptions? hosting = null)
    {
        silo.Services.AddSingleton(settings);
        silo.Services.AddSingleton(registry);
        silo.Services.AddSingleton(hosting ?? new SiloHostingOptions());
        silo.Services.AddSingleton<SystemExit>();
        silo.Services.AddSingleton<ShutdownBudget>();
        silo.Services.AddSingleton<SiloRole>();
        silo.Services.AddSingleton<KernelObserver>();
        silo.Services.AddSingleton<SystemLifecycle>();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<SystemLifecycle>());

        // The hot path: acknowledged delivery, so a publish completes when its handlers (and their cascades) have.
        silo.AddBroadcastChannel(KernelKeys.BroadcastProvider, options => options.FireAndForgetDelivery = false);

        // transport: stream. The pulling period must not be zero: Orleans then silently stops delivering.
        silo.AddMemoryStreams(KernelKeys.StreamProvider, streams => streams.ConfigurePullingAgent(agent =>
            agent.Configure(o => o.GetQueueMsgsTimerPeriod = TimeSpan.FromMilliseconds(settings.EventBus.StreamPullPeriodMs))));
        Persistence.SiloPersistence.Configure(silo, settings);
        silo.AddActivityPropagation();
        return silo;
    }
}
