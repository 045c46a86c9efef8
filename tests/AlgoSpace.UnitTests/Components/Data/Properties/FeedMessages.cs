using System.Globalization;
using System.Text;
using CsCheck;

namespace AlgoSpace.Tests.Components.Data.Properties;

/// <summary>
/// Generators of live feed messages for the property tests: good messages of both formats (algospace_json and
/// Binance's trade) and mutations of them (a field's value replaced by any JSON value, NaN, huge or negative
/// numbers, a field dropped, the text cut short, deep nesting, a very long string), plus random bytes.
/// </summary>
public static class FeedMessages
{
    private static readonly DateTime Start = new(2024, 1, 2, 9, 30, 0);

    public static string AlgoSpaceTick(long seq, DateTime time, double price, long volume) => string.Create(CultureInfo.InvariantCulture,
        $$"""{"type":"tick","symbol":"ES","seq":{{seq}},"timestamp":"{{time:yyyy-MM-ddTHH:mm:ss.fff}}","price":{{price}},"volume":{{volume}},"bid":{{price - 0.25}},"ask":{{price}}}""");

    public static string BinanceTrade(long id, DateTime time, double price, double quantity)
    {
        var ms = (long)(time - DateTime.UnixEpoch).TotalMilliseconds;
        return string.Create(CultureInfo.InvariantCulture,
            $$"""{"e":"trade","E":{{ms}},"s":"BTCUSDT","t":{{id}},"p":"{{price}}","q":"{{quantity}}","T":{{ms}},"m":true,"M":true}""");
    }

    /// <summary>Any JSON value, valid or not: what a broken or hostile feed may put in a field.</summary>
    private static readonly Gen<string> AnyValue = Gen.OneOf(
        Gen.Const("null"), Gen.Const("true"), Gen.Const("NaN"), Gen.Const("Infinity"), Gen.Const("-1"), Gen.Const("0"), Gen.Const("1e400"),
        Gen.Const("-1e400"), Gen.Const("9223372036854775808"), Gen.Const("-9223372036854775809"), Gen.Const("1.5"), Gen.Const("\"\""),
        Gen.Const("\"NaN\""), Gen.Const("\"1e400\""), Gen.Const("\"-5\""), Gen.Const("\"9999-12-31T23:59:59.9999999\""), Gen.Const("\"0001-01-01\""),
        Gen.Const("\"2024-02-30T10:00:00\""), Gen.Const("[]"), Gen.Const("{}"), Gen.Const("[1,2"), Gen.Const("{\"a\":"),
        Gen.Long.Select(l => l.ToString(CultureInfo.InvariantCulture)),
        Gen.Double.Select(d => d.ToString("R", CultureInfo.InvariantCulture)),
        Gen.String.Select(s => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\""),
        Gen.Int[1, 200].Select(n => new string('[', n) + new string(']', n)),
        Gen.Int[1000, 100_000].Select(n => "\"" + new string('x', n) + "\""));

    /// <summary>A good message of the format, then changed: a field's value replaced, a field dropped, the text cut short, or left as it is.</summary>
    public static Gen<string> Message(bool binance) =>
        Gen.Select(Gen.Long[1, 1_000_000], Gen.Int[0, 86_400_000], Gen.Double[4000, 5500]).SelectMany(drawn =>
        {
            var (id, ms, price) = drawn;
            var good = binance ? BinanceTrade(id, Start.AddMilliseconds(ms), price, 0.5) : AlgoSpaceTick(id, Start.AddMilliseconds(ms), price, 3);
            var names = binance ? new[] { "e", "E", "s", "t", "p", "q", "T" } : ["type", "symbol", "seq", "timestamp", "price", "volume", "bid"];
            return Gen.OneOf(
                Gen.Const(good),
                Gen.Select(Gen.OneOf(names), AnyValue, (name, value) => Replace(good, name, value)),
                Gen.OneOf(names).Select(name => Drop(good, name)),
                Gen.Int[0, good.Length - 1].Select(n => good[..n]),
                Gen.Const(binance ? $$"""{"stream":"btcusdt@trade","data":{{good}}}""" : $$"""{"type":"heartbeat","timestamp":"2024-01-02T09:30:00"}"""),
                Gen.Const(good + good),
                Gen.String.Select(s => s));
        });

    /// <summary>Random bytes, as a feed that sends anything would.</summary>
    public static readonly Gen<byte[]> Bytes = Gen.OneOf(Gen.Byte.Array[0, 600], Gen.String.Select(Encoding.UTF8.GetBytes));

    private static string Replace(string json, string name, string value)
    {
        var key = $"\"{name}\":";
        var at = json.IndexOf(key, StringComparison.Ordinal) + key.Length;
        var end = at;
        if (json[at] == '"') end = json.IndexOf('"', at + 1) + 1;
        else while (end < json.Length && json[end] is not (',' or '}')) end++;
        return json[..at] + value + json[end..];
    }

    private static string Drop(string json, string name)
    {
        var replaced = Replace(json, name, "0");
        var key = $"\"{name}\":0";
        var at = replaced.IndexOf(key, StringComparison.Ordinal);
        var field = key.Length + (replaced[at + key.Length] == ',' ? 1 : 0);
        return replaced.Remove(at, field).Replace(",}", "}");
    }
}
