using System.Globalization;

namespace AlgoSpace.Grains.Components.Decision.Marl;

/// <summary>
/// <c>EX_yyyyMMdd_HHmmss_NNN</c> from the simulation time; NNN is the run's execution number modulo 1000, so two
/// trades in one simulated second still differ. An instrument's pipeline in a portfolio counts its own executions,
/// so its ids carry the symbol (<c>EX_NQ_yyyyMMdd_HHmmss_NNN</c>): two instruments deciding in the same second never
/// share an id, which the account's duplicate check would refuse.
/// </summary>
public static class ExecutionIds
{
    public static string Format(DateTime simTime, long executionNumber, string? instrument = null) => instrument is null
        ? string.Create(CultureInfo.InvariantCulture, $"EX_{simTime:yyyyMMdd_HHmmss}_{executionNumber % 1000:D3}")
        : string.Create(CultureInfo.InvariantCulture, $"EX_{instrument}_{simTime:yyyyMMdd_HHmmss}_{executionNumber % 1000:D3}");

    /// <summary>The simulation date of the decision an id of <see cref="Format"/> names; false for any other text.</summary>
    public static bool TryParseDay(string executionId, out DateOnly day)
    {
        day = default;
        var parts = executionId.Split('_');
        return parts.Length >= 4 && parts[0] == "EX"
            && DateOnly.TryParseExact(parts[^3], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
    }
}
