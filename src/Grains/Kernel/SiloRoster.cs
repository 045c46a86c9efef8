using AlgoSpace.Grains.Interfaces.Operator;

namespace AlgoSpace.Grains.Kernel;

/// <summary>
/// The silos `status` lists, each with the components it holds. The membership table keeps dead silos' rows for
/// hours, so a silo that left or died is listed only for <see cref="GoneShownFor"/> after it did (long enough for an
/// operator to watch a rolling restart move the components, short enough that the table does not fill with history),
/// or while a component still says it runs there.
/// </summary>
/// <remarks>
/// Order, stable from one refresh to the next: silos that are up, oldest first (the order they started, so a
/// replacement appears below the silos that stayed); then silos that left or died, the most recent first; then any
/// silo a component names that the table does not list (Unknown), by address.
/// </remarks>
public static class SiloRoster
{
    /// <summary>How long a silo that left or died stays in the list.</summary>
    public static readonly TimeSpan GoneShownFor = TimeSpan.FromMinutes(5);

    /// <summary>Status of a silo that a component names but the membership table does not list.</summary>
    public const string Unknown = "Unknown";

    /// <param name="members">The membership table's rows (empty if it could not be read).</param>
    /// <param name="placements">Each component and the silo its host reported, in activation order; null when its host did not answer.</param>
    /// <param name="nowUtc">The time to measure <see cref="GoneShownFor"/> from.</param>
    public static IReadOnlyList<SiloView> Build(IReadOnlyList<SiloMember> members, IEnumerable<(string Component, string? Silo)> placements, DateTime nowUtc)
    {
        var held = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (component, silo) in placements)
        {
            if (string.IsNullOrEmpty(silo)) continue;
            if (!held.TryGetValue(silo, out var names)) held[silo] = names = [];
            names.Add(component);
        }

        IReadOnlyList<string> Holds(string address) => held.TryGetValue(address, out var names) ? names : [];

        var listed = members.Where(m => !m.Gone || nowUtc - m.ChangedUtc <= GoneShownFor || held.ContainsKey(m.Address)).ToList();
        var up = listed.Where(m => !m.Gone).OrderBy(m => m.StartedUtc).ThenBy(m => m.Address, StringComparer.Ordinal);
        var gone = listed.Where(m => m.Gone).OrderByDescending(m => m.ChangedUtc).ThenBy(m => m.Address, StringComparer.Ordinal);
        var known = members.Select(m => m.Address).ToHashSet(StringComparer.Ordinal);
        var unknown = held.Keys.Where(a => !known.Contains(a)).Order(StringComparer.Ordinal);

        return
        [
            .. up.Concat(gone).Select(m => new SiloView(m.Address, m.Name, m.Status, m.StartedUtc, m.ChangedUtc, Holds(m.Address))),
            .. unknown.Select(a => new SiloView(a, "", Unknown, null, null, Holds(a))),
        ];
    }
}
