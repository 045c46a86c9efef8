using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace AlgoSpace.Silo.Terminal;

/// <summary>
/// Draws <see cref="RunFigures"/> as a small panel: progress (or the feed), the figures a trader watches, the
/// system's health, and where the full log is. Pure: the same figures and width give the same text, so tests
/// read it without a terminal.
/// </summary>
public static class RunFiguresView
{
    private readonly record struct Segment(string Text, string? Style)
    {
        public static implicit operator Segment((string Text, string? Style) pair) => new(pair.Text, pair.Style);
    }

    private const int MinimumWidth = 40;

    /// <summary>The panel as text for a terminal <paramref name="width"/> columns wide; with ANSI colour codes when <paramref name="ansi"/>.</summary>
    public static string Render(RunFigures figures, int width, bool ansi)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = ansi ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = ansi ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(text),
            Enrichment = new ProfileEnrichment { UseDefaultEnrichers = false },
        });
        console.Profile.Width = Math.Max(MinimumWidth, width);
        console.Write(Panel(figures, console.Profile.Width));
        return text.ToString();
    }

    private static Panel Panel(RunFigures f, int width)
    {
        // Inside the border and its padding: every line is cut to fit there, so the panel never wraps.
        var inner = width - 4;
        var rows = new List<IRenderable>
        {
            Fit(inner, f.Feed is { } feed ? FeedLine(feed) : ProgressLine(f, inner)),
            Fit(inner, TradingLine(f.Trading)),
            Fit(inner, HealthLine(f)),
        };
        if (f.LogPath is { } log) rows.Add(Fit(inner, [("Log ", "grey"), (log, null)]));
        return new Panel(new Rows(rows))
        {
            Header = new PanelHeader(Markup.Escape(Cut($" AlgoSpace · {f.RunId} · {f.Mode} of {f.Source} ", inner))),
            Border = BoxBorder.Rounded,
            Expand = true,
        };
    }

    private static Segment[] ProgressLine(RunFigures f, int width)
    {
        if (f.Replay is not { } replay) return [("Opening the data file...", "grey")];
        var (rate, eta) = f.Pace;
        var figures = Invariant($"  {100 * replay.Fraction,5:F1} %  sim {Sim(replay.LastTick)}  {replay.Ticks:N0} ticks  {rate:N0} ticks/s  ETA {Duration(eta)}  elapsed {Duration(f.Elapsed)}");
        // The bar takes what the figures leave of the line, between 10 and 40 columns.
        var barWidth = Math.Clamp(width - figures.Length, 10, 40);
        var filled = (int)Math.Round(replay.Fraction * barWidth);
        return [(new string('━', filled), replay.Complete ? "green" : "blue"), (new string('━', barWidth - filled), "grey"), (figures, null)];
    }

    private static Segment[] FeedLine(FeedFigures feed)
    {
        var age = feed.LastMessageAgeMs is { } ms ? Invariant($" ({ms / 1000.0:F1} s ago)") : "";
        return
        [
            ("Feed ", null), (feed.State, feed.State == "connected" ? "green" : "yellow"),
            (Invariant($"  {feed.Published:N0} ticks  last tick {Sim(feed.LastTick)}{age}  lag p99 {feed.LatencyP99Us} us  gaps {feed.Gaps}  reconnects {feed.Reconnects}"), null),
        ];
    }

    private static Segment[] TradingLine(TradingFigures? t)
    {
        if (t is null) return [("Trades -  Net P&L -  Equity -  Max drawdown -", "grey")];
        var open = t.OpenPositions > 0 ? Invariant($"  Open {t.OpenPositions} ({Money(t.UnrealizedPnl)} unrealized)") : "  Open 0";
        return
        [
            (Invariant($"Trades {t.Trades}  Net P&L "), null), (Money(t.NetPnl), t.NetPnl > 0 ? "green" : t.NetPnl < 0 ? "red" : null),
            (Invariant($"  Equity {Money(t.Equity)}  Max drawdown {Money(t.MaxDrawdown)} ({t.MaxDrawdownPercent:F2} %){open}"), null),
        ];
    }

    private static Segment[] HealthLine(RunFigures f)
    {
        var state = f.SystemState.Length == 0 ? "" : $"System {f.SystemState}  ";
        Segment components = f.NotRunning.Count == 0
            ? (Invariant($"{f.Components} running"), "green")
            : (Invariant($"{f.Components - f.NotRunning.Count} running, not running: {string.Join(", ", f.NotRunning)}"), "yellow");
        return
        [
            ($"{state}Components ", null), components,
            ("  ", null), (Invariant($"Warnings {f.Warnings}"), f.Warnings == 0 ? null : "yellow"),
            ("  ", null), (Invariant($"Errors {f.Errors}"), f.Errors == 0 ? null : "red"),
        ];
    }

    /// <summary>The segments as one line of markup, cut with an ellipsis where they pass <paramref name="width"/> columns.</summary>
    private static Markup Fit(int width, Segment[] segments)
    {
        var markup = new System.Text.StringBuilder();
        var left = width;
        foreach (var (text, style) in segments)
        {
            if (left <= 0) break;
            var part = text.Length > left ? Cut(text, left) : text;
            left -= part.Length;
            markup.Append(style is null ? Markup.Escape(part) : $"[{style}]{Markup.Escape(part)}[/]");
        }

        return new Markup(markup.ToString());
    }

    private static string Cut(string text, int width) => text.Length <= width ? text : width <= 1 ? "…"[..width] : text[..(width - 1)] + "…";

    private static string Money(double value) => value.ToString("#,##0.00", CultureInfo.InvariantCulture);

    private static string Sim(DateTime? time) => time?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "-";

    private static string Duration(TimeSpan? span) => span is { } s
        ? s.ToString(s.TotalHours >= 1 ? @"h\:mm\:ss" : @"m\:ss", CultureInfo.InvariantCulture)
        : "-:--";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
