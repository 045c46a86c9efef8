using AlgoSpace.Grains.Interfaces.Events;

namespace AlgoSpace.Grains.Components.Execution;

/// <summary>An event the execution logic wants published, in order, with the simulation time it belongs to.</summary>
public sealed record PublishedEvent(string Type, EventPayload Payload, DateTime SimTime);
