namespace AlgoSpace.Grains.Interfaces.Operator;

/// <summary>
/// One silo of the cluster as `status` shows it: its address and name, its membership status, and the components
/// whose hosts run on it. Silos that are up are shown, and silos that left or died in the last few minutes, so that
/// a rolling restart or a lost silo can be seen and the components seen to move.
/// </summary>
/// <param name="Address">The silo's address as the membership writes it (ip:port:generation), as in <see cref="ComponentHealth.Silo"/>.</param>
/// <param name="Name">The silo's name in the membership table; empty when the silo is not in it.</param>
/// <param name="Status">
/// Orleans' membership status: Joining, Active, ShuttingDown, Stopping or Dead; Unknown for a silo that a component
/// names but that the membership table does not list (or could not be read).
/// </param>
/// <param name="StartedUtc">When the silo started; null when unknown.</param>
/// <param name="ChangedUtc">The last update of its membership row: for a silo that left or died, when it did (within a heartbeat); null when unknown.</param>
/// <param name="Components">The components whose hosts run on the silo, in the run's activation order.</param>
[GenerateSerializer, Immutable]
public sealed record SiloView(
    [property: Id(0)] string Address,
    [property: Id(1)] string Name,
    [property: Id(2)] string Status,
    [property: Id(3)] DateTime? StartedUtc,
    [property: Id(4)] DateTime? ChangedUtc,
    [property: Id(5)] IReadOnlyList<string> Components);
