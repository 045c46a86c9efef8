using System.Diagnostics;
using System.Globalization;
using AlgoSpace.MarketData;
using AlgoSpace.MarketData.Files;
using AlgoSpace.MarketData.Sample;

// DataGenerator: writes a deterministic synthetic ES tick file, or one tick file per instrument of a correlated
// portfolio (ES, NQ, CL), or checks a data file with the backtest reader.
//
//   DataGenerator --seed N --days D --start YYYY-MM-DD --out PATH [--ticks-per-day N] [--session HH:MM-HH:MM]
//   DataGenerator --portfolio ES,NQ,CL --seed N --days D --start YYYY-MM-DD --out-dir DIR [--ticks-per-day N]
//   DataGenerator --check PATH [--format auto|tick|bar] [--from YYYY-MM-DD] [--until YYYY-MM-DD]
//
// A written file is checked the same way afterwards; the exit code is 1 if it (or the checked file) has a
// rejected row, 2 for a usage error.

const string Usage = """
    usage: DataGenerator --seed N --days D --start YYYY-MM-DD --out PATH [--ticks-per-day N] [--session HH:MM-HH:MM]
           DataGenerator --portfolio ES,NQ,CL --seed N --days D --start YYYY-MM-DD --out-dir DIR [--ticks-per-day N]
           DataGenerator --check PATH [--format auto|tick|bar] [--from YYYY-MM-DD] [--until YYYY-MM-DD]
    """;

try
{
    var options = ParseOptions(args);
    if (options.ContainsKey("check"))
    {
        return Check(options["check"], Enum.Parse<DataFileFormat>(options.GetValueOrDefault("format", "auto"), ignoreCase: true),
            OptionalDate(options, "from"), OptionalDate(options, "until"));
    }

    if (options.ContainsKey("portfolio")) return Portfolio(options);
    if (options.ContainsKey("out-dir")) throw new ArgumentException("--out-dir is for --portfolio; one file is --out PATH");

    var (open, close) = Session(options.GetValueOrDefault("session", "09:30-16:00"));
    var generator = new SampleTickGenerator(new SampleTickOptions
    {
        SessionOpen = open,
        SessionClose = close,
        Seed = Integer(options, "seed"),
        Days = Integer(options, "days"),
        Start = OptionalDate(options, "start") ?? throw new ArgumentException("--start is required"),
        TicksPerDay = options.ContainsKey("ticks-per-day") ? Integer(options, "ticks-per-day") : new SampleTickOptions().TicksPerDay,
    });
    var path = Required(options, "out");
    var directory = Path.GetDirectoryName(Path.GetFullPath(path));
    if (directory is not null) Directory.CreateDirectory(directory);
    var written = generator.WriteCsv(path);
    Console.WriteLine($"wrote {written} ticks over {generator.Options.Days} days ({string.Join(", ", generator.TradingDays().Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))}) to {path}, {new FileInfo(path).Length} bytes");
    return Check(path, DataFileFormat.Auto, null, null);
}
catch (Exception ex) when (ex is FormatException or ArgumentException or KeyNotFoundException or OverflowException)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(Usage);
    return 2;
}
catch (DataFileException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 1;
}

// --portfolio ES,NQ,CL: DIR/ES-ticks.csv.gz and so on, each instrument with its own defaults (SampleInstrument),
// correlated as SamplePortfolioOptions says; each file is then checked like a single one.
static int Portfolio(Dictionary<string, string> options)
{
    if (options.ContainsKey("out") || options.ContainsKey("session"))
    {
        throw new ArgumentException("--portfolio writes to --out-dir DIR, and each instrument keeps its own session (no --out, no --session)");
    }

    var ticksPerDay = options.ContainsKey("ticks-per-day") ? Integer(options, "ticks-per-day") : (int?)null;
    if (ticksPerDay == 0) throw new ArgumentException("--ticks-per-day must be at least 1 for a portfolio");
    var instruments = options["portfolio"].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(SampleInstrument.Get)
        .Select(instrument => ticksPerDay is { } count ? instrument with { TicksPerDay = count } : instrument)
        .ToList();
    var generator = new SamplePortfolioGenerator(new SamplePortfolioOptions
    {
        Seed = Integer(options, "seed"),
        Days = Integer(options, "days"),
        Start = OptionalDate(options, "start") ?? throw new ArgumentException("--start is required"),
        Instruments = instruments,
    });
    var files = generator.WriteFiles(Required(options, "out-dir"));
    Console.WriteLine($"wrote {files.Count} files over {generator.Options.Days} days ({string.Join(", ", generator.TradingDays().Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))}), seed {generator.Options.Seed}:");
    foreach (var file in files) Console.WriteLine($"  {file.Symbol}: {file.Ticks} ticks to {file.Path}, {new FileInfo(file.Path).Length} bytes");
    var status = 0;
    foreach (var file in files) status = Math.Max(status, Check(file.Path, DataFileFormat.Auto, null, null));
    return status;
}

// --session 01:00-23:30: the trading hours of each day (default the regular session 09:30-16:00).
static (TimeOnly Open, TimeOnly Close) Session(string text)
{
    var parts = text.Split('-');
    if (parts.Length != 2
        || !TimeOnly.TryParseExact(parts[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var open)
        || !TimeOnly.TryParseExact(parts[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var close)
        || close <= open)
    {
        throw new ArgumentException($"--session: '{text}' is not HH:MM-HH:MM with the close after the open");
    }

    return (open, close);
}

// Reads and validates the whole file as the backtest data handler does (no bus), and reports what it found.
static int Check(string path, DataFileFormat format, DateOnly? from, DateOnly? until)
{
    var started = Stopwatch.GetTimestamp();
    using var source = TickSource.Open(path, format, from, until);
    var volume = 0L;
    DateTime? first = null;
    while (source.Read() is { Status: not TickReadStatus.End } read)
    {
        if (read.Status != TickReadStatus.Tick) continue;
        first ??= read.Tick.Tick.Timestamp;
        volume += read.Tick.Tick.Volume;
    }

    var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
    Console.WriteLine($"checked {path}: {source.File.Describe()}");
    Console.WriteLine($"  {source.Rows} rows, {source.Accepted} ticks accepted, {source.Issues.RejectedCount} rejected, {source.Issues.WarningCount} warnings, " +
        $"{source.OutOfRange} outside the dates, {source.BlankLines} blank lines, {source.LevelShifts} level shifts; volume {volume}; {first:yyyy-MM-dd HH:mm:ss.fff} to {source.LastTickTime:yyyy-MM-dd HH:mm:ss.fff}");
    foreach (var (kind, count) in source.Issues.Counts()) Console.WriteLine($"  {kind}: {count}");
    foreach (var issue in source.Issues.Rejections.Take(20)) Console.WriteLine($"  {issue}");
    Console.WriteLine($"  read and validated in {seconds:F2} s: {source.Accepted / seconds:F0} ticks/s, {source.Rows / seconds:F0} rows/s");
    return source.Issues.RejectedCount == 0 ? 0 : 1;
}

static Dictionary<string, string> ParseOptions(string[] args)
{
    var options = new Dictionary<string, string>(StringComparer.Ordinal);
    for (var i = 0; i < args.Length; i++)
    {
        if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
        {
            throw new ArgumentException($"expected --name value pairs, found '{args[i]}'");
        }

        options[args[i][2..]] = args[++i];
    }

    var known = new[] { "seed", "days", "start", "out", "ticks-per-day", "check", "format", "from", "until", "session", "portfolio", "out-dir" };
    var unknown = options.Keys.FirstOrDefault(k => !known.Contains(k));
    if (unknown is not null) throw new ArgumentException($"unknown option --{unknown}");
    if (options.Count == 0) throw new ArgumentException("no options given");
    return options;
}

static string Required(Dictionary<string, string> options, string name) =>
    options.TryGetValue(name, out var value) ? value : throw new ArgumentException($"--{name} is required");

static int Integer(Dictionary<string, string> options, string name) =>
    int.TryParse(Required(options, name), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= 0
        ? value
        : throw new ArgumentException($"--{name}: '{options[name]}' is not a whole number >= 0");

static DateOnly? OptionalDate(Dictionary<string, string> options, string name) =>
    !options.TryGetValue(name, out var value) ? null
    : DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
    : throw new ArgumentException($"--{name}: '{value}' is not a date YYYY-MM-DD");
