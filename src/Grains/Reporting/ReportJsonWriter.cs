using System.Text;
using System.Text.Json;
using AlgoSpace.Grains.Interfaces.Components.Calls;

namespace AlgoSpace.Grains.Reporting;

/// <summary>
/// report.json: the deterministic fields first, in a fixed order, and every wall-clock value (the run id, which
/// embeds the start time, the start and finish times, the run time and the rate) in the last object, "timing",
/// which a determinism check drops. Numbers are written with the fixed decimals of <see cref="ReportFormat"/>;
/// a ratio without a value is null and an infinite one is the string "inf".
/// </summary>
public static class ReportJsonWriter
{
    public const int Version = 1;

    /// <summary>The basis of the Sharpe and Sortino ratios, written beside them.</summary>
    public const string RatioBasis = "daily returns of end-of-day realized equity by simulation date, annualised by sqrt(252)";

    public static string Write(RunReport report)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            json.WriteStartObject();
            json.WriteNumber("report_version", Version);
            json.WriteString("mode", report.Mode);
            json.WriteNumber("run_seed", report.RunSeed);
            json.WriteString("data_file", report.DataFile);
            json.WriteBoolean("complete", report.Complete);
            Raw(json, "initial_capital", ReportFormat.Money(report.InitialCapital));
            WriteTracker(json, report);
            WriteStatistics(json, report.Performance);
            WriteInstruments(json, report.Instruments);
            WriteInput(json, report.Input);
            json.WriteStartObject("events_handled");
            foreach (var (type, count) in report.EventsHandled.OrderBy(e => e.Key, StringComparer.Ordinal)) json.WriteNumber(type, count);
            json.WriteEndObject();
            json.WriteStartObject("files");
            foreach (var (key, file) in RunFolderWriter.Files) json.WriteString(key, file);
            json.WriteEndObject();
            WriteTiming(json, report.Timing);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteTracker(Utf8JsonWriter json, RunReport report)
    {
        json.WriteStartObject("performance_tracker");
        if (report.Tracker is null) json.WriteNull("name");
        else json.WriteString("name", report.Tracker);
        json.WriteBoolean("present", report.Performance is not null);
        if (report.TrackerNote is null) json.WriteNull("note");
        else json.WriteString("note", report.TrackerNote);
        json.WriteEndObject();
    }

    /// <summary>A portfolio's results by instrument; left out for one instrument, so its report is as before.</summary>
    private static void WriteInstruments(Utf8JsonWriter json, IReadOnlyList<InstrumentResult> instruments)
    {
        if (instruments.Count == 0) return;
        json.WriteStartArray("instruments");
        foreach (var i in instruments)
        {
            json.WriteStartObject();
            json.WriteString("symbol", i.Symbol);
            json.WriteNumber("trades", i.Trades);
            json.WriteNumber("wins", i.Wins);
            json.WriteNumber("losses", i.Losses);
            Raw(json, "net_pnl", ReportFormat.Money(i.NetPnl));
            Raw(json, "commission", ReportFormat.Money(i.Commission));
            Optional(json, "best_trade", i.BestTrade, ReportFormat.Money);
            Optional(json, "worst_trade", i.WorstTrade, ReportFormat.Money);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteStatistics(Utf8JsonWriter json, PerformanceReportReply? performance)
    {
        if (performance is null)
        {
            json.WriteNull("simulation");
            json.WriteNull("statistics");
            return;
        }

        json.WriteStartObject("simulation");
        OptionalTime(json, "start", performance.SimulationStart);
        OptionalTime(json, "end", performance.SimulationEnd);
        json.WriteEndObject();

        var s = performance.Statistics;
        json.WriteStartObject("statistics");
        json.WriteNumber("trades", s.Trades);
        json.WriteNumber("wins", s.Wins);
        json.WriteNumber("losses", s.Losses);
        json.WriteNumber("breakeven", s.Breakeven);
        Raw(json, "net_pnl", ReportFormat.Money(s.NetPnl));
        Raw(json, "gross_profit", ReportFormat.Money(s.GrossProfit));
        Raw(json, "gross_loss", ReportFormat.Money(s.GrossLoss));
        Raw(json, "commission", ReportFormat.Money(s.Commission));
        Optional(json, "win_rate", s.WinRate, ReportFormat.Ratio);
        Optional(json, "profit_factor", s.ProfitFactor, ReportFormat.Ratio);
        Optional(json, "average_trade", s.AverageTrade, ReportFormat.Money);
        Optional(json, "sharpe", s.Sharpe, ReportFormat.Ratio);
        Optional(json, "sortino", s.Sortino, ReportFormat.Ratio);
        json.WriteString("ratio_basis", RatioBasis);
        Raw(json, "max_drawdown", ReportFormat.Money(s.MaxDrawdown));
        Raw(json, "max_drawdown_percent", ReportFormat.Ratio(s.MaxDrawdownPercent));
        Raw(json, "longest_drawdown_seconds", ReportFormat.Seconds(s.LongestDrawdown.TotalSeconds));
        Optional(json, "exposure", s.Exposure, ReportFormat.Ratio);
        json.WriteNumber("trading_days", s.TradingDays);
        Raw(json, "final_equity", ReportFormat.Money(s.FinalEquity));
        json.WriteEndObject();
    }

    private static void WriteInput(Utf8JsonWriter json, InputSummary? input)
    {
        if (input is null)
        {
            json.WriteNull("input");
            return;
        }

        json.WriteStartObject("input");
        json.WriteNumber("rows", input.Rows);
        json.WriteNumber("ticks", input.Ticks);
        json.WriteNumber("rejected_rows", input.RejectedRows);
        json.WriteEndObject();
    }

    private static void WriteTiming(Utf8JsonWriter json, RunTiming timing)
    {
        json.WriteStartObject("timing");
        json.WriteString("run_id", timing.RunId);
        json.WriteString("started_utc", ReportFormat.Time(timing.StartedUtc) + "Z");
        json.WriteString("finished_utc", ReportFormat.Time(timing.FinishedUtc) + "Z");
        Raw(json, "run_time_seconds", ReportFormat.Seconds(timing.RunTime.TotalSeconds));
        Raw(json, "ticks_per_second", ReportFormat.Money(timing.TicksPerSecond));
        json.WriteEndObject();
    }

    private static void Raw(Utf8JsonWriter json, string name, string number)
    {
        json.WritePropertyName(name);
        json.WriteRawValue(number, skipInputValidation: true);
    }

    private static void Optional(Utf8JsonWriter json, string name, double? value, Func<double, string> format)
    {
        if (value is not { } v) json.WriteNull(name);
        else if (double.IsInfinity(v)) json.WriteString(name, format(v));
        else Raw(json, name, format(v));
    }

    private static void OptionalTime(Utf8JsonWriter json, string name, DateTime? time)
    {
        if (time is { } t) json.WriteString(name, ReportFormat.Time(t));
        else json.WriteNull(name);
    }
}
