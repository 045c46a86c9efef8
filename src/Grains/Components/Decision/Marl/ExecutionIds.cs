using System.Globalization;

namespace AlgoSpace.Grains.Components.Decision.Marl;

/// <summary><c>EX_yyyyMMdd_HHmmss_NNN</c> from the simulation time; NNN is the run's execution number modulo 1000, so two trades in one simulated second still differ.</summary>
public static class ExecutionIds
{
    public static string Format(DateTime simTime, long executionNumber) =>
        string.Create(CultureInfo.InvariantCulture, $"EX_{simTime:yyyyMMdd_HHmmss}_{executionNumber % 1000:D3}");
}
