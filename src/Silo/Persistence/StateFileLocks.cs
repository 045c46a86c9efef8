using System.Security.Cryptography;
using System.Text;

namespace AlgoSpace.Silo.Persistence;

/// <summary>
/// Mutual exclusion for the read-compare-replace of one state file, between the grains of this silo and the silos
/// of other processes sharing the folder. A state file name hashes to one of a fixed number of stripes; a stripe is
/// a semaphore in this process plus a lock file, <c>.locks/NN.lock</c>, opened exclusively. .NET takes an advisory
/// flock(LOCK_EX) for FileShare.None on Unix, which the kernel releases when the process dies, so a crashed silo
/// never leaves a stripe locked. Stripes keep the number of lock files fixed however many grains there are; the
/// stripe of a name is a SHA-256 of it, the same in every process (string.GetHashCode is randomised per process).
/// DOTNET_SYSTEM_IO_DISABLEFILELOCKING turns .NET's flock off, and with it the guarantee between processes.
/// </summary>
internal sealed class StateFileLocks : IDisposable
{
    public const string FolderName = ".locks";

    private const int StripeCount = 64;

    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMilliseconds(20);

    private readonly string _folder;
    private readonly TimeSpan _timeout;
    private readonly SemaphoreSlim[] _inProcess = Enumerable.Range(0, StripeCount).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    public StateFileLocks(string directory, TimeSpan timeout)
    {
        _folder = Path.Combine(directory, FolderName);
        _timeout = timeout;
    }

    /// <summary>Waits for the stripe of <paramref name="fileName"/>; dispose the result to release it.</summary>
    public async Task<IDisposable> AcquireAsync(string fileName, CancellationToken cancellation)
    {
        var stripe = StripeOf(fileName);
        var deadline = DateTime.UtcNow + _timeout;
        if (!await _inProcess[stripe].WaitAsync(_timeout, cancellation))
        {
            throw Timeout(fileName);
        }

        try
        {
            var lockFile = await LockFileAsync(Path.Combine(_folder, $"{stripe:D2}.lock"), fileName, deadline, cancellation);
            return new Held(lockFile, _inProcess[stripe]);
        }
        catch
        {
            _inProcess[stripe].Release();
            throw;
        }
    }

    public void Dispose()
    {
        foreach (var semaphore in _inProcess) semaphore.Dispose();
    }

    private async Task<FileStream> LockFileAsync(string path, string fileName, DateTime deadline, CancellationToken cancellation)
    {
        var backoff = TimeSpan.FromMilliseconds(1);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 1);
            }
            catch (DirectoryNotFoundException)
            {
                Directory.CreateDirectory(_folder);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                // Held by another process (or another provider instance on the same folder): wait and retry.
                await Task.Delay(backoff, cancellation);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
            catch (IOException ex)
            {
                throw Timeout(fileName, ex);
            }
        }
    }

    private TimeoutException Timeout(string fileName, Exception? inner = null) =>
        new($"Waited {_timeout.TotalSeconds:0.#} s for the lock of grain state file {fileName} in {Path.GetDirectoryName(_folder)}.", inner);

    private static int StripeOf(string fileName) =>
        (int)(BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(fileName)), 0) % StripeCount);

    private sealed class Held(FileStream lockFile, SemaphoreSlim inProcess) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) != 0) return;
            lockFile.Dispose();
            inProcess.Release();
        }
    }
}
