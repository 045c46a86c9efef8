namespace AlgoSpace.Grains.Interfaces.Components;

/// <summary>
/// How one instrument's copy of a pipeline component is named: <c>{name}@{symbol}</c> (bar_generator@NQ). The name is
/// also the host grain's key, so the instrument travels with every call and placement can read it. A component
/// without the separator is portfolio-wide: it exists once and receives every instrument's events. With one traded
/// symbol nothing is suffixed, so a one-instrument run keeps today's names, routes and saved state.
/// </summary>
public static class PipelineKey
{
    public const char Separator = '@';

    public static string Compose(string name, string symbol) => $"{name}{Separator}{symbol}";

    /// <summary>The instrument of a component name, or null for a portfolio-wide component.</summary>
    public static string? InstrumentOf(string name)
    {
        var at = name.IndexOf(Separator, StringComparison.Ordinal);
        return at < 0 ? null : name[(at + 1)..];
    }

    /// <summary>The components-list entry a name was made from (the name itself for a portfolio-wide component).</summary>
    public static string TemplateOf(string name)
    {
        var at = name.IndexOf(Separator, StringComparison.Ordinal);
        return at < 0 ? name : name[..at];
    }

    /// <summary>
    /// Whether <paramref name="subscriber"/> receives an event about <paramref name="instrument"/>: a portfolio-wide
    /// subscriber receives every event, an instrument's component only its own instrument's, and an event that
    /// concerns no instrument (BACKTEST_COMPLETE, an account-wide RISK_BREACH) goes to everyone subscribed.
    /// </summary>
    public static bool Receives(string subscriber, string? instrument) =>
        instrument is null || InstrumentOf(subscriber) is not { } own || string.Equals(own, instrument, StringComparison.Ordinal);
}
