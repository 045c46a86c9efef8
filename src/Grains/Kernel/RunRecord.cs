using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Interfaces.Kernel;

namespace AlgoSpace.Grains.Kernel;

/// <summary>Where the kernel's record is kept: the grain's persistent state, or memory in a unit test.</summary>
public interface IKernelStateStore
{
    KernelState State { get; set; }

    Task WriteAsync();
}

/// <summary>
/// The run's identity and the system's state machine, over the kernel's saved record: the run id and seed, the mode
/// (the operator's switch, else system.mode), the state and its history, each component's state, the exit code.
/// A plain class: the kernel grain persists it, a unit test drives it in memory.
/// </summary>
public sealed partial class RunRecord(IKernelStateStore store, AlgoSpaceSettings settings, ILogger logger)
{
    private const int MaxTransitions = 200;

    public KernelState State => store.State;

    public SystemState Current => store.State.State;

    /// <summary>The mode the system runs in: the one the operator switched the run to, else system.mode.</summary>
    public TradingMode Mode => store.State.SwitchedTo ?? settings.System.Mode;

    public string RunId => store.State.RunId ?? "";

    /// <summary>A run was begun and did not reach its end: this start resumes it.</summary>
    public bool IsUnfinished => store.State.RunId is not null && !store.State.Completed;

    /// <summary>
    /// Begins a new run in <paramref name="mode"/>. A run begun by the operator's switch keeps the history of
    /// transitions and restarts, which describe the system rather than the run.
    /// </summary>
    public void BeginRun(TradingMode mode, bool keepHistory)
    {
        var previous = store.State;
        store.State = new KernelState
        {
            RunId = $"{ModeName(mode)}-{DateTime.UtcNow:yyyyMMddTHHmmss}-{settings.System.RunSeed}",
            RunSeed = settings.System.RunSeed,
            SwitchedTo = mode == settings.System.Mode ? null : mode,
            Transitions = keepHistory ? previous.Transitions : [],
            Restarts = keepHistory ? previous.Restarts : 0,
            State = keepHistory ? previous.State : SystemState.Stopped,
        };
    }

    /// <summary>Records the plan of the run about to be created: its mode and the components' order.</summary>
    public void Plan(IEnumerable<string> activationOrder)
    {
        store.State.Mode = ModeName(Mode);
        store.State.ExitCode = null;
        store.State.ActivationOrder = activationOrder.ToList();
    }

    public async Task TransitionAsync(SystemState to, string cause)
    {
        var from = store.State.State;
        store.State.State = to;
        store.State.Transitions.Add(new StateTransition(from, to, cause, DateTime.UtcNow));
        if (store.State.Transitions.Count > MaxTransitions) store.State.Transitions.RemoveAt(0);
        var level = to is SystemState.Faulted ? LogLevel.Critical : to is SystemState.Degraded ? LogLevel.Warning : LogLevel.Information;
        LogTransition(logger, level, from, to, cause);
        await store.WriteAsync();
    }

    public Task SaveAsync() => store.WriteAsync();

    public void SetComponent(string name, Func<ComponentStatus, ComponentStatus> change)
    {
        var index = store.State.Components.FindIndex(c => c.Name == name);
        if (index >= 0) store.State.Components[index] = change(store.State.Components[index]);
    }

    public ComponentStatus? Component(string name) => store.State.Components.FirstOrDefault(c => c.Name == name);

    /// <summary>Components that failed to start or failed critically: they receive no events.</summary>
    public HashSet<string> FailedComponents() =>
        store.State.Components.Where(c => c.State == ComponentState.Failed).Select(c => c.Name).ToHashSet(StringComparer.Ordinal);

    public KernelStatus Status() => new(
        store.State.RunId ?? "", store.State.RunSeed, store.State.Mode, store.State.State, store.State.Components.ToList(),
        store.State.Transitions.ToList(), store.State.ActivationOrder.ToList(), store.State.ExitCode, store.State.Restarts);

    public static string ModeName(TradingMode mode) => mode.ToString().ToLowerInvariant();

    [LoggerMessage(EventId = 200, Message = "System {From} -> {To}: {Cause}")]
    private static partial void LogTransition(ILogger logger, LogLevel level, SystemState from, SystemState to, string cause);
}
