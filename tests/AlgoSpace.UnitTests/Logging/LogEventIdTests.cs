using System.Reflection;
using System.Text.RegularExpressions;
using AlgoSpace.Grains.Interfaces.Logging;
using Microsoft.Extensions.Logging;

namespace AlgoSpace.Tests.Logging;

/// <summary>
/// Checks every [LoggerMessage] of the project against <see cref="LogEventAreas"/>: an event id names one
/// message, and lies in the range of its class's area. The attribute stays on the partial method after
/// the source generator has run, so reflection finds each message where it is declared.
/// </summary>
public sealed class LogEventIdTests
{
    private sealed record Message(Type Type, string Method, int Id, string Text)
    {
        public override string ToString() => $"{Type.FullName}.{Method} (EventId {Id}, \"{Text}\")";
    }

    [Fact]
    public void Every_project_with_log_messages_is_scanned()
    {
        // Guards the scan itself: a project whose sources declare [LoggerMessage] but whose assembly this test
        // project does not reference would otherwise pass unchecked. Reference it in AlgoSpace.UnitTests.csproj.
        var missing = Projects().Where(p => p.Assembly is null && p.HasLogMessages).Select(p => p.Csproj).ToList();
        Assert.True(missing.Count == 0, "Not referenced by the unit tests, so their log event ids are not checked: " + string.Join(", ", missing));
        Assert.True(Messages().Count > 100, $"only {Messages().Count} log messages found");
    }

    [Fact]
    public void No_event_id_is_used_by_two_messages()
    {
        // Partial classes split over files are one type, so the same id, type and text is one message.
        var collisions = Messages()
            .DistinctBy(m => (m.Id, m.Type, m.Text))
            .GroupBy(m => m.Id)
            .Where(g => g.Count() > 1)
            .Select(g => $"EventId {g.Key} is used by {g.Count()} messages:\n    " + string.Join("\n    ", g))
            .ToList();
        Assert.True(collisions.Count == 0, string.Join("\n", collisions));
    }

    [Fact]
    public void Every_event_id_lies_in_the_area_of_its_class()
    {
        var misplaced = Messages()
            .Select(m => (Message: m, Area: LogEventAreas.Of(m.Id)))
            .Where(x => x.Area is null || !x.Area.Covers(Outermost(x.Message.Type).Namespace, Outermost(x.Message.Type).FullName!))
            .Select(x => x.Area is null
                ? $"{x.Message}: no area of LogEventAreas holds this id"
                : $"{x.Message}: id is in area '{x.Area.Name}' ({x.Area.First}-{x.Area.Last}), which does not cover {x.Message.Type.FullName}")
            .ToList();
        Assert.True(misplaced.Count == 0, "Log event ids outside their area (see src/Grains.Interfaces/Logging/LogEventAreas.cs):\n" + string.Join("\n", misplaced));
    }

    [Fact]
    public void Areas_do_not_overlap_and_are_ordered()
    {
        var areas = LogEventAreas.All;
        for (var i = 0; i < areas.Count; i++)
        {
            Assert.True(areas[i].First <= areas[i].Last, $"area '{areas[i].Name}' has an empty range");
            if (i > 0) Assert.True(areas[i - 1].Last < areas[i].First, $"areas '{areas[i - 1].Name}' and '{areas[i].Name}' overlap or are out of order");
        }

        foreach (var (first, last) in LogEventAreas.Free)
        {
            Assert.DoesNotContain(areas, a => a.First <= last && first <= a.Last);
        }
    }

    [Fact]
    public void The_checks_fail_on_a_collision_and_on_a_misplaced_id()
    {
        // The rule the tests apply, shown on two made-up messages: without this, a check that never fires looks the same as one that passes.
        var area = LogEventAreas.Of(200);
        Assert.NotNull(area);
        Assert.True(area.Covers("AlgoSpace.Grains.Kernel", "AlgoSpace.Grains.Kernel.KernelGrain"));
        Assert.False(area.Covers("AlgoSpace.Silo.Persistence", "AlgoSpace.Silo.Persistence.FileGrainStorage"));
        Assert.False(area.Covers("AlgoSpace.KernelX", "AlgoSpace.KernelX.Other"));
        Assert.Null(LogEventAreas.Of(5));
    }

    // Nested types (a private log class inside a grain) belong to the area of the type that holds them.
    private static Type Outermost(Type type) => type.DeclaringType is null ? type : Outermost(type.DeclaringType);

    private static List<Message> Messages() =>
        ProjectAssemblies()
            .SelectMany(Types)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Select(m => (Method: m, Attribute: m.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(x => x.Attribute is not null)
            .Select(x => new Message(x.Method.DeclaringType!, x.Method.Name, x.Attribute!.EventId, x.Attribute.Message))
            .ToList();

    private static Type[] Types(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            return e.Types.OfType<Type>().ToArray();
        }
    }

    /// <summary>
    /// The repository's projects under src/ and tools/ (found from their .csproj files, so a new project is
    /// included without editing this test), each with its assembly if this test's output folder holds it.
    /// </summary>
    private static List<(string Csproj, bool HasLogMessages, Assembly? Assembly)> Projects() => ProjectList.Value;

    private static readonly Lazy<List<(string Csproj, bool HasLogMessages, Assembly? Assembly)>> ProjectList = new(() =>
        new[] { "src", "tools" }
            .SelectMany(folder => Directory.EnumerateFiles(RepositoryRoot.File(folder), "*.csproj", SearchOption.AllDirectories))
            .Select(csproj =>
            {
                var text = File.ReadAllText(csproj);
                var named = Regex.Match(text, "<AssemblyName>([^<]+)</AssemblyName>");
                var name = named.Success ? named.Groups[1].Value : Path.GetFileNameWithoutExtension(csproj);
                var dll = Path.Combine(AppContext.BaseDirectory, name + ".dll");
                var hasLogMessages = Directory.EnumerateFiles(Path.GetDirectoryName(csproj)!, "*.cs", SearchOption.AllDirectories)
                    .Any(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && File.ReadAllText(f).Contains("[LoggerMessage", StringComparison.Ordinal));
                return (Path.GetRelativePath(RepositoryRoot.Path, csproj), hasLogMessages, File.Exists(dll) ? Assembly.LoadFrom(dll) : null);
            })
            .ToList());

    private static IEnumerable<Assembly> ProjectAssemblies() => Projects().Select(p => p.Assembly).OfType<Assembly>();
}
