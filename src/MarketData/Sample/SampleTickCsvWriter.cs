using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace AlgoSpace.MarketData.Sample;

/// <summary>
/// Writes sample ticks as the backtest reads them: the header <c>timestamp,price,volume</c>, then one tick a line with
/// '\n' endings (so the bytes do not depend on the platform), ISO timestamps with milliseconds, prices with the tick
/// size's decimals (at least two) and UTF-8 without a byte-order mark. A file whose name ends in <c>.gz</c> is
/// gzip-compressed without a name or a time in its header, so the same ticks give the same bytes on every run.
/// </summary>
public sealed class SampleTickCsvWriter : IDisposable
{
    public const string Header = "timestamp,price,volume";

    /// <summary>The operating-system byte of a gzip header (offset 9); 3 (Unix), what <c>gzip -n</c> writes on Linux, on every platform.</summary>
    private const byte GzipOperatingSystem = 3;

    private readonly TextWriter _writer;
    private readonly bool _ownsWriter;
    private readonly FileStream? _gzipFile;
    private readonly string _priceFormat;
    private readonly StringBuilder _line = new(48);
    private bool _disposed;

    /// <summary>A writer onto <paramref name="writer"/>, which stays the caller's to dispose; writes the header.</summary>
    public SampleTickCsvWriter(TextWriter writer, double tickSize)
        : this(writer, ownsWriter: false, gzipFile: null, tickSize)
    {
    }

    private SampleTickCsvWriter(TextWriter writer, bool ownsWriter, FileStream? gzipFile, double tickSize)
    {
        _writer = writer;
        _ownsWriter = ownsWriter;
        _gzipFile = gzipFile;
        _priceFormat = PriceFormat(tickSize);
        _writer.Write(Header);
        _writer.Write('\n');
    }

    /// <summary>The number of ticks written.</summary>
    public long Count { get; private set; }

    /// <summary>A writer to a new file at <paramref name="path"/> (replacing one there), gzip-compressed when the name ends in <c>.gz</c>.</summary>
    public static SampleTickCsvWriter Create(string path, double tickSize)
    {
        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        if (!path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            return new SampleTickCsvWriter(new StreamWriter(path, append: false, encoding), ownsWriter: true, gzipFile: null, tickSize);
        }

        var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None);
        try
        {
            var gzip = new GZipStream(file, CompressionLevel.SmallestSize, leaveOpen: true);
            return new SampleTickCsvWriter(new StreamWriter(gzip, encoding, bufferSize: 1 << 16), ownsWriter: true, file, tickSize);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>The .NET format of a price on a grid of <paramref name="tickSize"/>: "0.00", or more decimals for a finer tick.</summary>
    public static string PriceFormat(double tickSize)
    {
        if (!(tickSize > 0)) throw new ArgumentOutOfRangeException(nameof(tickSize), tickSize, "The tick size must be positive.");
        var decimals = Math.Max(2, (int)((decimal)tickSize).Scale);
        return "0." + new string('0', decimals);
    }

    public void Write(MarketTick tick)
    {
        _line.Clear();
        _line.Append(tick.Timestamp.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture))
            .Append(',').Append(tick.Price.ToString(_priceFormat, CultureInfo.InvariantCulture))
            .Append(',').Append(tick.Volume.ToString(CultureInfo.InvariantCulture))
            .Append('\n');
        _writer.Write(_line);
        Count++;
    }

    /// <summary>Writes every tick and returns how many there were.</summary>
    public long WriteAll(IEnumerable<MarketTick> ticks)
    {
        foreach (var tick in ticks) Write(tick);
        return Count;
    }

    /// <summary>Flushes; closes the file when this writer opened one (the caller's writer is only flushed).</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        if (!_ownsWriter)
        {
            _writer.Flush();
            return;
        }

        _writer.Dispose();
        if (_gzipFile is null) return;

        // The gzip stream left the file open for this: zlib writes the platform it was built for into the header.
        _gzipFile.Position = 9;
        _gzipFile.WriteByte(GzipOperatingSystem);
        _gzipFile.Dispose();
    }
}
