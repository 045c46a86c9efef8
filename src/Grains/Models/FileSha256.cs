using System.Security.Cryptography;

namespace AlgoSpace.Grains.Models;

/// <summary>A file's SHA-256 in the manifest's spelling: 64 lower-case hexadecimal digits.</summary>
internal static class FileSha256
{
    public static string Compute(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
