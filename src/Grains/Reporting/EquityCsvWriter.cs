using System.Text;
using AlgoSpace.Grains.Interfaces.Components.Calls;

namespace AlgoSpace.Grains.Reporting;

/// <summary>equity.csv: the equity curve, one row per point, with the drawdown from the running peak.</summary>
public static class EquityCsvWriter
{
    public const string Header = "time,equity,drawdown,drawdown_percent";

    public static string Write(IReadOnlyList<EquityPoint> curve)
    {
        var text = new StringBuilder(Header).Append('\n');
        foreach (var p in curve)
        {
            text.Append(ReportFormat.Time(p.Time)).Append(',').Append(ReportFormat.Money(p.Equity)).Append(',')
                .Append(ReportFormat.Money(p.Drawdown)).Append(',').Append(ReportFormat.Ratio(p.DrawdownPercent)).Append('\n');
        }

        return text.ToString();
    }
}
