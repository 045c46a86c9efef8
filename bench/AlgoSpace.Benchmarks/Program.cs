using AlgoSpace.Benchmarks;

// dotnet run -c Release --project bench/AlgoSpace.Benchmarks -- [--smoke] [--events N] [--out FILE] [--pipeline-latency [--data PATH]]
//     [--soak [--ticks N] [--data PATH] [--snapshot-every-bars N] [--sample-seconds S] [--out-dir DIR]]
// Progress goes to stderr, the Markdown report to stdout (and to --out).
BenchmarkOptions options;
try
{
    options = BenchmarkOptions.Parse(args);
}
catch (ArgumentException ex)
{
    await Console.Error.WriteLineAsync(ex.Message);
    return 2;
}

var report = await BenchmarkRunner.RunAsync(options, Console.Error);
var markdown = report.ToMarkdown();
await Console.Out.WriteAsync(markdown);
if (options.Out is { } path)
{
    await File.WriteAllTextAsync(path, markdown);
}

return 0;
