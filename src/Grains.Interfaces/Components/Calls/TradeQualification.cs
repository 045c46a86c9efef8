namespace AlgoSpace.Grains.Interfaces.Components.Calls;

/// <summary>A synergy the shared policy qualified, as the M-RMS reads it (component-contracts 2.7).</summary>
/// <param name="SynergyVector">The 30 values of the synergy_vector table.</param>
/// <param name="AccountStateVector">The 10 values of the account_state_vector list.</param>
/// <param name="EntryPrice">The synergy's current price.</param>
/// <param name="Direction">"LONG" or "SHORT".</param>
/// <param name="Atr">The ATR the stops are measured in, in points.</param>
/// <param name="Timestamp">Simulation time of the synergy.</param>
/// <param name="ConsensusConfidence">Mean MC-dropout probability of QUALIFY.</param>
[GenerateSerializer, Immutable]
public sealed record TradeQualification(
    [property: Id(0)] IReadOnlyList<float> SynergyVector,
    [property: Id(1)] IReadOnlyList<float> AccountStateVector,
    [property: Id(2)] double EntryPrice,
    [property: Id(3)] string Direction,
    [property: Id(4)] double Atr,
    [property: Id(5)] string Symbol,
    [property: Id(6)] DateTime Timestamp,
    [property: Id(7)] double ConsensusConfidence,
    [property: Id(8)] string SynergyType)
{
    public const string Long = "LONG";
    public const string Short = "SHORT";
}
