using System.Globalization;
using System.Net;
using System.Text;

namespace AlgoSpace.Benchmarks.Soak;

/// <summary>
/// The soak chart, written by hand as src/Grains/Reporting/EquitySvgWriter.cs writes equity.svg: three panels on
/// one time axis (resident and managed memory; the state folder; ticks published), value labels on the left, the
/// end of the warm-up as a dashed line. Coordinates have one decimal in invariant culture.
/// </summary>
public static class SoakSvgWriter
{
    private const double Width = 900, Height = 620;
    private const double Left = 90, Right = 700, LegendX = 712;
    private const double PanelHeight = 140, Gap = 50, FirstTop = 50;
    private const double Mib = 1024 * 1024;

    private sealed record Series(string Name, string Colour, Func<SoakSample, double?> Value);

    public static string Write(IReadOnlyList<SoakSample> samples, string title, double warmupEndSeconds)
    {
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" font-family=\"sans-serif\" font-size=\"11\">\n");
        svg.Append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N((Left + Right) / 2)}\" y=\"25\" text-anchor=\"middle\" font-size=\"14\">{WebUtility.HtmlEncode(title)}</text>\n");
        if (samples.Count < 2)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N((Left + Right) / 2)}\" y=\"100\" text-anchor=\"middle\">Fewer than two samples</text>\n");
            return svg.Append("</svg>\n").ToString();
        }

        var end = samples[^1].ElapsedSeconds;
        double X(double seconds) => end > 0 ? Left + seconds / end * (Right - Left) : Left;
        Panel(svg, samples, X, 0, "Memory (MiB)",
            [new("RSS", "#1f5fbf", s => s.RssBytes / Mib), new("managed heap (after last GC)", "#2e9e44", s => s.HeapBytes / Mib), new("GC committed", "#9ecf9e", s => s.GcCommittedBytes / Mib)]);
        Panel(svg, samples, X, 1, "State folder (MiB)", [new("state folder size", "#cc6600", s => s.StateBytes / Mib)]);
        Panel(svg, samples, X, 2, "Progress (millions of ticks)", [new("ticks published", "#666666", s => s.TicksPublished / 1e6)]);

        var bottom = Top(2) + PanelHeight;
        var warmupX = X(warmupEndSeconds);
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(warmupX)}\" y1=\"{N(Top(0))}\" x2=\"{N(warmupX)}\" y2=\"{N(bottom)}\" stroke=\"#999\" stroke-dasharray=\"4,3\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(warmupX + 3)}\" y=\"{N(Top(0) + 12)}\" fill=\"#666\">end of warm-up</text>\n");
        for (var i = 0; i <= 4; i++)
        {
            var seconds = end * i / 4;
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(X(seconds))}\" y1=\"{N(bottom)}\" x2=\"{N(X(seconds))}\" y2=\"{N(bottom + 4)}\" stroke=\"#999\"/>\n");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(X(seconds))}\" y=\"{N(bottom + 18)}\" text-anchor=\"middle\">{seconds / 60:0.#} min</text>\n");
        }

        return svg.Append("</svg>\n").ToString();
    }

    private static double Top(int panel) => FirstTop + panel * (PanelHeight + Gap);

    private static void Panel(StringBuilder svg, IReadOnlyList<SoakSample> samples, Func<double, double> x, int panel, string label, IReadOnlyList<Series> series)
    {
        var top = Top(panel);
        var bottom = top + PanelHeight;
        var values = series.SelectMany(s => samples.Select(s.Value)).Where(v => v is not null).Select(v => v!.Value).ToList();
        var max = values.Count > 0 ? values.Max() : 1;
        max = max > 0 ? max * 1.05 : 1;
        double Y(double value) => bottom - value / max * PanelHeight;

        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(Left)}\" y=\"{N(top)}\" width=\"{N(Right - Left)}\" height=\"{N(PanelHeight)}\" fill=\"none\" stroke=\"#999\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(Left)}\" y=\"{N(top - 6)}\">{WebUtility.HtmlEncode(label)}</text>\n");
        foreach (var fraction in new[] { 0.0, 0.5, 1.0 })
        {
            var value = max * fraction;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(Left - 6)}\" y=\"{N(Y(value) + 4)}\" text-anchor=\"end\">{value.ToString(max >= 10 ? "0" : "0.00", CultureInfo.InvariantCulture)}</text>\n");
            if (fraction > 0 && fraction < 1) svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(Left)}\" y1=\"{N(Y(value))}\" x2=\"{N(Right)}\" y2=\"{N(Y(value))}\" stroke=\"#eee\"/>\n");
        }

        for (var i = 0; i < series.Count; i++)
        {
            var points = string.Join(' ', samples.Where(s => series[i].Value(s) is not null).Select(s => $"{N(x(s.ElapsedSeconds))},{N(Y(series[i].Value(s)!.Value))}"));
            if (points.Length > 0) svg.Append(CultureInfo.InvariantCulture, $"<polyline points=\"{points}\" fill=\"none\" stroke=\"{series[i].Colour}\" stroke-width=\"1.5\"/>\n");
            var legendY = top + 14 + i * 16;
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(LegendX)}\" y1=\"{N(legendY - 4)}\" x2=\"{N(LegendX + 16)}\" y2=\"{N(legendY - 4)}\" stroke=\"{series[i].Colour}\" stroke-width=\"2\"/>\n");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(LegendX + 20)}\" y=\"{N(legendY)}\">{WebUtility.HtmlEncode(series[i].Name)}</text>\n");
        }
    }

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
