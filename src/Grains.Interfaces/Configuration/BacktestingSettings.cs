using System.ComponentModel;

namespace AlgoSpace.Grains.Interfaces.Configuration;

public sealed class BacktestingSettings
{
    [SettingRange(0, 1e12, ExclusiveMinimum = true), SettingUnit("USD")]
    public double InitialCapital { get; init; } = 100_000;

    [Description("First day replayed (YYYY-MM-DD); earlier rows are skipped. Leave out to start at the file's first row.")]
    public DateOnly? StartDate { get; init; }

    [Description("Last day replayed (YYYY-MM-DD, inclusive). Leave out to run to the file's end.")]
    public DateOnly? EndDate { get; init; }
}
