using System.Text;
using AlgoSpace.Grains.Interfaces.Events;

namespace AlgoSpace.Grains.Reporting;

/// <summary>trades.csv: one row per closed trade, ordered by exit time (ties keep the order they were reported in).</summary>
public static class TradesCsvWriter
{
    public const string Header =
        "execution_id,symbol,direction,quantity,entry_time,entry_price,exit_time,exit_price,exit_reason,pnl_points,gross_pnl,commission,net_pnl,bars_held,max_favorable,max_adverse,duration_seconds,outcome";

    public static string Write(IReadOnlyList<TradeClosedPayload> trades)
    {
        var text = new StringBuilder(Header).Append('\n');
        foreach (var t in trades.OrderBy(t => t.Exit.Timestamp))
        {
            string[] fields =
            [
                ReportFormat.CsvField(t.ExecutionId), ReportFormat.CsvField(t.Symbol), t.Direction >= 0 ? "long" : "short",
                ReportFormat.Integer(t.Entry.Quantity), ReportFormat.Time(t.Entry.Timestamp), ReportFormat.Price(t.Entry.Price),
                ReportFormat.Time(t.Exit.Timestamp), ReportFormat.Price(t.Exit.Price), ReportFormat.CsvField(t.Exit.Reason),
                ReportFormat.Price(t.Performance.PnlPoints), ReportFormat.Money(t.Performance.Pnl), ReportFormat.Money(t.Performance.CommissionPaid),
                ReportFormat.Money(t.Performance.NetPnl), ReportFormat.Integer(t.Performance.BarsHeld), ReportFormat.Price(t.Performance.MaxFavorable),
                ReportFormat.Price(t.Performance.MaxAdverse), ReportFormat.Seconds((t.Exit.Timestamp - t.Entry.Timestamp).TotalSeconds),
                ReportFormat.CsvField(t.TradeResult.Outcome),
            ];
            text.AppendJoin(',', fields).Append('\n');
        }

        return text.ToString();
    }
}
