namespace AlgoSpace.Grains.Interfaces.Events;

/// <summary>Base of every event payload. Payload types are sealed records marked [GenerateSerializer].</summary>
[GenerateSerializer]
public abstract record EventPayload;
