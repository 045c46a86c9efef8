using AlgoSpace.Grains.Components;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Interfaces.Kernel;
using AlgoSpace.Grains.Kernel;
using AlgoSpace.Grains.Models;
using AlgoSpace.Grains.Placement;
using AlgoSpace.Silo.Lifecycle;
using Orleans.Serialization;

namespace AlgoSpace.Silo.Hosting;

/// <summary>Everything a silo needs to host the AlgoSpace system; used by the real host and by test clusters alike.</summary>
public static class AlgoSpaceSiloBuilderExtensions
{
    public static ISiloBuilder AddAlgoSpace(this ISiloBuilder silo, AlgoSpaceSettings settings, ComponentRegistry registry, SiloHostingOptions? hosting = null)
    {
        silo.Services.AddSingleton(settings);
        silo.Services.AddSingleton(registry);
        // Payload and state types of plugin components are serialised by Orleans like the built-in ones.
        silo.Services.AddSerializer(serializer =>
        {
            foreach (var plugin in registry.Plugins) serializer.AddAssembly(plugin);
        });
        silo.Services.AddSingleton(hosting ?? new SiloHostingOptions());
        silo.Services.AddAlgoSpaceModels(_ => ModelSource.FromSettings(settings));
        // The operator console: the token mode and shutdown commands must present (from the environment only),
        // and the configuration `config` shows, credentials redacted.
        silo.Services.AddSingleton(_ => OperatorAuthorization.FromEnvironment());
        silo.Services.AddSingleton(new EffectiveConfiguration(Configuration.SettingsPrinter.ToYaml(settings)));
        silo.Services.AddSingleton<SystemExit>();
        silo.Services.AddSingleton<ShutdownBudget>();
        silo.Services.AddSingleton<SiloRole>();
        silo.Services.AddSingleton<KernelObserver>();
        silo.Services.AddSingleton<SystemLifecycle>();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<SystemLifecycle>());
        silo.Services.AddSingleton<ClusterWatcher>();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<ClusterWatcher>());

        // The hot path: acknowledged delivery, so a publish completes when its handlers (and their cascades) have.
        silo.AddBroadcastChannel(KernelKeys.BroadcastProvider, options => options.FireAndForgetDelivery = false);

        // transport: stream. The pulling period must not be zero: Orleans then silently stops delivering.
        silo.AddMemoryStreams(KernelKeys.StreamProvider, streams => streams.ConfigurePullingAgent(agent =>
            agent.Configure(o => o.GetQueueMsgsTimerPeriod = TimeSpan.FromMilliseconds(settings.EventBus.StreamPullPeriodMs))));
        // Grain state in Orleans' own versioned binary format: exactly the [GenerateSerializer] types the kernel
        // and components declare, polymorphic snapshots included (the JSON default cannot round-trip those).
        silo.Services.AddSingleton<Orleans.Storage.IGrainStorageSerializer>(sp =>
            new Orleans.Storage.OrleansGrainStorageSerializer(sp.GetRequiredService<Serializer>()));
        Persistence.SiloPersistence.Configure(silo, settings);
        // The strongly consistent grain directory: while silos join and leave, the default (eventually consistent)
        // directory may lose a registration and let a second activation of a component host start, and two execution
        // handlers of one run would each trade. This one transfers its ranges between views instead, so at most one
        // activation of each grain exists (docs/architecture.md, "Hand-over and recovery"). Orleans marks it experimental.
#pragma warning disable ORLEANSEXP003
        silo.AddDistributedGrainDirectory();
#pragma warning restore ORLEANSEXP003
        // One instrument's component hosts on one silo, the instruments spread over the silos; the rest as Orleans'
        // default places them (docs/architecture.md, "Placement by instrument").
        silo.AddPlacementDirector<InstrumentPlacement, InstrumentPlacementDirector>();
        silo.AddActivityPropagation();
        return silo;
    }
}
