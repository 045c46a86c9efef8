using System.Runtime;
using System.Runtime.InteropServices;

namespace AlgoSpace.Benchmarks.Report;

/// <summary>What the figures were measured on, including the load: this machine is shared with other builds.</summary>
public sealed record MachineInfo(int Processors, string Runtime, string Os, string Gc, string LoadAverage)
{
    public static MachineInfo Current() => new(
        Environment.ProcessorCount,
        RuntimeInformation.FrameworkDescription,
        RuntimeInformation.OSDescription,
        GCSettings.IsServerGC ? "server" : "workstation",
        ReadLoadAverage());

    private static string ReadLoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
