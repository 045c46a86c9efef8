using System.Diagnostics;
using System.Diagnostics.Metrics;
using AlgoSpace.Grains.Interfaces.Events;

namespace AlgoSpace.Grains.Bus;

/// <summary>
/// Tracing and metrics of the bus (NFR-SK-08): an Activity per publish and per handling, tagged with the event's
/// type, sequence number, source and correlation id, and counters of events by type. Activities cost nothing
/// unless a listener (an OpenTelemetry exporter, a test) is attached.
/// </summary>
public static class BusTelemetry
{
    public const string SourceName = "AlgoSpace.EventBus";

    public static readonly ActivitySource Activities = new(SourceName);
    public static readonly Meter Meter = new("AlgoSpace");

    private static readonly Counter<long> Published = Meter.CreateCounter<long>("algospace_events_published", description: "Event deliveries started, by event type");
    private static readonly Counter<long> Handled = Meter.CreateCounter<long>("algospace_events_handled", description: "Event deliveries handled, by event type");
    private static readonly Histogram<double> HandleMicroseconds = Meter.CreateHistogram<double>("algospace_event_handle_us", "us", "Time a component spent handling one event");

    public static Activity? StartPublish(EventEnvelope envelope, string subscriber)
    {
        Published.Add(1, new KeyValuePair<string, object?>("event", envelope.Type));
        var activity = Activities.StartActivity($"publish {envelope.Type}", ActivityKind.Producer);
        activity?.SetTag("algospace.event", envelope.Type)
            .SetTag("algospace.seq", envelope.Seq)
            .SetTag("algospace.source", envelope.Source)
            .SetTag("algospace.subscriber", subscriber)
            .SetTag("algospace.correlation_id", envelope.CorrelationId);
        return activity;
    }

    /// <summary>
    /// A live tick from its arrival at the data handler (<paramref name="receivedAt"/>, a Stopwatch timestamp, kept
    /// as a tag) until its publish has returned; its NEW_TICK publish is a child, so a listener can measure a cascade
    /// from the tick's arrival.
    /// </summary>
    public static Activity? StartTickReceipt(string component, long receivedAt) =>
        Activities.StartActivity("receive tick", ActivityKind.Consumer)?
            .SetTag("algospace.component", component)
            .SetTag(ReceivedAtTag, receivedAt);

    /// <summary>The Stopwatch timestamp at which a live tick arrived.</summary>
    public const string ReceivedAtTag = "algospace.received_at";

    public static Activity? StartHandle(EventEnvelope envelope, string component)
    {
        var activity = Activities.StartActivity($"handle {envelope.Type}", ActivityKind.Consumer);
        activity?.SetTag("algospace.event", envelope.Type)
            .SetTag("algospace.seq", envelope.Seq)
            .SetTag("algospace.source", envelope.Source)
            .SetTag("algospace.component", component)
            .SetTag("algospace.correlation_id", envelope.CorrelationId);
        return activity;
    }

    public static void RecordHandled(EventEnvelope envelope, double microseconds)
    {
        var tag = new KeyValuePair<string, object?>("event", envelope.Type);
        Handled.Add(1, tag);
        HandleMicroseconds.Record(microseconds, tag);
    }
}
