using AlgoSpace.Benchmarks.Soak;

namespace AlgoSpace.Tests.Benchmarks;

/// <summary>How the soak reads the silo's /metrics and judges a sampled figure flat or growing.</summary>
public sealed class SoakFiguresTests
{
    private const string Metrics = """
        # TYPE dotnet_gc_last_collection_heap_size_bytes gauge
        dotnet_gc_last_collection_heap_size_bytes{gc_heap_generation="gen0"} 1000 1733460000000
        dotnet_gc_last_collection_heap_size_bytes{gc_heap_generation="gen2"} 3000 1733460000000
        algospace_checkpoints_committed_total{otel_scope_name="AlgoSpace"} 7
        dotnet_gc_collections_total{gc_heap_generation="gen0"} 120
        dotnet_gc_collections_total{gc_heap_generation="gen2"} 3
        algospace_checkpoint_ms_milliseconds_bucket{le="5"} 2
        algospace_checkpoint_ms_milliseconds_bucket{le="10"} 6
        algospace_checkpoint_ms_milliseconds_bucket{le="25"} 7
        algospace_checkpoint_ms_milliseconds_bucket{le="+Inf"} 7
        algospace_checkpoint_ms_milliseconds_sum 61.5
        algospace_checkpoint_ms_milliseconds_count 7
        """;

    [Fact]
    public void A_metric_is_summed_over_its_labels_whatever_unit_suffix_the_exporter_added()
    {
        var text = new PrometheusText(Metrics);

        Assert.Equal(4000, text.Sum(SoakProbe.HeapMetric));
        Assert.Equal(7, text.Sum(SoakProbe.CheckpointsMetric, "_total"));
        Assert.Equal(61.5, text.Sum(SoakProbe.CheckpointMsMetric, "_sum"));
        Assert.Equal(25, text.LargestBucketBound(SoakProbe.CheckpointMsMetric));
        Assert.Null(text.Sum(SoakProbe.CommittedMetric));
        Assert.Equal(3, text.Sum(SoakProbe.CollectionsMetric, "_total", SoakProbe.Gen2Label));
        Assert.Equal(123, text.Sum(SoakProbe.CollectionsMetric, "_total"));
    }

    [Fact]
    public void A_series_row_reads_back_as_it_was_written()
    {
        var sample = new SoakSample(12.5, 300_000_000, 273, 32, 57_000_000, null, 150_000, 27, 3_470_000, 9_762, 480_123.4, 5);
        Assert.Equal(sample, SoakSample.FromCsv(sample.ToCsv()));
        Assert.Equal(sample with { Gen2Collections = null }, SoakSample.FromCsv(sample.ToCsv()[..sample.ToCsv().LastIndexOf(',')]));
        Assert.Equal(SoakSample.CsvHeader.Split(',').Length, sample.ToCsv().Split(',').Length);
    }

    [Fact]
    public void A_figure_is_growing_when_its_last_quarter_mean_and_floor_are_both_more_than_ten_percent_above_its_second()
    {
        static List<SoakSample> Series(Func<int, long> rss) =>
            Enumerable.Range(0, 40).Select(i => new SoakSample(i * 2, rss(i), 100, 30, null, null, 0, 0, null, null, null)).ToList();

        // A warm-up climb, then flat with noise: flat.
        var flat = SoakMeasure.From("RSS", "B", Series(i => i < 8 ? 100 + i * 50 : 500 + i % 3 * 10), s => s.RssBytes)!;
        Assert.True(flat.Flat, flat.ToString());
        // A steady climb after the warm-up: the last quarter is about 30 % above the second.
        var growing = SoakMeasure.From("RSS", "B", Series(i => 1_000 + i * 20), s => s.RssBytes)!;
        Assert.Equal("growing", growing.Verdict);
        Assert.Equal(600, growing.SlopePerMinute, 6);
        // A sawtooth whose peaks rise but whose floor (what survives a collection) does not: flat.
        var sawtooth = SoakMeasure.From("heap", "B", Series(i => i % 5 == 0 ? 500 : 500 + (i % 5) * (i < 30 ? 20 : 60)), s => s.RssBytes)!;
        Assert.True(sawtooth.LastQuarterMean > sawtooth.SecondQuarterMean * 1.1 && sawtooth.Flat, sawtooth.ToString());
        // A figure never sampled (the heap before /metrics answers) has no measure.
        Assert.Null(SoakMeasure.From("heap", "B", Series(_ => 1), s => s.HeapBytes));
    }
}
