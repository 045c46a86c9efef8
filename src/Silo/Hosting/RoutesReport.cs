using System.Text;
using AlgoSpace.Grains.Interfaces.Components;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Kernel;

namespace AlgoSpace.Silo.Hosting;

/// <summary>
/// The routing table the kernel wires at startup step 6, as text (NFR-SK-08: routing documented and traceable), with
/// each instrument's copies of the pipeline (bar_generator@NQ) when more than one symbol is traded.
/// </summary>
public static class RoutesReport
{
    public static string Describe(AlgoSpaceSettings settings, ComponentCatalog catalog)
    {
        var text = new StringBuilder();
        var modes = new[] { settings.System.Mode }
            .Concat(Enum.GetValues<TradingMode>().Where(m => m != settings.System.Mode && settings.Components.Any(c => c.Mode != ComponentMode.Any && StartupPlan.InMode(c, m))));
        foreach (var mode in modes)
        {
            text.AppendLine($"{mode.ToString().ToLowerInvariant()} mode{(mode == settings.System.Mode ? " (active)" : "")}:");
            foreach (var line in RoutingTable.For(settings, mode, catalog).Describe()) text.AppendLine($"  {line}");
        }

        return text.ToString();
    }
}
