using System.IO.Compression;
using System.Text;

namespace AlgoSpace.MarketData.Files;

/// <summary>
/// Opens a data file as text, decompressing gzip transparently (recognised by its magic bytes, whatever the file
/// is called: the SPY benchmark week ships as .csv.gz). UTF-8, with a byte-order mark removed if present. Large
/// buffers because the reader goes through the file once, start to end.
/// </summary>
public static class DataFileOpener
{
    private const int BufferSize = 1 << 16;

    public static StreamReader OpenText(string path)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan);
        try
        {
            Stream stream = IsGzip(file) ? new GZipStream(file, CompressionMode.Decompress) : file;
            return new StreamReader(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), detectEncodingFromByteOrderMarks: true, BufferSize);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    private static bool IsGzip(FileStream file)
    {
        Span<byte> magic = stackalloc byte[2];
        var read = file.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        file.Position = 0;
        return read == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
    }
}
