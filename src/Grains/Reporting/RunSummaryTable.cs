using System.Globalization;
using System.Text;

namespace AlgoSpace.Grains.Reporting;

/// <summary>The end-of-run summary for people: the issue's figures as a small aligned table.</summary>
public static class RunSummaryTable
{
    private const int LabelWidth = 18;

    public static string Format(RunReport report, string? folder)
    {
        var rows = new List<(string Label, string Value)>();
        var s = report.Performance?.Statistics;
        if (s is null)
        {
            rows.Add(("Performance", report.TrackerNote ?? "no performance tracker"));
        }
        else
        {
            rows.Add(("Trades", $"{s.Trades} ({s.Wins} won, {s.Losses} lost, {s.Breakeven} even)"));
            rows.Add(("Net P&L", $"{ReportFormat.Money(s.NetPnl)} USD (commission {ReportFormat.Money(s.Commission)})"));
            rows.Add(("Final equity", $"{ReportFormat.Money(s.FinalEquity)} USD from {ReportFormat.Money(report.InitialCapital)}"));
            rows.Add(("Win rate", Percent(s.WinRate)));
            rows.Add(("Profit factor", Number(s.ProfitFactor)));
            rows.Add(("Average trade", s.AverageTrade is { } average ? $"{ReportFormat.Money(average)} USD" : "n/a"));
            rows.Add(("Sharpe (daily)", Number(s.Sharpe)));
            rows.Add(("Sortino (daily)", Number(s.Sortino)));
            rows.Add(("Max drawdown", $"{ReportFormat.Money(s.MaxDrawdown)} USD ({s.MaxDrawdownPercent.ToString("F2", CultureInfo.InvariantCulture)} %)"));
            rows.Add(("Longest drawdown", Duration(s.LongestDrawdown)));
            rows.Add(("Exposure", Percent(s.Exposure)));
            rows.Add(("Trading days", s.TradingDays.ToString(CultureInfo.InvariantCulture)));
        }

        var firstInstrument = true;
        foreach (var i in report.Instruments)
        {
            rows.Add((firstInstrument ? "By instrument" : "", $"{i.Symbol,-6} {i.Trades,3} trades ({i.Wins} won, {i.Losses} lost), net {ReportFormat.Money(i.NetPnl)} USD"));
            firstInstrument = false;
        }

        if (report.Input is { } input)
        {
            rows.Add(("Input rows", $"{input.Rows} read, {input.Ticks} ticks, {input.RejectedRows} rejected"));
        }
        else
        {
            rows.Add(("Input rows", "unknown (the data did not reach its end)"));
        }

        var first = true;
        foreach (var (type, count) in report.EventsHandled.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            rows.Add((first ? "Events handled" : "", $"{type,-20} {count,10}"));
            first = false;
        }

        if (first) rows.Add(("Events handled", "none"));
        rows.Add(("Run time", $"{report.Timing.RunTime.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)} s"));
        rows.Add(("Ticks per second", report.Timing.TicksPerSecond.ToString("F0", CultureInfo.InvariantCulture)));
        if (folder is not null) rows.Add(("Output", folder));

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Run {report.Timing.RunId}: {report.Mode} of {report.DataFile}{(report.Complete || report.Mode == "live" ? "" : " (interrupted)")}\n");
        foreach (var (label, value) in rows) text.Append("  ").Append(label.PadRight(LabelWidth)).Append(value).Append('\n');
        return text.ToString();
    }

    private static string Percent(double? fraction) =>
        fraction is { } f ? (100 * f).ToString("F1", CultureInfo.InvariantCulture) + " %" : "n/a";

    private static string Number(double? value) => value switch
    {
        null => "n/a",
        { } v when double.IsPositiveInfinity(v) => ReportFormat.Infinity,
        { } v => v.ToString("F2", CultureInfo.InvariantCulture),
    };

    private static string Duration(TimeSpan span) =>
        span.TotalDays >= 1 ? span.ToString(@"d\d\ hh\:mm", CultureInfo.InvariantCulture) : span.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture);
}
