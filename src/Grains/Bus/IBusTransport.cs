using AlgoSpace.Grains.Interfaces.Events;

namespace AlgoSpace.Grains.Bus;

/// <summary>Carries one envelope to one subscriber. Broadcast channels and streams are the two transports.</summary>
public interface IBusTransport
{
    /// <summary>Sends the envelope. Acknowledged transports complete when the subscriber has handled it.</summary>
    Task SendAsync(string subscriber, EventEnvelope envelope);

    /// <summary>Whether a completed send means the subscriber has handled the event.</summary>
    bool IsAcknowledged { get; }
}
