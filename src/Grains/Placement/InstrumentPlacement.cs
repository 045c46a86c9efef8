namespace AlgoSpace.Grains.Placement;

/// <summary>
/// Places the grains of one instrument's pipeline together on one silo, and the instruments' pipelines evenly over
/// the silos (<see cref="InstrumentPlacementDirector"/>); grains whose key names no instrument are placed as Orleans'
/// default placement would place them.
/// </summary>
[GenerateSerializer, Immutable, SuppressReferenceTracking]
public sealed class InstrumentPlacement : PlacementStrategy
{
    public static InstrumentPlacement Singleton { get; } = new();
}
