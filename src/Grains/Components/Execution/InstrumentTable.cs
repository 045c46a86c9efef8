using AlgoSpace.Grains.Interfaces.Configuration;

namespace AlgoSpace.Grains.Components.Execution;

/// <summary>
/// Tick size, point value and (optionally) session close per symbol: the built-in table of component-contracts section 0, with settings'
/// <c>instruments</c> added or overriding. The settings validator checks symbols against the same table.
/// </summary>
public sealed class InstrumentTable
{
    /// <summary>The instruments every kernel knows.</summary>
    public static IReadOnlyList<Instrument> BuiltIn { get; } =
    [
        new("ES", 0.25, 50),
        new("MES", 0.25, 5),
        new("NQ", 0.25, 20),
        new("CL", 0.01, 1000),
    ];

    private readonly Dictionary<string, Instrument> _instruments = new(StringComparer.Ordinal);

    public InstrumentTable(IReadOnlyDictionary<string, InstrumentSettings>? overrides = null)
    {
        foreach (var instrument in BuiltIn) _instruments[instrument.Symbol] = instrument;
        foreach (var (symbol, terms) in overrides ?? new Dictionary<string, InstrumentSettings>())
        {
            _instruments[symbol] = new Instrument(symbol, terms.TickSize, terms.PointValue,
                terms.SessionClose is { } close ? SessionCalendar.Parse(close).Close : null);
        }
    }

    public Instrument? Find(string symbol) => _instruments.GetValueOrDefault(symbol);

    public Instrument Get(string symbol) => Find(symbol) ?? throw new KeyNotFoundException($"No tick size and point value for symbol '{symbol}'.");
}
