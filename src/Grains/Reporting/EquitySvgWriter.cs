using System.Globalization;
using System.Net;
using System.Text;
using AlgoSpace.Grains.Interfaces.Components.Calls;

namespace AlgoSpace.Grains.Reporting;

/// <summary>
/// equity.svg, written by hand: the equity curve on top and the drawdown below it, on one time axis with date
/// labels, and value labels on the left. Realized equity changes only when a trade closes, so both curves are
/// drawn as steps. Coordinates have one decimal, in invariant culture: the same curve gives the same bytes.
/// </summary>
public static class EquitySvgWriter
{
    private const double Width = 800, Height = 480;
    private const double Left = 90, Right = 780;
    private const double EquityTop = 50, EquityBottom = 290;
    private const double DrawdownTop = 320, DrawdownBottom = 440;
    private const double AxisLabelY = 460;
    private const int TimeTicks = 4;

    public static string Write(IReadOnlyList<EquityPoint> curve, string title)
    {
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" font-family=\"sans-serif\" font-size=\"11\">\n");
        svg.Append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N((Left + Right) / 2)}\" y=\"25\" text-anchor=\"middle\" font-size=\"14\">{WebUtility.HtmlEncode(title)}</text>\n");
        if (curve.Count == 0)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N((Left + Right) / 2)}\" y=\"{N((EquityTop + EquityBottom) / 2)}\" text-anchor=\"middle\">No equity points: the tracker saw no bars and no trades</text>\n");
            return svg.Append("</svg>\n").ToString();
        }

        var scale = Scale.Of(curve);
        WritePanelsAndAxes(svg, scale);
        WriteCurves(svg, curve, scale);
        return svg.Append("</svg>\n").ToString();
    }

    /// <summary>The two panels' frames, their value labels and titles, and the time axis with its date labels.</summary>
    private static void WritePanelsAndAxes(StringBuilder svg, Scale scale)
    {
        var (t0, span, min, max, deepest) = scale;
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(Left)}\" y=\"{N(EquityTop)}\" width=\"{N(Right - Left)}\" height=\"{N(EquityBottom - EquityTop)}\" fill=\"none\" stroke=\"#999\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(Left)}\" y=\"{N(DrawdownTop)}\" width=\"{N(Right - Left)}\" height=\"{N(DrawdownBottom - DrawdownTop)}\" fill=\"none\" stroke=\"#999\"/>\n");
        ValueLabel(svg, scale.Y(max), ReportFormat.Money(max));
        if (max > min) ValueLabel(svg, scale.Y(min), ReportFormat.Money(min));
        ValueLabel(svg, DrawdownTop, "0.00");
        if (deepest > 0) ValueLabel(svg, DrawdownBottom, "-" + ReportFormat.Money(deepest));
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(Left)}\" y=\"{N(EquityTop - 6)}\">Equity (USD)</text>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(Left)}\" y=\"{N(DrawdownTop - 6)}\">Drawdown (USD)</text>\n");
        var format = span >= TimeSpan.FromDays(2) ? "yyyy-MM-dd" : "MM-dd HH:mm";
        var ticks = span > TimeSpan.Zero ? TimeTicks : 0;
        for (var i = 0; i <= ticks; i++)
        {
            var time = t0 + span * i / TimeTicks;
            var label = time.ToString(format, CultureInfo.InvariantCulture);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(scale.X(time))}\" y1=\"{N(DrawdownBottom)}\" x2=\"{N(scale.X(time))}\" y2=\"{N(DrawdownBottom + 4)}\" stroke=\"#999\"/>\n");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(scale.X(time))}\" y=\"{N(AxisLabelY)}\" text-anchor=\"middle\">{label}</text>\n");
        }
    }

    /// <summary>The curves, as steps: a value holds until the next point.</summary>
    private static void WriteCurves(StringBuilder svg, IReadOnlyList<EquityPoint> curve, Scale scale)
    {
        var equity = new StringBuilder();
        var drawdown = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{N(scale.X(scale.T0))},{N(DrawdownTop)}");
        for (var i = 0; i < curve.Count; i++)
        {
            var x = scale.X(curve[i].Time);
            if (i > 0)
            {
                equity.Append(CultureInfo.InvariantCulture, $" {N(x)},{N(scale.Y(curve[i - 1].Equity))}");
                drawdown.Append(CultureInfo.InvariantCulture, $" {N(x)},{N(scale.D(curve[i - 1].Drawdown))}");
            }

            equity.Append(CultureInfo.InvariantCulture, $"{(i > 0 ? " " : "")}{N(x)},{N(scale.Y(curve[i].Equity))}");
            drawdown.Append(CultureInfo.InvariantCulture, $" {N(x)},{N(scale.D(curve[i].Drawdown))}");
        }

        drawdown.Append(CultureInfo.InvariantCulture, $" {N(scale.X(curve[^1].Time))},{N(DrawdownTop)}");
        svg.Append("<polygon points=\"").Append(drawdown).Append("\" fill=\"#e06666\" fill-opacity=\"0.6\" stroke=\"#cc0000\"/>\n");
        svg.Append("<polyline points=\"").Append(equity).Append("\" fill=\"none\" stroke=\"#1f5fbf\" stroke-width=\"1.5\"/>\n");
    }

    private static void ValueLabel(StringBuilder svg, double y, string text) =>
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(Left - 6)}\" y=\"{N(y + 4)}\" text-anchor=\"end\">{text}</text>\n");

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>
    /// Maps a non-empty curve's times to x and its equity and drawdown to y in their panels; a flat extent maps to
    /// the panel's left edge, middle or top.
    /// </summary>
    private readonly record struct Scale(DateTime T0, TimeSpan Span, double Min, double Max, double Deepest)
    {
        public static Scale Of(IReadOnlyList<EquityPoint> curve) =>
            new(curve[0].Time, curve[^1].Time - curve[0].Time, curve.Min(p => p.Equity), curve.Max(p => p.Equity), curve.Max(p => p.Drawdown));

        public double X(DateTime t) => Span > TimeSpan.Zero ? Left + (t - T0) / Span * (Right - Left) : Left;

        public double Y(double equity) => Max > Min ? EquityBottom - (equity - Min) / (Max - Min) * (EquityBottom - EquityTop) : (EquityTop + EquityBottom) / 2;

        public double D(double drawdown) => Deepest > 0 ? DrawdownTop + drawdown / Deepest * (DrawdownBottom - DrawdownTop) : DrawdownTop;
    }
}
