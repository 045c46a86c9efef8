using AlgoSpace.Grains.Interfaces.Operator;

namespace AlgoSpace.Client.Rendering;

/// <summary>
/// The `Silos` section of `status`: one row per silo with its status and the components it holds, in the kernel's
/// order (up silos oldest first, then those that left or died recently, newest first). Watching it, an operator sees
/// a leaving silo's components reappear under the silos that remain.
/// </summary>
public static class SiloViews
{
    public static IEnumerable<Block> Build(SystemStatusReport status)
    {
        yield return new TableBlock(
            "Silos",
            [new("Silo"), new("Name"), new("Status"), new("Since"), new("Components", true), new("Holds")],
            status.Silos.Select(s => (IReadOnlyList<Cell>)
            [
                s.Address, Name(s, status.SiloAddress), new Cell(s.Status, Of(s.Status)), Since(s),
                Formats.Count(s.Components.Count), string.Join(", ", s.Components),
            ]).ToList(),
            "(the cluster's membership could not be read)");

        // A host that did not answer says nothing of its silo; name it rather than leave it out of every row.
        var unplaced = status.Components.Where(c => c.Silo is null).Select(c => c.Name).ToList();
        if (unplaced.Count > 0)
        {
            yield return new LineBlock(new Cell($"no answer from the host of {string.Join(", ", unplaced)}: its silo is not known", Tone.Warning));
        }
    }

    /// <summary>The silo's name, marked where the kernel runs (the kernel grain moves with its silo too).</summary>
    private static string Name(SiloView silo, string kernelSilo) => silo.Address == kernelSilo ? $"{silo.Name} (kernel)".TrimStart() : silo.Name;

    /// <summary>An up silo since it started; one that left or died since it did.</summary>
    private static string Since(SiloView silo) => (silo.Status == "Dead" ? silo.ChangedUtc : silo.StartedUtc) is { } at ? Formats.Utc(at) : "-";

    private static Tone Of(string status) => status switch
    {
        "Active" => Tone.Good,
        "Joining" or "ShuttingDown" or "Stopping" or "Created" => Tone.Warning,
        "Dead" => Tone.Bad,
        _ => Tone.Muted,
    };
}
