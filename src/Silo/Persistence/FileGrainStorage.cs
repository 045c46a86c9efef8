using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace AlgoSpace.Silo.Persistence;

/// <summary>
/// Grain state in files: one file per grain and state name in one folder, durable across restarts with nothing to
/// install. Every write goes to a temporary file beside the state file, is flushed to disk, and then renamed over
/// it, so a crash at any moment leaves either the old state or the new one, never a torn file. Each write stores a
/// new random ETag in the file; a write or clear must present the ETag it last read (none for a grain that has no
/// file), otherwise it fails with <see cref="InconsistentStateException"/>. The compare and the rename happen under
/// a lock that spans processes (<see cref="StateFileLocks"/>), so silos on one machine can share the folder: of two
/// writers that read the same version, the second fails instead of overwriting the first.
/// </summary>
public sealed partial class FileGrainStorage : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    /// <summary>Marks the temporary files of unfinished writes: <c>{state file}.tmp-{random}</c>.</summary>
    public const string TempMarker = ".tmp-";

    private readonly string _name;
    private readonly FileGrainStorageOptions _options;
    private readonly IGrainStorageSerializer _serializer;
    private readonly IActivatorProvider _activators;
    private readonly ILogger<FileGrainStorage> _logger;
    private readonly StateFileLocks _locks;

    public FileGrainStorage(string name, FileGrainStorageOptions options, IActivatorProvider activators, ILogger<FileGrainStorage> logger)
    {
        if (!Path.IsPathFullyQualified(options.Directory))
        {
            throw new ArgumentException($"Grain storage '{name}' needs an absolute directory, not '{options.Directory}'.", nameof(options));
        }

        _name = name;
        _options = options;
        _serializer = options.GrainStorageSerializer
            ?? throw new ArgumentException($"Grain storage '{name}' has no grain state serializer.", nameof(options));
        _activators = activators;
        _logger = logger;
        _locks = new StateFileLocks(options.Directory, options.LockTimeout);
    }

    public string Directory => _options.Directory;

    /// <summary>Where the state of <paramref name="grainId"/> under <paramref name="stateName"/> is kept.</summary>
    public string PathOf(string stateName, GrainId grainId) => Path.Combine(Directory, StateFileName.For(stateName, grainId));

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ReadStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        var path = PathOf(stateName, grainId);
        var file = await StateFile.ReadAsync(path, cancellationToken);
        if (file is null)
        {
            grainState.State = CreateInstance<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }

        CheckOwner(file, stateName, grainId, path);
        grainState.State = Deserialize<T>(file, path) ?? CreateInstance<T>();
        grainState.ETag = file.ETag;
        grainState.RecordExists = true;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        WriteStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        var fileName = StateFileName.For(stateName, grainId);
        var path = Path.Combine(Directory, fileName);
        var etag = Guid.NewGuid().ToString("N");
        var content = new StateFile(etag, grainId.ToString(), stateName, _serializer.Serialize(grainState.State).ToMemory()).Encode();

        using (await _locks.AcquireAsync(fileName, cancellationToken))
        {
            await CheckETagAsync(nameof(WriteStateAsync), path, stateName, grainId, grainState.ETag, cancellationToken);
            await ReplaceAsync(path, content, cancellationToken);
        }

        LogWritten(_name, grainId, stateName, etag);
        grainState.ETag = etag;
        grainState.RecordExists = true;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ClearStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        var fileName = StateFileName.For(stateName, grainId);
        var path = Path.Combine(Directory, fileName);

        using (await _locks.AcquireAsync(fileName, cancellationToken))
        {
            if (await CheckETagAsync(nameof(ClearStateAsync), path, stateName, grainId, grainState.ETag, cancellationToken))
            {
                File.Delete(path);
                DirectorySync.Flush(Directory);
            }
        }

        LogCleared(_name, grainId, stateName);
        grainState.State = CreateInstance<T>();
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(OptionFormattingUtilities.Name<FileGrainStorage>(_name), _options.InitStage, Initialize);

    public void Dispose() => _locks.Dispose();

    /// <summary>Creates the folder (failing the silo's start if it cannot) and removes crash leftovers.</summary>
    private Task Initialize(CancellationToken cancellation)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var cutoff = DateTime.UtcNow - _options.StaleTempFileAge;
        foreach (var temp in new DirectoryInfo(Directory).EnumerateFiles($"*{StateFileName.Extension}{TempMarker}*"))
        {
            // Only old ones: a young temporary file may belong to a write in progress in another silo.
            if (temp.LastWriteTimeUtc < cutoff)
            {
                temp.Delete();
                LogStaleTempFileDeleted(_name, temp.FullName);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Fails unless the stored ETag is the caller's; returns whether a state file exists.</summary>
    private async Task<bool> CheckETagAsync(string operation, string path, string stateName, GrainId grainId, string? expected, CancellationToken cancellation)
    {
        var stored = await StateFile.ReadAsync(path, cancellation);
        if (stored is not null) CheckOwner(stored, stateName, grainId, path);
        if (string.Equals(stored?.ETag, expected, StringComparison.Ordinal))
        {
            return stored is not null;
        }

        var message = $"{operation} of state '{stateName}' of grain {grainId} in storage '{_name}': the stored ETag is "
            + $"{stored?.ETag ?? "none (no state)"}, the grain's is {expected ?? "none (it read no state)"}; another activation "
            + $"or silo changed the state since this grain read it ({path}).";
        LogConflict(_name, grainId, stateName, stored?.ETag, expected);
        throw new InconsistentStateException(message, stored?.ETag, expected);
    }

    /// <summary>
    /// Writes a temporary file in the same folder (the rename must not cross file systems), flushes it to disk, and
    /// renames it over the state file. The folder exists: taking the lock created it.
    /// </summary>
    private static async Task ReplaceAsync(string path, byte[] content, CancellationToken cancellation)
    {
        var temp = path + TempMarker + Guid.NewGuid().ToString("N");
        try
        {
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1, FileOptions.Asynchronous))
            {
                await stream.WriteAsync(content, cancellation);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp); // nothing is left after a rename; a failed write leaves no partial file behind
        }

        DirectorySync.Flush(Path.GetDirectoryName(path)!);
    }

    private static void CheckOwner(StateFile file, string stateName, GrainId grainId, string path)
    {
        if (file.StateName != stateName || file.GrainId != grainId.ToString())
        {
            throw new InvalidDataException(
                $"{path} holds state '{file.StateName}' of grain {file.GrainId}, not state '{stateName}' of grain {grainId}.");
        }
    }

    private T? Deserialize<T>(StateFile file, string path)
    {
        try
        {
            return _serializer.Deserialize<T>(file.Payload);
        }
        catch (Exception ex)
        {
            throw new InvalidDataException($"{path} could not be read as {typeof(T).FullName}: {ex.Message}", ex);
        }
    }

    private T CreateInstance<T>() => _activators.GetActivator<T>().Create();

    [LoggerMessage(EventId = 700, Level = LogLevel.Trace, Message = "Storage {Provider}: wrote state {StateName} of {GrainId}, ETag {ETag}")]
    private partial void LogWritten(string provider, GrainId grainId, string stateName, string etag);

    [LoggerMessage(EventId = 701, Level = LogLevel.Trace, Message = "Storage {Provider}: cleared state {StateName} of {GrainId}")]
    private partial void LogCleared(string provider, GrainId grainId, string stateName);

    [LoggerMessage(EventId = 702, Level = LogLevel.Debug, Message = "Storage {Provider}: ETag conflict on state {StateName} of {GrainId}: stored {StoredETag}, presented {CurrentETag}")]
    private partial void LogConflict(string provider, GrainId grainId, string stateName, string? storedETag, string? currentETag);

    [LoggerMessage(EventId = 703, Level = LogLevel.Information, Message = "Storage {Provider}: deleted {TempFile}, left over from an interrupted write")]
    private partial void LogStaleTempFileDeleted(string provider, string tempFile);
}
