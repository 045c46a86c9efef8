using System.Text;
using AlgoSpace.Grains.Interfaces.Configuration;

namespace AlgoSpace.Silo.Logging;

/// <summary>
/// The silo's full log as a file in the run folder (output/&lt;run id&gt;/silo.log), text or JSON lines per
/// system.log_format, at the configured level. The run id is known only once the kernel has started the run, so
/// the lines before that are kept in memory and written first when the file opens. A process that ends before any
/// run started writes them to output/silo-&lt;time&gt;.log instead: a failed start keeps its log too.
/// </summary>
public sealed class RunLogFile : ILoggerProvider
{
    /// <summary>Lines kept before the file opens; a start that logs more than this (TRACE, say) says how many it dropped.</summary>
    public const int EarlyLineLimit = 100_000;

    private static readonly TimeSpan FlushPeriod = TimeSpan.FromSeconds(1);
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly Lock _lock = new();
    private readonly LogFormat _format;
    private readonly string _outputDirectory;
    private readonly List<string> _early = [];
    private readonly Timer _flush;
    private long _earlyDropped;
    private StreamWriter? _writer;
    private int _warnings;
    private int _errors;

    public RunLogFile(LogFormat format, string outputDirectory)
    {
        _format = format;
        _outputDirectory = outputDirectory;
        // Lines are buffered and flushed once a second (and at once from WARNING up): a DEBUG log stays cheap,
        // and what matters most reaches the disk first.
        _flush = new Timer(_ => Flush(), null, FlushPeriod, FlushPeriod);
    }

    /// <summary>The file being written; null until the run folder is known.</summary>
    public string? Path { get; private set; }

    /// <summary>Entries at WARNING so far in this process.</summary>
    public int Warnings => Volatile.Read(ref _warnings);

    /// <summary>Entries at ERROR or CRITICAL so far in this process.</summary>
    public int Errors => Volatile.Read(ref _errors);

    public ILogger CreateLogger(string categoryName) => new FileLogger(this, categoryName);

    /// <summary>
    /// Opens silo.log in <paramref name="runFolder"/> (appending: a resumed run continues its log) and writes the
    /// early lines. Another silo process of the same run on this machine holds silo.log, so the next free
    /// silo-2.log, silo-3.log, ... is taken. A later call with another folder (a mode switch starts a new run)
    /// notes the move in the old file and continues in the new one.
    /// </summary>
    public string Open(string runFolder)
    {
        lock (_lock)
        {
            var full = System.IO.Path.GetFullPath(runFolder);
            if (Path is { } current && string.Equals(System.IO.Path.GetDirectoryName(current), full, StringComparison.Ordinal)) return current;
            Directory.CreateDirectory(full);
            var (writer, path) = OpenFree(full);
            if (_writer is not null)
            {
                _writer.WriteLine($"(the log continues in {path})");
                _writer.Dispose();
            }

            (_writer, Path) = (writer, path);
            WriteEarlyLines();
            _writer.Flush();
            return path;
        }
    }

    internal void Write(LogEntry entry)
    {
        if (entry.Level == LogLevel.Warning) Interlocked.Increment(ref _warnings);
        if (entry.Level >= LogLevel.Error) Interlocked.Increment(ref _errors);
        var line = LogEntryFormat.Format(entry, _format);
        lock (_lock)
        {
            if (_writer is null)
            {
                if (_early.Count < EarlyLineLimit) _early.Add(line);
                else _earlyDropped++;
                return;
            }

            _writer.WriteLine(line);
            if (entry.Level >= LogLevel.Warning) _writer.Flush();
        }
    }

    public void Flush()
    {
        lock (_lock)
        {
            try
            {
                _writer?.Flush();
            }
            catch (IOException)
            {
                // A full disk must not stop the run from the logging side; the next flush tries again.
            }
        }
    }

    public void Dispose()
    {
        _flush.Dispose();
        lock (_lock)
        {
            if (_writer is null && _early.Count > 0)
            {
                try
                {
                    Directory.CreateDirectory(_outputDirectory);
                    (_writer, Path) = OpenFree(_outputDirectory, $"silo-{DateTime.UtcNow:yyyyMMddTHHmmss}");
                    WriteEarlyLines();
                }
                catch (IOException)
                {
                    // Nowhere to write: the console showed the warnings and errors already.
                }
            }

            _writer?.Dispose();
            _writer = null;
        }
    }

    private void WriteEarlyLines()
    {
        foreach (var line in _early) _writer!.WriteLine(line);
        if (_earlyDropped > 0) _writer!.WriteLine($"({_earlyDropped} lines logged before the run folder was known were not kept: the first {EarlyLineLimit} are above)");
        _early.Clear();
        _earlyDropped = 0;
    }

    private static (StreamWriter Writer, string Path) OpenFree(string folder, string name = "silo")
    {
        for (var n = 1; ; n++)
        {
            var path = System.IO.Path.Combine(folder, n == 1 ? $"{name}.log" : $"{name}-{n}.log");
            try
            {
                // FileShare.None takes an advisory lock: another silo's open of the same file fails and it moves on
                // to the next name, while tail -f and less, which take no lock, still read it.
                var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.None);
                return (new StreamWriter(stream, Utf8), path);
            }
            catch (IOException) when (n < 100 && File.Exists(path))
            {
            }
        }
    }

    private sealed class FileLogger(RunLogFile file, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            file.Write(LogEntryFormat.Capture(category, logLevel, eventId, state, exception, formatter));
        }
    }
}
