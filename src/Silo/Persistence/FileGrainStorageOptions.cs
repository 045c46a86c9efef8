using Orleans.Storage;

namespace AlgoSpace.Silo.Persistence;

/// <summary>Options of one <see cref="FileGrainStorage"/> provider, named like the provider.</summary>
public sealed class FileGrainStorageOptions : IStorageProviderSerializerOptions
{
    /// <summary>Absolute folder of the state files; created when the silo starts or at the first write.</summary>
    public string Directory { get; set; } = "";

    /// <summary>
    /// Left unset, Orleans fills in its default grain state serializer (or one registered under the provider's
    /// name), the same way it does for its own providers.
    /// </summary>
    public IGrainStorageSerializer GrainStorageSerializer { get; set; } = null!;

    /// <summary>How long a write or clear waits for another writer of the same lock stripe before it fails.</summary>
    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Temporary files older than this are left over from a crash and are deleted when the silo starts.</summary>
    public TimeSpan StaleTempFileAge { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Silo lifecycle stage at which the folder is created and checked, as Orleans' own providers do.</summary>
    public int InitStage { get; set; } = ServiceLifecycleStage.ApplicationServices;
}
