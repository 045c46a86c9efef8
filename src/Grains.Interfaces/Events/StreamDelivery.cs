namespace AlgoSpace.Grains.Interfaces.Events;

/// <summary>
/// What the stream transport carries: the envelope, and where to acknowledge it. The subscriber's host calls
/// <c>AcknowledgeAsync(DeliveryId)</c> on the host named <see cref="ReplyTo"/> once it has handled the envelope, so a
/// publish over streams completes when its handlers have, as over broadcast channels (lockstep).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record StreamDelivery(
    [property: Id(0)] EventEnvelope Envelope,
    [property: Id(1)] string ReplyTo,
    [property: Id(2)] long DeliveryId);
