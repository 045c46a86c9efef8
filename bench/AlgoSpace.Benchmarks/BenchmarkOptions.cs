using System.Globalization;

namespace AlgoSpace.Benchmarks;

/// <summary>
/// What to run: <c>[--smoke] [--events N] [--out FILE] [--pipeline-latency [--data PATH]] [--live-latency [--data PATH] [--rate N] [--seconds N]]
/// [--soak [--ticks N] [--data PATH] [--snapshot-every-bars N] [--sample-seconds S] [--out-dir DIR]]</c>. Smoke mode shrinks every
/// count so that the whole run takes seconds (CI runs it as a test); an explicit --events still wins.
/// --pipeline-latency runs only the tick-to-EXECUTE_TRADE benchmark, over --data (default: the default job's file).
/// --live-latency runs only the live benchmark: --data served by the replay server at --rate ticks/s (default 1,000)
/// into live mode for at most --seconds (default 600).
/// --soak runs only the soak: --ticks ticks (default 10,000,000) through a real silo process with checkpoints every
/// --snapshot-every-bars 30-minute bars (default 1), sampled every --sample-seconds (default 2); with --smoke,
/// 100,000 ticks sampled every 0.5 s. --soak --summarize CSV judges an existing series again and redraws its chart.
/// </summary>
public sealed record BenchmarkOptions
{
    public bool Smoke { get; init; }

    /// <summary>Measured events per hop benchmark, after the warm-up.</summary>
    public int Events { get; init; } = 10_000;

    /// <summary>Events through the broadcast bus between the two heap snapshots.</summary>
    public int HeapEvents { get; init; } = 1_000_000;

    /// <summary>Silo processes started for the start-to-ready, graceful and emergency figures (each).</summary>
    public int ProcessRuns { get; init; } = 3;

    public string? Out { get; init; }

    /// <summary>Run only the pipeline-latency benchmark (the default job, tick batch → EXECUTE_TRADE).</summary>
    public bool PipelineLatency { get; init; }

    /// <summary>The pipeline-latency benchmark's tick file; null for the default job's (or, in smoke mode, a cut of the small sample).</summary>
    public string? Data { get; init; }

    /// <summary>Run only the live-latency benchmark (the replay server paced into live mode, tick arrival → EXECUTE_TRADE).</summary>
    public bool LiveLatency { get; init; }

    /// <summary>The live-latency benchmark's pace in ticks per second.</summary>
    public double Rate { get; init; } = 1_000;

    /// <summary>The live-latency benchmark's longest run; it also ends when the file has been sent.</summary>
    public int Seconds { get; init; } = 600;

    /// <summary>Smoke mode's pipeline-latency input: this many ticks from the head of data/sample/ES-ticks-sample.csv.</summary>
    public int SmokePipelineTicks { get; init; } = 3_000;

    /// <summary>Run only the soak benchmark (a real silo process over many ticks with checkpoints on, sampled).</summary>
    public bool Soak { get; init; }

    /// <summary>The soak's tick count: the head of a generated file (unless --data names one).</summary>
    public long Ticks { get; init; } = 10_000_000;

    /// <summary>The soak's persistence.snapshot_every_bars: 1 is a checkpoint per 30-minute bar, the heaviest.</summary>
    public int SnapshotEveryBars { get; init; } = 1;

    /// <summary>Seconds between two soak samples.</summary>
    public double SampleSeconds { get; init; } = 2;

    /// <summary>Where the soak writes its series, chart and summary; null for output/bench/soak-&lt;time&gt;.</summary>
    public string? OutDir { get; init; }

    /// <summary>--soak --summarize: judge an existing soak.csv again and redraw its chart beside it; no silo runs.</summary>
    public string? Summarize { get; init; }

    /// <summary>--soak --summarize: the redrawn chart's title.</summary>
    public string? ChartTitle { get; init; }

    /// <summary>Warm-up events before each hop's measured ones: JIT, activations, Orleans' pools.</summary>
    public int Warmup => Math.Clamp(Events / 10, 100, 1_000);

    /// <summary>Warm-up before the first heap snapshot: long enough for pools and caches to reach their size.</summary>
    public int HeapWarmup => Math.Max(1_000, HeapEvents / 50);

    public static BenchmarkOptions SmokeDefaults { get; } = new() { Smoke = true, Events = 500, HeapEvents = 10_000, ProcessRuns = 1, Seconds = 3 };

    /// <summary>--soak --smoke: a short soak that still samples a real silo and its state folder (CI runs it).</summary>
    public static BenchmarkOptions SoakSmokeDefaults { get; } = SmokeDefaults with { Soak = true, Ticks = 100_000, SampleSeconds = 0.5 };

    public const string Usage = "usage: AlgoSpace.Benchmarks [--smoke] [--events N] [--out FILE] [--pipeline-latency [--data PATH]] [--live-latency [--data PATH] [--rate TICKS_PER_S] [--seconds N]]\n"
        + "       AlgoSpace.Benchmarks --soak [--smoke] [--ticks N] [--data PATH] [--snapshot-every-bars N] [--sample-seconds S] [--out-dir DIR] [--out FILE]\n"
        + "       AlgoSpace.Benchmarks --soak --summarize SOAK_CSV [--chart-title TEXT]";

    /// <summary>Parses the command line; throws <see cref="ArgumentException"/> with the usage on a mistake.</summary>
    public static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        var smoke = args.Contains("--smoke");
        var options = (smoke, args.Contains("--soak")) switch
        {
            (true, true) => SoakSmokeDefaults,
            (true, false) => SmokeDefaults,
            _ => new BenchmarkOptions(),
        };
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--smoke":
                    break;
                case "--events":
                    options = options with { Events = PositiveInt(Value(args, ref i)) };
                    break;
                case "--out":
                    options = options with { Out = Value(args, ref i) };
                    break;
                case "--pipeline-latency":
                    options = options with { PipelineLatency = true };
                    break;
                case "--live-latency":
                    options = options with { LiveLatency = true };
                    break;
                case "--rate":
                    options = options with { Rate = PositiveInt(Value(args, ref i), args[i - 1]) };
                    break;
                case "--seconds":
                    options = options with { Seconds = PositiveInt(Value(args, ref i), args[i - 1]) };
                    break;
                case "--soak":
                    options = options with { Soak = true };
                    break;
                case "--ticks":
                    options = options with { Ticks = PositiveInt(Value(args, ref i), args[i - 1]) };
                    break;
                case "--snapshot-every-bars":
                    options = options with { SnapshotEveryBars = PositiveInt(Value(args, ref i), args[i - 1]) };
                    break;
                case "--sample-seconds":
                    options = options with { SampleSeconds = PositiveSeconds(Value(args, ref i)) };
                    break;
                case "--summarize":
                    options = options with { Summarize = Value(args, ref i) };
                    break;
                case "--chart-title":
                    options = options with { ChartTitle = Value(args, ref i) };
                    break;
                case "--out-dir":
                    options = options with { OutDir = Value(args, ref i) };
                    break;
                case "--data":
                    options = options with { Data = Value(args, ref i) };
                    break;
                default:
                    throw new ArgumentException($"unknown argument '{args[i]}'\n{Usage}");
            }
        }

        var soakOnly = args.Where(a => a is "--ticks" or "--snapshot-every-bars" or "--sample-seconds" or "--out-dir" or "--summarize" or "--chart-title").ToList();
        if (soakOnly.Count > 0 && !options.Soak) throw new ArgumentException($"{soakOnly[0]} is an option of --soak; add it\n{Usage}");
        if (options.Soak && (options.PipelineLatency || options.LiveLatency)) throw new ArgumentException($"--soak runs on its own\n{Usage}");
        return options.Data is not null && !options.PipelineLatency && !options.LiveLatency && !options.Soak
            ? throw new ArgumentException($"--data is the --pipeline-latency, --live-latency or --soak benchmark's input; add one of them\n{Usage}")
            : options;
    }

    private static string Value(IReadOnlyList<string> args, ref int i) =>
        ++i < args.Count ? args[i] : throw new ArgumentException($"{args[i - 1]} needs a value\n{Usage}");

    private static int PositiveInt(string text, string option = "--events") =>
        int.TryParse(text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"{option} takes a positive whole number, not '{text}'\n{Usage}");

    private static double PositiveSeconds(string text) =>
        double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value >= 0.1
            ? value
            : throw new ArgumentException($"--sample-seconds takes a number of seconds of at least 0.1, not '{text}'\n{Usage}");
}
