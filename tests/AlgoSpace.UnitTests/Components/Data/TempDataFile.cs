using System.IO.Compression;
using System.Text;

namespace AlgoSpace.Tests.Components.Data;

/// <summary>A data file in a fresh temporary folder, deleted with the folder when the test is done.</summary>
public sealed class TempDataFile : IDisposable
{
    private readonly string _folder;

    private TempDataFile(string fileName)
    {
        _folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "algospace-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        Path = System.IO.Path.Combine(_folder, fileName);
    }

    public string Path { get; }

    /// <summary>A file with exactly this text (UTF-8, no byte-order mark unless the text starts with one).</summary>
    public static TempDataFile WithText(string text, string fileName = "data.csv") => WithBytes(new UTF8Encoding(false).GetBytes(text), fileName);

    public static TempDataFile WithBytes(byte[] bytes, string fileName = "data.csv")
    {
        var file = new TempDataFile(fileName);
        File.WriteAllBytes(file.Path, bytes);
        return file;
    }

    /// <summary>The text gzip-compressed into the file.</summary>
    public static TempDataFile Gzipped(string text, string fileName = "data.csv.gz")
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return WithBytes(buffer.ToArray(), fileName);
    }

    /// <summary>A name in the folder for a file the test writes itself.</summary>
    public static TempDataFile Empty(string fileName = "data.csv") => new(fileName);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless; failing the test over it would not be.
        }
    }
}
