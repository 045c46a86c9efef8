using System.Globalization;
using System.Text;
using CsCheck;

namespace AlgoSpace.Tests.Components.Data.Properties;

/// <summary>
/// Generators of data rows for the property tests: good tick and bar rows, and mutations of them that no reader may
/// use (a bad or non-finite number, a huge or non-positive price, a missing field, another separator, a timestamp
/// years away or unreadable, binary garbage, a very long line). Every mutation is unusable by construction, so a
/// test can demand that exactly the mutated lines are rejected.
/// </summary>
public static class BadRows
{
    public static readonly DateTime Start = new(2024, 1, 2, 9, 30, 0);

    /// <summary>Seeds of the property tests: a failure prints the seed of its case, which replaces these to replay it.</summary>
    public const string Seed = "0AlgoSpace01";

    public static string TickRow(int i) =>
        string.Create(CultureInfo.InvariantCulture, $"{Start.AddSeconds(i):yyyy-MM-ddTHH:mm:ss.fff},{4750 + (0.25 * (i % 7))},{1 + (i % 5)}");

    public static string BarRow(int i)
    {
        var open = 4750 + (0.25 * (i % 7));
        return string.Create(CultureInfo.InvariantCulture, $"{Start.AddMinutes(30 * i):yyyy-MM-dd HH:mm:ss},{open},{open + 2},{open - 2},{open + 0.5},{10 + (i % 5)}");
    }

    /// <summary>Text that is not a number, NaN or an infinity (each unusable as a price).</summary>
    private static readonly Gen<string> BadNumber = Gen.OneOf(
        Gen.Const("NaN"), Gen.Const("nan"), Gen.Const("Infinity"), Gen.Const("-Infinity"), Gen.Const(""), Gen.Const("1.2.3"), Gen.Const("--5"),
        Gen.Const("4750,25"), Gen.Char['a', 'z'].Array[1, 12].Select(c => new string(c)).Where(s => !double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _)));

    /// <summary>Numbers no validator may accept as a price next to 4750: huge, tiny, zero, negative.</summary>
    private static readonly Gen<string> ImplausiblePrice = Gen.OneOf(
        Gen.Const("1e300"), Gen.Const("1.7976931348623157E+308"), Gen.Const("1e20"), Gen.Const("0"), Gen.Const("-4750"), Gen.Const("0.0001"),
        Gen.Double[6000, 1e15].Select(d => d.ToString("R", CultureInfo.InvariantCulture)),
        Gen.Double[1e-9, 4000].Select(d => d.ToString("R", CultureInfo.InvariantCulture)));

    /// <summary>A timestamp more than a year from every good row (the default tolerance is a week), either way, or unreadable.</summary>
    private static readonly Gen<string> BadTimestamp = Gen.OneOf(
        Gen.Int[1, 7000].Select(d => Start.AddDays(400 + d).ToString("yyyy-MM-ddTHH:mm:ss.fff", CultureInfo.InvariantCulture)),
        Gen.Int[1, 700_000].Select(d => Start.AddDays(-400).AddHours(-d).ToString("yyyy-MM-ddTHH:mm:ss.fff", CultureInfo.InvariantCulture)),
        Gen.Const("2024-13-45T99:99:99"), Gen.Const("not a date"), Gen.Const(""), Gen.Const("31/02/2024 10:00:00"), Gen.Const("9999-12-31T23:59:60"));

    /// <summary>Random bytes without line breaks (a line break would make two rows) and starting with a byte no row starts with.</summary>
    private static readonly Gen<string> Garbage = Gen.Byte.Array[0, 300]
        .Select(bytes => "\u00ff" + Encoding.Latin1.GetString(bytes.Where(b => b is not ((byte)'\n' or (byte)'\r')).ToArray()));

    private static readonly Gen<string> LongLine = Gen.Int[10_000, 300_000].Select(n => new string('9', n) + ",1,1");

    private static Gen<string> Field(string row, Func<string[], string[]> change) => Gen.Const(string.Join(',', change(row.Split(','))));

    /// <summary>A mutation of the good tick row <paramref name="i"/>.</summary>
    public static Gen<string> BadTickRow(int i)
    {
        var row = TickRow(i);
        var fields = row.Split(',');
        return Gen.OneOf(
            BadNumber.Select(n => $"{fields[0]},{n},{fields[2]}"),
            ImplausiblePrice.Select(n => $"{fields[0]},{n},{fields[2]}"),
            BadNumber.Where(n => n.Length > 0 && !n.Contains(',')).Select(n => $"{fields[0]},{fields[1]},{n}x"),
            BadTimestamp.Select(t => $"{t},{fields[1]},{fields[2]}"),
            Field(row, f => f[..2]),
            Field(row, f => [.. f, "7"]),
            Gen.OneOf(Gen.Const(';'), Gen.Const('\t'), Gen.Const('|')).Select(sep => row.Replace(',', sep)),
            Garbage,
            LongLine);
    }

    /// <summary>A mutation of the good bar row <paramref name="i"/>; a bar's high and low are real prices, so only its close or its consistency is made implausible.</summary>
    public static Gen<string> BadBarRow(int i)
    {
        var row = BarRow(i);
        var f = row.Split(',');
        return Gen.OneOf(
            Gen.Int[1, 4].SelectMany(k => BadNumber.Select(n => string.Join(',', f.Select((v, j) => j == k ? n : v)))),
            ImplausiblePrice.Select(n => $"{f[0]},{n},{n},{n},{n},{f[5]}"),
            Gen.Const($"{f[0]},{f[1]},{f[3]},{f[2]},{f[4]},{f[5]}"),
            BadTimestamp.Select(t => $"{t.Replace('T', ' ')},{f[1]},{f[2]},{f[3]},{f[4]},{f[5]}"),
            Field(row, x => x[..4]),
            Gen.OneOf(Gen.Const(';'), Gen.Const('\t')).Select(sep => row.Replace(',', sep)),
            Garbage,
            LongLine);
    }

    /// <summary>
    /// A file's data rows: <paramref name="count"/> rows, of which some (never the first three, which the inspector
    /// reads to detect the layout and bar duration, and never two in a row, so no run of three outliers can pass as a
    /// level shift) are mutated. The result keeps which lines (1-based, the header being line 1) are bad.
    /// </summary>
    public static Gen<(List<string> Rows, SortedSet<long> BadLines)> File(bool bars, int count) =>
        Gen.Int[0, 100].Array[count].SelectMany(chances =>
        {
            var bad = new List<int>();
            for (var i = 3; i < count; i++)
            {
                if (chances[i] < 20 && (bad.Count == 0 || bad[^1] < i - 1)) bad.Add(i);
            }

            var mutations = bad.Select(i => bars ? BadBarRow(i) : BadTickRow(i)).ToArray();
            return Gen.Select(mutations.Length == 0 ? Gen.Const(Array.Empty<string>()) : Sequence(mutations), rows =>
            {
                var all = Enumerable.Range(0, count).Select(i => bars ? BarRow(i) : TickRow(i)).ToList();
                for (var k = 0; k < bad.Count; k++) all[bad[k]] = rows[k];
                return (all, new SortedSet<long>(bad.Select(i => (long)i + 2)));
            });
        });

    private static Gen<string[]> Sequence(Gen<string>[] gens) =>
        gens.Aggregate(Gen.Const(Array.Empty<string>()), (acc, g) => acc.SelectMany(a => g.Select(x => (string[])[.. a, x])));
}
