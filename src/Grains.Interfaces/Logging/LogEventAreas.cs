namespace AlgoSpace.Grains.Interfaces.Logging;

/// <summary>
/// One area of the log event id table: an id range and the code that may use it.
/// </summary>
/// <param name="Name">What the area covers, as an operator reading a log would name it.</param>
/// <param name="First">The first id of the range (inclusive).</param>
/// <param name="Last">The last id of the range (inclusive).</param>
/// <param name="Scopes">
/// Who may log with these ids. A scope is a type's full name ("AlgoSpace.Grains.Kernel.KernelGrain"),
/// a namespace ("AlgoSpace.Grains.Models": types directly in it), or a namespace with ".*"
/// ("AlgoSpace.Silo.Hosting.*": types in it and in the namespaces below it).
/// </param>
public sealed record LogEventArea(string Name, int First, int Last, params string[] Scopes)
{
    /// <summary>Whether <paramref name="id"/> lies in this area's range.</summary>
    public bool Contains(int id) => id >= First && id <= Last;

    /// <summary>Whether a type with this namespace and full name may log with this area's ids.</summary>
    public bool Covers(string? typeNamespace, string typeFullName)
    {
        foreach (var scope in Scopes)
        {
            if (scope.EndsWith(".*", StringComparison.Ordinal))
            {
                var root = scope[..^2];
                if (typeNamespace is not null && (typeNamespace == root || typeNamespace.StartsWith(root + ".", StringComparison.Ordinal)))
                {
                    return true;
                }
            }
            else if (scope == typeNamespace || scope == typeFullName)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>
/// The allocation of <c>[LoggerMessage]</c> event ids: one range per area, so that an id found in a
/// log names one message, and a search for it finds one place in the code.
/// </summary>
/// <remarks>
/// A message's id must lie in the range of an area that covers its class; LogEventIdTests checks every
/// [LoggerMessage] in the AlgoSpace assemblies against this table and checks that no id is used twice.
/// To add messages, take the next free id of the area; to add an area, take a free block of 100
/// (see <see cref="Free"/>). Ids already in logs and tests stay what they are: some areas below are
/// blocks of 10 inside a block of 100 because the ids were handed out that way before this table existed.
/// </remarks>
public static class LogEventAreas
{
    /// <summary>Every area, in id order. Ranges do not overlap (the test checks it).</summary>
    public static IReadOnlyList<LogEventArea> All { get; } =
    [
        new("Silo host: startup and options", 100, 119, "AlgoSpace.Silo.Hosting.*", "AlgoSpace.Silo.Configuration.*", "AlgoSpace.Grains.Interfaces.Configuration.*"),
        new("Silo lifecycle: start and stop of the system, signals, kernel exit", 120, 189, "AlgoSpace.Silo.Lifecycle.*"),
        new("Silo host: crash and unreadable state", 190, 199, "AlgoSpace.Silo.Hosting.*"),
        new("Kernel: state machine, shutdowns, mode switch, checkpoints", 200, 299, "AlgoSpace.Grains.Kernel.*", "AlgoSpace.Grains.Interfaces.Operator.*"),
        new("Component hosting: host grain, shell, journal, calls", 300, 399, "AlgoSpace.Grains.Components", "AlgoSpace.Grains.Components.Hosting.*", "AlgoSpace.Grains.Components.Journal.*", "AlgoSpace.Grains.Interfaces.Components.Calls.*"),
        new("Component: bar generator", 400, 419, "AlgoSpace.Grains.Components.Bars.*"),
        new("Component: indicator engine", 420, 449, "AlgoSpace.Grains.Components.Indicators.*"),
        new("Component: execution handlers", 450, 469, "AlgoSpace.Grains.Components.Execution.*"),
        new("Component: synergy detector", 470, 479, "AlgoSpace.Grains.Components.Synergy.*"),
        new("Component: matrix assemblers", 480, 499, "AlgoSpace.Grains.Components.Matrices.*"),
        new("Bus and events", 500, 599, "AlgoSpace.Grains.Bus.*", "AlgoSpace.Grains.Interfaces.Events.*"),
        new("Component: regime detection engine", 600, 609, "AlgoSpace.Grains.Components.Decision.Rde.*"),
        new("Component: risk management (M-RMS)", 610, 619, "AlgoSpace.Grains.Components.Decision.Risk.*"),
        new("Component: main MARL core", 620, 699, "AlgoSpace.Grains.Components.Decision.Marl.*", "AlgoSpace.Grains.Components.Decision"),
        new("Persistence: grain storage", 700, 799, "AlgoSpace.Silo.Persistence.*"),
        new("Checkpoints: checkpoint grain and telemetry", 800, 899, "AlgoSpace.Grains.Checkpoints.*"),
        new("Models: loading and inference", 900, 999, "AlgoSpace.Grains.Models"),
        new("Component: backtest data handler", 1000, 1099, "AlgoSpace.Grains.Components.Data"),
        new("Component: live data handler", 1100, 1119, "AlgoSpace.Grains.Components.Data.Live.*"),
        new("Tool: feed replay server", 1120, 1199, "AlgoSpace.FeedReplay.*"),
        new("Training: data collection, labelling, model training", 1200, 1299, "AlgoSpace.Grains.Training.*", "AlgoSpace.Models.Training.*"),
        new("Client: operator console", 1300, 1399, "AlgoSpace.Client.*"),
        new("Placement: component hosts placed by instrument", 1400, 1499, "AlgoSpace.Grains.Placement.*"),
        new("Reporting: performance tracker", 1500, 1509, "AlgoSpace.Grains.Components.Performance.*"),
        new("Reporting: run report of the kernel", 1510, 1519, "AlgoSpace.Grains.Kernel.RunReporter", "AlgoSpace.Grains.Reporting.*"),
        new("Reporting: the run display, progress lines and the run log file", 1520, 1599, "AlgoSpace.Silo.Reporting.*"),
        new("In-process runner", 1900, 1999, "AlgoSpace.Grains.InProcess.*"),
    ];

    /// <summary>Blocks no area uses yet, for the next area.</summary>
    public static IReadOnlyList<(int First, int Last)> Free { get; } = [(1600, 1899), (2000, 9999)];

    /// <summary>The area whose range holds <paramref name="id"/>, or null if none does.</summary>
    public static LogEventArea? Of(int id) => All.FirstOrDefault(a => a.Contains(id));
}
