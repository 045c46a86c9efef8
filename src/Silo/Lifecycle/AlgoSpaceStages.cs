namespace AlgoSpace.Silo.Lifecycle;

/// <summary>
/// The silo lifecycle stages that carry the system's startup and shutdown (FR-SK-05). Steps 1 and 2
/// (configuration, logging) happen before the silo is built; steps 3 and 4 are the silo's own; the run itself (the
/// kernel's startup sequence, and the shutdown sequence as the stages unwind) is one stage, because its steps are
/// the kernel's run sequence (docs/architecture.md, "The run sequence"), not the lifecycle's.
/// </summary>
public static class AlgoSpaceStages
{
    /// <summary>Step 3, load models (stop: release them).</summary>
    public const int Models = ServiceLifecycleStage.ApplicationServices + 100;

    /// <summary>Step 4, create the event bus: the routing table (stop: nothing; providers stop with the silo).</summary>
    public const int EventBus = ServiceLifecycleStage.ApplicationServices + 200;

    /// <summary>The run: the kernel's startup sequence (create, wire, start); on stop, its shutdown sequence.</summary>
    public const int Run = ServiceLifecycleStage.Active + 100;

    /// <summary>The progress display: it starts once the run runs and stops before the shutdown sequence.</summary>
    public const int Progress = Run + 100;
}
