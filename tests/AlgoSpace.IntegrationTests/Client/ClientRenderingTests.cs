using System.Text.Json;
using AlgoSpace.Client.Rendering;
using AlgoSpace.Grains.Interfaces.Operator;

namespace AlgoSpace.Tests.Client;

/// <summary>What `status`, `positions`, `orders` and `routes` print, from hand-built kernel records.</summary>
public sealed class ClientRenderingTests
{
    [Fact]
    public void Plain_status_shows_each_components_state_and_todays_pnl()
    {
        var harness = new ClientHarness();

        harness.Output(rich: false).Write(StatusView.Build(Samples.Status(Samples.Account())));

        var lines = harness.Out.ToString().Split('\n');
        Assert.Contains(lines, l => l.StartsWith("AlgoSpace kernel  Degraded  mode backtest  run 20260302-093000-42", StringComparison.Ordinal));
        Assert.Contains("uptime 1d 02:03:04", harness.Out.ToString(), StringComparison.Ordinal);
        Assert.Contains(lines, l => Words(l) is ["source", "data_handler", "yes", "Running", "0", "0", "1,200", "replaying", "ES", "ticks"]);
        Assert.Contains(lines, l => Words(l) is ["recorder", "test_recorder", "no", "Failed", "17", "3", "0", "told", "to", "fail"]);
        Assert.Contains(lines, l => Words(l) is ["execution", "backtest_execution", "yes", "Degraded", "1,200", "0", "4", "no", "model"]);
        // today = realized 250.00 + unrealized -12.50 = +237.50
        Assert.Contains("equity 101,234.50  P&L today +237.50 (realized +250.00, unrealized -12.50)  trades today 3", harness.Out.ToString(), StringComparison.Ordinal);
        Assert.Contains("open positions 1  working orders 1", harness.Out.ToString(), StringComparison.Ordinal);
        Assert.Contains("p50 412 us  p99 2.50 ms  max 9.00 ms  (500 samples)", harness.Out.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_status_lists_each_silo_with_its_status_the_components_it_holds_and_where_the_kernel_runs()
    {
        var harness = new ClientHarness();

        harness.Output(rich: false).Write(StatusView.Build(Samples.Status()));

        var lines = harness.Out.ToString().Split('\n');
        var title = Array.IndexOf(lines, "Silos");
        Assert.True(title > Array.IndexOf(lines, "Components"), harness.ToString());
        Assert.Equal(["SILO", "NAME", "STATUS", "SINCE", "COMPONENTS", "HOLDS"], Words(lines[title + 1]));
        Assert.Equal(["S127.0.0.1:11111:1", "silo-1", "(kernel)", "Active", "2026-03-02", "09:30:00Z", "1", "source"], Words(lines[title + 2]));
        Assert.Equal(["S127.0.0.1:11113:2", "silo-2", "Active", "2026-03-02", "10:00:00Z", "1", "execution"], Words(lines[title + 3]));
        // A silo that left: since when it went, holding nothing.
        Assert.Equal(["S127.0.0.1:11112:3", "silo-3", "Dead", "2026-03-02", "09:59:00Z", "0"], Words(lines[title + 4]));
        Assert.Equal(["", "no answer from the host of recorder: its silo is not known"], lines[(title + 5)..(title + 7)]);
    }

    [Fact]
    public void Plain_tables_right_align_numbers_under_their_header()
    {
        var harness = new ClientHarness();

        harness.Output(rich: false).Write(StatusView.Build(Samples.Status()));

        // Event types sorted ordinally; each rate and total ends where its header ends.
        var lines = harness.Out.ToString().Split('\n');
        var header = Array.FindIndex(lines, l => l.TrimStart().StartsWith("EVENT TYPE", StringComparison.Ordinal));
        Assert.True(header > 0, harness.ToString());
        var totalEnd = lines[header].Length;
        Assert.Equal(["BACKTEST_COMPLETE", "NEW_5MIN_BAR", "NEW_TICK"], lines[(header + 1)..(header + 4)].Select(l => Words(l)[0]));
        Assert.All(lines[(header + 1)..(header + 4)], l => Assert.Equal(totalEnd, l.Length));
        Assert.Equal(["-", "1"], Words(lines[header + 1])[1..]);
        Assert.Equal(["0.4", "41"], Words(lines[header + 2])[1..]);
        Assert.Equal(["1,235", "98,765"], Words(lines[header + 3])[1..]); // 1234.5/s: whole events above 100/s, half rounds up
    }

    [Fact]
    public void Plain_output_has_no_ansi_escapes_and_no_box_drawing()
    {
        var harness = new ClientHarness();
        var output = harness.Output(rich: false);

        output.Write(StatusView.Build(Samples.Status(Samples.Account(), "shutdown", [Step(1, "stop data", true)])));
        output.Write(BookViews.Positions(Samples.Account()));
        output.Write(BookViews.Orders(Samples.Account()));

        var text = harness.Out.ToString();
        Assert.DoesNotContain('\u001b', text);
        Assert.DoesNotContain(text, c => c is '│' or '─' or '╭' or '┼');
        Assert.Empty(harness.Console.Output);
    }

    [Fact]
    public void Terminal_status_draws_tables_with_each_component_and_colours_states()
    {
        var harness = new ClientHarness();
        harness.Console.EmitAnsiSequences = true;

        harness.Output(rich: true).Write(StatusView.Build(Samples.Status(Samples.Account())));

        var text = harness.Console.Output;
        Assert.Contains("╭", text, StringComparison.Ordinal);
        Assert.Contains("\u001b[", text, StringComparison.Ordinal);
        foreach (var name in new[] { "source", "recorder", "execution", "told to fail", "+237.50" })
        {
            Assert.Contains(name, text, StringComparison.Ordinal);
        }

        Assert.Empty(harness.Out.ToString());
    }

    [Fact]
    public void The_operation_under_way_lists_its_steps_with_failures_marked()
    {
        var harness = new ClientHarness();

        harness.Output(rich: false).Write(StatusView.Build(Samples.Status(operation: "mode live",
            steps: [Step(4, "drain", true), Step(5, "stop data", false, "feed did not stop")])));

        var lines = harness.Out.ToString().Split('\n');
        Assert.Contains("Operation under way: mode live", lines);
        Assert.Contains(lines, l => Words(l) is ["4", "mode", "drain", "ok", ..]);
        Assert.Contains(lines, l => Words(l) is ["5", "mode", "stop", "data", "FAILED", "feed", "did", "not", "stop", ..]);
    }

    [Fact]
    public void Positions_show_signed_quantity_prices_and_blank_targets()
    {
        var harness = new ClientHarness();

        harness.Output(rich: false).Write(BookViews.Positions(Samples.Account()));

        // Short 2 from 5001.25, last 5007.50: unrealized -625.00 as the kernel reported; no take-profit set.
        Assert.Contains(harness.Out.ToString().Split('\n'), l => Words(l) is ["exec-7", "ES", "-2", "5001.25", "5007.50", "-625.00", "5010.00", "-", "2026-03-02", "09:35:00Z"]);
    }

    [Fact]
    public void Status_json_is_camel_case_with_enum_names_and_round_trips()
    {
        var status = Samples.Status(Samples.Account(), "shutdown", [Step(1, "stop data", true)]);

        var json = JsonOutput.Serialize(status);
        var back = JsonSerializer.Deserialize<SystemStatusReport>(json, JsonOutput.Options)!;

        using var document = JsonDocument.Parse(json);
        Assert.Equal("Degraded", document.RootElement.GetProperty("state").GetString());
        Assert.Equal("Failed", document.RootElement.GetProperty("components")[1].GetProperty("state").GetString());
        Assert.Equal(250.0, document.RootElement.GetProperty("account").GetProperty("realizedPnlToday").GetDouble());
        Assert.Equal(status.RunId, back.RunId);
        Assert.Equal(status.State, back.State);
        Assert.Equal(status.Uptime, back.Uptime);
        Assert.Equal(status.Components, back.Components);
        Assert.Equal(status.EventTotals, back.EventTotals);
        Assert.Equal(status.BusLatency, back.BusLatency);
        Assert.Equal(status.Account!.Positions, back.Account!.Positions);
        Assert.Equal(status.Steps, back.Steps);
        Assert.Equal(Samples.SiloOne, document.RootElement.GetProperty("components")[0].GetProperty("silo").GetString());
        Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty("components")[1].GetProperty("silo").ValueKind);
        Assert.Equal("Dead", document.RootElement.GetProperty("silos")[2].GetProperty("status").GetString());
        Assert.Equal(["source"], document.RootElement.GetProperty("silos")[0].GetProperty("components").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(status.Silos.Select(s => (s.Address, s.Status, s.ChangedUtc, string.Join(",", s.Components))),
            back.Silos.Select(s => (s.Address, s.Status, s.ChangedUtc, string.Join(",", s.Components))));
        Assert.Equal(json, JsonOutput.Serialize(back));
    }

    private static OperationStep Step(long number, string step, bool ok, string detail = "") =>
        new(number, number < 4 ? "shutdown" : "mode", step, ok, detail, Samples.Started.AddMinutes(number));

    private static string[] Words(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
