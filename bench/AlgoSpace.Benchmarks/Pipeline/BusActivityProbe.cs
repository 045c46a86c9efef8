using System.Diagnostics;
using AlgoSpace.Grains.Bus;
using AlgoSpace.Grains.Interfaces.Events;

namespace AlgoSpace.Benchmarks.Pipeline;

/// <summary>
/// Feeds a <see cref="PipelineLatencyRecorder"/> from the Orleans bus's own tracing (<see cref="BusTelemetry"/>):
/// "publish NEW_TICK" from the data handler, "publish INDICATORS_READY", "publish SYNERGY_DETECTED" and
/// "handle EXECUTE_TRADE" at the execution handler. Only those activities are created (the sampler declines the
/// rest), so the probe adds as little as it can to what it measures. The Stopwatch time is taken when an activity
/// starts; its tags are set after the start callback, so they are read when it stops.
/// </summary>
public sealed class BusActivityProbe : IDisposable
{
    private const string StartedAt = "algospace.bench.started";

    private static readonly HashSet<string> Wanted = new(StringComparer.Ordinal)
    {
        Publish(EventTypes.NewTick), Publish(EventTypes.IndicatorsReady), Publish(EventTypes.SynergyDetected), Handle(EventTypes.ExecuteTrade),
        ReceiveTick,
    };

    private const string ReceiveTick = "receive tick";

    private readonly ActivityListener _listener;

    public BusActivityProbe(PipelineLatencyRecorder recorder, string dataHandler, string executionHandler)
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == BusTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> options) =>
                Wanted.Contains(options.Name) ? ActivitySamplingResult.AllData : ActivitySamplingResult.None,
            ActivityStarted = activity => activity.SetCustomProperty(StartedAt, Stopwatch.GetTimestamp()),
            ActivityStopped = activity => Record(recorder, activity, dataHandler, executionHandler),
        };
        ActivitySource.AddActivityListener(_listener);
    }

    private static void Record(PipelineLatencyRecorder recorder, Activity activity, string dataHandler, string executionHandler)
    {
        if (activity.OperationName == ReceiveTick)
        {
            if (activity.GetTagItem(BusTelemetry.ReceivedAtTag) is long receivedAt) recorder.TickHandled(Stopwatch.GetTimestamp() - receivedAt);
            return;
        }

        if (activity.GetCustomProperty(StartedAt) is not long started || activity.GetTagItem("algospace.correlation_id") is not string correlation) return;
        var name = activity.OperationName;
        if (name == Publish(EventTypes.NewTick))
        {
            // A live tick is timed from its arrival at the handler (its receipt activity, the publish's parent).
            var arrived = activity.Parent?.GetTagItem(BusTelemetry.ReceivedAtTag) is long receivedAt ? receivedAt : started;
            if (Equals(activity.GetTagItem("algospace.source"), dataHandler)) recorder.TickPublished(correlation, arrived);
        }
        else if (name == Handle(EventTypes.ExecuteTrade))
        {
            if (Equals(activity.GetTagItem("algospace.component"), executionHandler)) recorder.Reached(EventTypes.ExecuteTrade, correlation, started);
        }
        else if (activity.GetTagItem("algospace.event") is string eventType)
        {
            recorder.Reached(eventType, correlation, started);
        }
    }

    private static string Publish(string eventType) => $"publish {eventType}";

    private static string Handle(string eventType) => $"handle {eventType}";

    public void Dispose() => _listener.Dispose();
}
