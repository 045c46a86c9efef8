using AlgoSpace.Grains.Interfaces.Operator;

namespace AlgoSpace.Client.Rendering;

/// <summary>What `status` shows: the kernel, its components, the silos holding them, event rates, bus latency, the book and the operation under way.</summary>
public static class StatusView
{
    private const int TransitionsShown = 5;

    public static IReadOnlyList<Block> Build(SystemStatusReport status)
    {
        var blocks = new List<Block>
        {
            new LineBlock(new Cell("AlgoSpace kernel  ", Tone.Heading), new Cell(status.State.ToString(), Formats.Of(status.State)),
                $"  mode {status.Mode}  run {status.RunId}"),
            new LineBlock($"silo {status.SiloAddress}  started {Formats.Utc(status.StartedUtc)}  uptime {Formats.Duration(status.Uptime)}"),
        };
        if (status.ExitCode is { } exit)
        {
            blocks.Add(new LineBlock(new Cell($"exit code {exit}", exit == 0 ? Tone.Good : Tone.Bad)));
        }

        blocks.Add(Components(status.Components));
        blocks.AddRange(SiloViews.Build(status));
        blocks.Add(Events(status));
        blocks.Add(Latency(status.BusLatency));
        blocks.AddRange(Account(status.Account, status.AccountNote));
        if (status.Operation is not null || status.Steps.Count > 0)
        {
            blocks.Add(OperationSteps(status.Operation, status.Steps));
        }

        if (status.RecentTransitions.Count > 0)
        {
            blocks.Add(Transitions(status.RecentTransitions));
        }

        return blocks;
    }

    private static TableBlock Components(IReadOnlyList<ComponentHealth> components) => new(
        "Components",
        [new("Component"), new("Kind"), new("Critical"), new("State"), new("Handled", true), new("Failed", true), new("Sent", true), new("Reason / detail")],
        components.Select(c => (IReadOnlyList<Cell>)
        [
            c.Name, c.Kind, c.Critical ? "yes" : "no", new Cell(c.State.ToString(), Formats.Of(c.State)),
            Formats.Count(c.Handled), new Cell(Formats.Count(c.Failed), c.Failed > 0 ? Tone.Bad : Tone.Normal), Formats.Count(c.Sent),
            ReasonAndDetail(c),
        ]).ToList(),
        "(no components)");

    private static Cell ReasonAndDetail(ComponentHealth component) =>
        string.IsNullOrWhiteSpace(component.Reason)
            ? new Cell(component.Detail, Tone.Muted)
            : new Cell(string.IsNullOrWhiteSpace(component.Detail) ? component.Reason : $"{component.Reason}; {component.Detail}", Tone.Bad);

    private static TableBlock Events(SystemStatusReport status)
    {
        var types = status.EventsPerSecond.Keys.Union(status.EventTotals.Keys).Order(StringComparer.Ordinal);
        return new TableBlock(
            status.EventsPerSecond.Count == 0 || status.RateWindow <= TimeSpan.Zero
                ? "Events (totals; rates after the kernel's next sample)"
                : $"Events (rates over the last {status.RateWindow.TotalSeconds:0} s)",
            [new("Event type"), new("Per second", true), new("Total", true)],
            types.Select(t => (IReadOnlyList<Cell>)
            [
                t,
                status.EventsPerSecond.TryGetValue(t, out var rate) ? Formats.Rate(rate) : "-",
                status.EventTotals.TryGetValue(t, out var total) ? Formats.Count(total) : "-",
            ]).ToList(),
            "(no events yet)");
    }

    private static LineBlock Latency(BusLatency? latency) => latency is null
        ? new LineBlock(new Cell("Bus latency  ", Tone.Heading), new Cell("not measured yet", Tone.Muted))
        : new LineBlock(new Cell("Bus latency  ", Tone.Heading),
            $"p50 {Formats.Latency(latency.P50Microseconds)}  p99 {Formats.Latency(latency.P99Microseconds)}  max {Formats.Latency(latency.MaxMicroseconds)}  ({Formats.Count(latency.Samples)} samples)");

    private static IEnumerable<Block> Account(AccountView? account, string? note)
    {
        if (account is null)
        {
            yield return new LineBlock(new Cell("Account  ", Tone.Heading), new Cell(note ?? "no execution handler's book", Tone.Muted));
            yield break;
        }

        var today = account.RealizedPnlToday + account.UnrealizedPnl;
        yield return new LineBlock(new Cell("Account  ", Tone.Heading), $"{account.Component} on {account.Venue}  equity {Formats.Money(account.Equity)}  P&L today ",
            new Cell(Formats.Pnl(today), Formats.PnlTone(today)),
            $" (realized {Formats.Pnl(account.RealizedPnlToday)}, unrealized {Formats.Pnl(account.UnrealizedPnl)})  trades today {account.TradesToday}");
        yield return new LineBlock($"open positions {account.Positions.Count}  working orders {account.Orders.Count}");
    }

    /// <summary>The steps of an operation (shutdown, mode switch) as a table; also what `mode` and `shutdown` print.</summary>
    public static TableBlock OperationSteps(string? operation, IReadOnlyList<OperationStep> steps) => new(
        operation is null ? "Last operation" : $"Operation under way: {operation}",
        [new("#", true), new("Operation"), new("Step"), new("Result"), new("Detail"), new("At")],
        steps.Select(s => (IReadOnlyList<Cell>)
        [
            s.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), s.Operation, s.Step,
            new Cell(s.Succeeded ? "ok" : "FAILED", s.Succeeded ? Tone.Good : Tone.Bad), s.Detail, Formats.Utc(s.AtUtc),
        ]).ToList(),
        "(no step finished yet)");

    private static TableBlock Transitions(IReadOnlyList<AlgoSpace.Grains.Interfaces.Kernel.StateTransition> transitions) => new(
        "Recent transitions",
        [new("At"), new("From"), new("To"), new("Cause")],
        transitions.TakeLast(TransitionsShown).Select(t => (IReadOnlyList<Cell>)
        [
            Formats.Utc(t.AtUtc), t.From.ToString(), new Cell(t.To.ToString(), Formats.Of(t.To)), t.Cause,
        ]).ToList());
}
