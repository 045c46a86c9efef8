using System.Runtime.InteropServices;

namespace AlgoSpace.Silo.Persistence;

/// <summary>
/// Makes a rename or delete in a folder durable. Flushing a file's data is not enough on Linux: the new directory
/// entry lives in the folder, and only fsync on the folder itself puts it on disk; without it a power cut after a
/// completed write can bring back the previous state. .NET has no API that opens a folder, hence libc.
/// </summary>
internal static class DirectorySync
{
    private const int ReadOnly = 0;
    private const int InvalidArgument = 22; // EINVAL on Linux and macOS: the file system cannot sync folders

    public static void Flush(string directory)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return; // no folder fsync there; NTFS journals the rename itself
        }

        var fd = Open(directory, ReadOnly);
        if (fd < 0)
        {
            throw new IOException($"Cannot open {directory} to flush it (errno {Marshal.GetLastPInvokeError()}).");
        }

        try
        {
            if (FSync(fd) != 0 && Marshal.GetLastPInvokeError() is var errno && errno != InvalidArgument)
            {
                throw new IOException($"Cannot flush {directory} to disk (errno {errno}).");
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static extern int FSync(int fd);

    [DllImport("libc", EntryPoint = "close")]
    private static extern int Close(int fd);
}
