using AlgoSpace.Grains.Interfaces.Operator;

namespace AlgoSpace.Client.Rendering;

/// <summary>What `positions`, `orders` and `routes` show.</summary>
public static class BookViews
{
    public static IReadOnlyList<Block> Positions(AccountView account) =>
    [
        new LineBlock(new Cell("Account  ", Tone.Heading), $"{account.Component} on {account.Venue}  unrealized ",
            new Cell(Formats.Pnl(account.UnrealizedPnl), Formats.PnlTone(account.UnrealizedPnl))),
        new TableBlock(
            "Open positions",
            [new("Execution"), new("Symbol"), new("Qty", true), new("Entry", true), new("Last", true), new("Unrealized", true), new("Stop", true), new("Target", true), new("Opened")],
            account.Positions.Select(p => (IReadOnlyList<Cell>)
            [
                p.ExecutionId, p.Symbol, new Cell(p.Quantity.ToString("+0;-0;0", System.Globalization.CultureInfo.InvariantCulture), p.Quantity < 0 ? Tone.Warning : Tone.Normal),
                Formats.Price(p.EntryPrice), Formats.Price(p.LastPrice), new Cell(Formats.Pnl(p.UnrealizedPnl), Formats.PnlTone(p.UnrealizedPnl)),
                Formats.Price(p.StopLoss), Formats.Price(p.TakeProfit), Formats.Utc(p.OpenedAt),
            ]).ToList(),
            "(no open positions)"),
    ];

    public static IReadOnlyList<Block> Orders(AccountView account) =>
    [
        new LineBlock(new Cell("Account  ", Tone.Heading), $"{account.Component} on {account.Venue}"),
        new TableBlock(
            "Working orders",
            [new("Order"), new("Execution"), new("Symbol"), new("Side"), new("Type"), new("Role"), new("Qty", true), new("Price", true), new("Status"), new("Created")],
            account.Orders.Select(o => (IReadOnlyList<Cell>)
            [
                o.OrderId, o.ExecutionId, o.Symbol, o.Side, o.Type, o.Role, Formats.Count(o.Quantity), Formats.Price(o.Price), o.Status, Formats.Utc(o.CreatedAt),
            ]).ToList(),
            "(no working orders)"),
    ];

    public static IReadOnlyList<Block> NoAccount(string? note) =>
        [new LineBlock(new Cell("Account  ", Tone.Heading), new Cell(note ?? "the system has no execution handler's book", Tone.Muted))];

    public static IReadOnlyList<Block> Routes(IReadOnlyList<RouteView> routes) =>
    [
        new TableBlock(
            "Routes",
            [new("Event type"), new("Producers"), new("Subscriber"), new("Delivered", true)],
            routes.Select(r => (IReadOnlyList<Cell>)
            [
                r.EventType, r.Producers.Count == 0 ? new Cell("(none)", Tone.Warning) : string.Join(", ", r.Producers), r.Subscriber, Formats.Count(r.Delivered),
            ]).ToList(),
            "(no routes)"),
    ];
}
