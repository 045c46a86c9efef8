using Orleans.Placement;

namespace AlgoSpace.Grains.Placement;

/// <summary>Marks a grain class as placed by <see cref="InstrumentPlacement"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class InstrumentPlacementAttribute() : PlacementAttribute(InstrumentPlacement.Singleton);
