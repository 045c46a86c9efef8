using System.Globalization;

namespace AlgoSpace.Grains.Reporting;

/// <summary>
/// How the report files write numbers and times: invariant culture, a fixed number of decimals per kind of value,
/// so that the same doubles always give the same bytes and a reader need not guess the precision.
/// </summary>
public static class ReportFormat
{
    /// <summary>Infinite ratios (no losing trade or day) are written as this word.</summary>
    public const string Infinity = "inf";

    public static string Money(double value) => Fixed(value, "F2");

    public static string Ratio(double value) => Fixed(value, "F4");

    /// <summary>Prices and points: as many decimals as the value needs, up to 6.</summary>
    public static string Price(double value) => Fixed(value, "0.######");

    public static string Seconds(double value) => Fixed(value, "F3");

    public static string Time(DateTime time) => time.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture);

    public static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Fixed format that never writes "-0.00" (the sign of a rounded zero would differ between runs that differ by 1e-12).</summary>
    private static string Fixed(double value, string format)
    {
        if (double.IsPositiveInfinity(value)) return Infinity;
        if (double.IsNegativeInfinity(value)) return "-" + Infinity;
        var text = value.ToString(format, CultureInfo.InvariantCulture);
        return text.StartsWith('-') && text.AsSpan(1).IndexOfAnyExcept("0.") < 0 ? text[1..] : text;
    }

    /// <summary>A CSV field, quoted only when it holds a separator, a quote or a line break.</summary>
    public static string CsvField(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
