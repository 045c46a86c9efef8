using AlgoSpace.Grains.Interfaces.Components;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Kernel;

namespace AlgoSpace.Silo.Configuration;

/// <summary>
/// Rules of a portfolio (more than one symbol): every traded symbol has its data, the components' scopes make one
/// pipeline per instrument around one clock and one account, and the live feed's names find each instrument.
/// </summary>
public static class PortfolioRules
{
    /// <summary>Rules that need no component catalogue: data files by symbol.</summary>
    public static void CheckData(RuleContext c)
    {
        var s = c.Settings;
        var files = s.DataHandler.BacktestFiles;
        foreach (var symbol in files.Keys.Where(k => !s.Symbols.Contains(k)))
        {
            c.Error($"data_handler.backtest_files.{symbol}", $"a file for '{symbol}', which symbols does not list", $"one of {string.Join(", ", s.Symbols)}",
                "Add the symbol to symbols to trade it, or remove its file.");
        }

        if (files.Count > 0 && s.DataHandler.BacktestFile is not null)
        {
            c.Error("data_handler.backtest_file", "a file besides data_handler.backtest_files", "one of the two",
                "backtest_files gives every symbol's file; remove backtest_file.");
        }

        // In live mode the files are what a switch to backtest replays: optional, but whole when given.
        if (s.Symbols.Count <= 1 || (s.System.Mode != TradingMode.Backtest && files.Count == 0)) return;
        if (files.Count == 0)
        {
            c.Error("data_handler.backtest_files", "no value", $"a file for each of {string.Join(", ", s.Symbols)}",
                "A portfolio replays one file per symbol (see settings/portfolio.yaml); backtest_file holds one symbol's ticks.");
            return;
        }

        foreach (var symbol in s.Symbols.Where(symbol => !files.ContainsKey(symbol)))
        {
            c.Error("data_handler.backtest_files", $"no file for {symbol}", $"a file for each of {string.Join(", ", s.Symbols)}",
                $"Add {symbol}: <path> under data_handler.backtest_files.");
        }
    }

    /// <summary>
    /// The live feed's names of a portfolio's instruments (data_handler.live.feed_symbols): each names a traded
    /// symbol, and no two instruments share a name on the feed (whose ticks would they be?).
    /// </summary>
    public static void CheckLive(RuleContext c)
    {
        var s = c.Settings;
        var names = s.DataHandler.Live.FeedSymbols;
        foreach (var (symbol, name) in names)
        {
            var path = $"data_handler.live.feed_symbols.{symbol}";
            if (!s.Symbols.Contains(symbol))
            {
                c.Error(path, $"a feed name for '{symbol}', which symbols does not list", $"one of {string.Join(", ", s.Symbols)}",
                    "Add the symbol to symbols to trade it, or remove its feed name.");
            }
            else if (string.IsNullOrWhiteSpace(name))
            {
                c.Error(path, "an empty name", "the instrument's name on the feed (ESH5)");
            }
            else if (s.Symbols.Count == 1)
            {
                c.Warning(path, "a feed name with one symbol traded", "feed_symbols only for a portfolio",
                    "With one symbol every tick of the feed is that symbol's, whatever the feed calls it; the name is not used.");
            }
        }

        if (s.Symbols.Count <= 1) return;
        foreach (var shared in s.Symbols.GroupBy(symbol => names.GetValueOrDefault(symbol, symbol), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            var second = shared.Skip(1).First();
            c.Error(names.ContainsKey(second) ? $"data_handler.live.feed_symbols.{second}" : "data_handler.live.feed_symbols",
                $"'{shared.Key}' for {string.Join(" and ", shared)}", "a name of its own on the feed for each instrument",
                "The feed's ticks go to the instrument their symbol names; two instruments cannot share one.");
        }
    }

    /// <summary>
    /// Scopes: the data handler is the portfolio's one clock and the execution handler its one account, so neither
    /// may be made per instrument; a portfolio component cannot depend on an instrument's (which copy?).
    /// </summary>
    public static void CheckScopes(RuleContext c, ComponentCatalog catalog)
    {
        var components = c.Settings.Components;
        for (var i = 0; i < components.Count; i++)
        {
            var entry = components[i];
            var role = catalog.Find(entry.Type)?.Role;
            if (entry.Scope == ComponentScope.Instrument && role is ComponentRole.DataHandler or ComponentRole.ExecutionHandler)
            {
                c.Error($"components[{i}].scope", "instrument", "portfolio (or left out)",
                    role == ComponentRole.DataHandler
                        ? "The data handler merges every instrument's data into one time order; one per instrument would race."
                        : "The execution handler keeps the one account all instruments trade from.");
            }

            if (c.Settings.Symbols.Count <= 1 || PipelineLayout.ScopeOf(entry, catalog) != ComponentScope.Portfolio) continue;
            foreach (var dependency in entry.DependsOn)
            {
                if (components.FirstOrDefault(d => d.Name == dependency) is { } target && PipelineLayout.ScopeOf(target, catalog) == ComponentScope.Instrument)
                {
                    c.Error($"components[{i}].depends_on", $"'{dependency}', made once per instrument", "portfolio components only",
                        $"{entry.Name} exists once for the portfolio and cannot depend on one instrument's copy; give it scope: instrument, or give {dependency} scope: portfolio.");
                }
            }
        }
    }
}
