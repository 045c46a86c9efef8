using System.Globalization;

namespace AlgoSpace.Benchmarks.Soak;

/// <summary>
/// Figures read from a Prometheus text exposition (the silo's /metrics): the sum of every series of a metric over
/// its labels. Names are matched without the unit suffix the exporter may add (<c>_bytes</c>, <c>_milliseconds</c>).
/// </summary>
public sealed class PrometheusText
{
    private readonly List<(string Name, string Labels, double Value)> _series = [];

    public PrometheusText(string text)
    {
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            var brace = line.IndexOf('{');
            var space = line.IndexOf(' ');
            if (space < 0) continue;
            string name, labels, rest;
            if (brace >= 0 && brace < space)
            {
                var close = line.IndexOf('}', brace);
                if (close < 0) continue;
                (name, labels, rest) = (line[..brace], line[(brace + 1)..close], line[(close + 1)..]);
            }
            else
            {
                (name, labels, rest) = (line[..space], "", line[space..]);
            }

            var value = rest.Trim().Split(' ')[0];
            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) _series.Add((name, labels, number));
        }
    }

    /// <summary>
    /// The sum over every series whose name is <paramref name="name"/>, optionally followed by a unit, then
    /// <paramref name="suffix"/>, and whose labels contain <paramref name="label"/> (e.g. <c>gc_heap_generation="gen2"</c>); null if none.
    /// </summary>
    public double? Sum(string name, string suffix = "", string? label = null)
    {
        double? sum = null;
        foreach (var (series, labels, value) in _series)
        {
            if (Matches(series, name, suffix) && (label is null || labels.Contains(label, StringComparison.Ordinal))) sum = (sum ?? 0) + value;
        }

        return sum;
    }

    /// <summary>The smallest histogram bucket bound (le) that holds every observation: an upper bound of the largest one.</summary>
    public double? LargestBucketBound(string name)
    {
        var buckets = _series.Where(s => Matches(s.Name, name, "_bucket")).Select(s => (Le: Le(s.Labels), s.Value)).Where(b => b.Le is not null).ToList();
        if (buckets.Count == 0) return null;
        var total = buckets.Max(b => b.Value);
        return total == 0 ? null : buckets.Where(b => b.Value >= total).Min(b => b.Le!.Value);
    }

    private static bool Matches(string series, string name, string suffix)
    {
        if (!series.StartsWith(name, StringComparison.Ordinal) || !series.EndsWith(suffix, StringComparison.Ordinal)) return false;
        var middle = series[name.Length..^suffix.Length];
        return middle.Length == 0 || (middle[0] == '_' && !middle.Contains("__", StringComparison.Ordinal) && middle.Count(c => c == '_') == 1);
    }

    private static double? Le(string labels)
    {
        foreach (var label in labels.Split(','))
        {
            var parts = label.Split('=', 2);
            if (parts.Length != 2 || parts[0].Trim() != "le") continue;
            var value = parts[1].Trim('"');
            return value == "+Inf" ? double.PositiveInfinity : double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var le) ? le : null;
        }

        return null;
    }
}
