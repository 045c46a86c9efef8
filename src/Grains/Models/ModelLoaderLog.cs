namespace AlgoSpace.Grains.Models;

/// <summary>The model loader's log lines: one per model, then a summary.</summary>
internal static partial class ModelLoaderLog
{
    [LoggerMessage(EventId = 900, Level = LogLevel.Information, Message = "Model {Name} loaded: version {Version}, {Format}, sha256 {Sha256Prefix}, {ElapsedMs} ms")]
    public static partial void Loaded(ILogger logger, string name, string version, string format, string sha256Prefix, long elapsedMs);

    [LoggerMessage(EventId = 901, Level = LogLevel.Warning, Message = "Model {Name} degraded: {Reason}")]
    public static partial void Degraded(ILogger logger, string name, string reason);

    [LoggerMessage(EventId = 902, Level = LogLevel.Information, Message = "Models: {Loaded} of {Total} loaded in {ElapsedMs} ms")]
    public static partial void AllLoaded(ILogger logger, int loaded, int total, long elapsedMs);

    [LoggerMessage(EventId = 903, Level = LogLevel.Warning, Message = "Models: {Loaded} of {Total} loaded in {ElapsedMs} ms; degraded: {DegradedNames}; the components that need them run degraded")]
    public static partial void SomeDegraded(ILogger logger, int loaded, int total, long elapsedMs, string degradedNames);
}
