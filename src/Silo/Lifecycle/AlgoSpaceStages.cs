namespace AlgoSpace.Silo.Lifecycle;

/// <summary>
/// The silo lifecycle stages that carry the seed PRD's startup sequence (FR-SK-05). Participants of one stage run
/// concurrently, so each step has its own stage; the shutdown sequence runs as the stages unwind in reverse.
/// Steps 1 and 2 (configuration, logging) happen before the silo is built.
/// </summary>
public static class AlgoSpaceStages
{
    /// <summary>Step 3, load models (stop: release them).</summary>
    public const int Models = ServiceLifecycleStage.ApplicationServices + 100;

    /// <summary>Step 4, create the event bus: the routing table (stop: nothing; providers stop with the silo).</summary>
    public const int EventBus = ServiceLifecycleStage.ApplicationServices + 200;

    /// <summary>Step 5, instantiate components (stop: shutdown step 5, save state and stop components).</summary>
    public const int Components = ServiceLifecycleStage.Active + 100;

    /// <summary>Step 6, wire subscriptions (stop: shutdown step 4, flush every event queue).</summary>
    public const int Wiring = ServiceLifecycleStage.Active + 200;

    /// <summary>No start work (stop: shutdown steps 2 and 3, cancel working orders and close positions if configured).</summary>
    public const int Positions = ServiceLifecycleStage.Active + 300;

    /// <summary>Step 7, start the data stream (stop: shutdown step 1, stop it).</summary>
    public const int DataStream = ServiceLifecycleStage.Active + 400;

    /// <summary>Step 8, begin the main event loop: the system is Running (stop: the shutdown begins here).</summary>
    public const int EventLoop = ServiceLifecycleStage.Active + 500;
}
