namespace AlgoSpace.Silo.Persistence;

/// <summary>Says once, as the silo starts, where grain state is kept: the first thing to check after a restart.</summary>
internal sealed partial class PersistenceStartupLog(ILogger<PersistenceStartupLog> logger, string provider, string location)
    : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(PersistenceStartupLog), ServiceLifecycleStage.RuntimeInitialize, _ =>
        {
            LogPersistence(logger, provider, location);
            return Task.CompletedTask;
        });

    [LoggerMessage(EventId = 710, Level = LogLevel.Information, Message = "Grain state persistence: {Provider}, {Location}")]
    private static partial void LogPersistence(ILogger logger, string provider, string location);
}
