using AlgoSpace.Benchmarks.Pipeline;
using AlgoSpace.Grains.Interfaces.Events;

namespace AlgoSpace.Tests.Benchmarks;

/// <summary>How the pipeline-latency benchmark pairs a tick batch with what it caused, by correlation id.</summary>
public sealed class PipelineLatencyRecorderTests
{
    [Fact]
    public void A_stage_is_timed_from_the_earliest_publish_of_its_batch_to_its_earliest_arrival()
    {
        var recorder = new PipelineLatencyRecorder();
        // Batch A goes to two subscribers, reported at 130 and then 100 (each when its delivery ends): it started at 100.
        recorder.TickPublished("data_handler:1", 130);
        recorder.TickPublished("data_handler:1", 100);
        recorder.TickPublished("data_handler:2", 1_000);
        // A's trade is seen at 900 and 850 → 850 - 100 = 750; B's at 1_040 → 1_040 - 1_000 = 40.
        recorder.Reached(EventTypes.ExecuteTrade, "data_handler:1", 900);
        recorder.Reached(EventTypes.ExecuteTrade, "data_handler:1", 850);
        recorder.Reached(EventTypes.ExecuteTrade, "data_handler:2", 1_040);
        // A trade without a tick batch (the end-of-backtest flattening) and another stage are not counted.
        recorder.Reached(EventTypes.ExecuteTrade, "execution_handler:7", 2_000);
        recorder.Reached(EventTypes.IndicatorsReady, "data_handler:2", 1_010);

        Assert.Equal(2, recorder.TickBatches);
        Assert.Equal([40L, 750L], recorder.Latencies(EventTypes.ExecuteTrade).Order());
        Assert.Equal([10L], recorder.Latencies(EventTypes.IndicatorsReady));
        Assert.Empty(recorder.Latencies(EventTypes.SynergyDetected));
    }
}
