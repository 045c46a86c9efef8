using AlgoSpace.Benchmarks.Soak;

namespace AlgoSpace.Benchmarks.Report;

/// <summary>Everything one benchmark run measured, and where.</summary>
public sealed class BenchmarkReport
{
    public required BenchmarkOptions Options { get; init; }
    public required MachineInfo Machine { get; init; }
    public List<HopRow> Hops { get; } = [];
    public List<TimingRow> Timings { get; } = [];
    public List<HeapRow> Heap { get; } = [];
    public List<PipelineRunRow> PipelineRuns { get; } = [];
    public List<PipelineLatencyRow> Pipeline { get; } = [];
    public SoakResult? Soak { get; set; }
    public TimeSpan Elapsed { get; set; }

    public string ToMarkdown() => MarkdownReport.Write(this);
}
