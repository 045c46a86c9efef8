using System.Net;
using AlgoSpace.Grains.Placement;

namespace AlgoSpace.Tests.Placement;

/// <summary>Which pipelines move when a silo joins: those the placement rule now gives to another silo, and only those.</summary>
public sealed class PipelineRebalanceTests
{
    private static readonly string[] Three = ["ES", "NQ", "CL"];

    private static SiloAddress Silo(int port) => SiloAddress.New(IPAddress.Loopback, port, 1);

    private static readonly SiloAddress A = Silo(11111);
    private static readonly SiloAddress B = Silo(11112);
    private static readonly SiloAddress C = Silo(11113);

    /// <summary>Two components per instrument and the portfolio's own, placed as the rule places them on <paramref name="silos"/>.</summary>
    private static List<(string Component, string? Silo)> PlacedOn(params SiloAddress[] silos) =>
    [
        ("data_handler", A.ToString()),
        .. Three.SelectMany(symbol => new[] { $"bar_generator@{symbol}", $"main_marl_core@{symbol}" })
            .Select(key => (key, (string?)InstrumentSiloChooser.Choose(key, Three, silos)!.ToString())),
        ("execution_handler", B.ToString()),
    ];

    [Fact]
    public void A_third_silo_takes_the_instrument_the_rule_now_gives_it_with_all_its_components()
    {
        // On A and B: ES on A, NQ on B, CL on A. With C: ES on A, NQ on B, CL on C.
        var moves = PipelineRebalance.Moves(Three, PlacedOn(A, B), [A, B, C]);

        Assert.Equal(
            [new PipelineMove("bar_generator@CL", A.ToString(), C.ToString()), new PipelineMove("main_marl_core@CL", A.ToString(), C.ToString())],
            moves);
        Assert.Equal($"CL {A} -> {C}", PipelineRebalance.Describe(moves));
    }

    [Fact]
    public void A_silo_that_sorts_first_shifts_every_instrument()
    {
        var first = SiloAddress.New(IPAddress.Loopback, 11110, 1);

        var moves = PipelineRebalance.Moves(Three, PlacedOn(A, B), [first, A, B]);

        Assert.Equal(6, moves.Count);
        Assert.Equal($"ES {A} -> {first}, NQ {B} -> {A}, CL {A} -> {B}", PipelineRebalance.Describe(moves));
    }

    [Fact]
    public void Nothing_moves_when_every_pipeline_is_where_the_rule_puts_it()
    {
        Assert.Empty(PipelineRebalance.Moves(Three, PlacedOn(A, B, C), [C, B, A]));
        // Three instruments on three silos: a fourth silo takes nothing away from instruments 0-2.
        Assert.Empty(PipelineRebalance.Moves(Three, PlacedOn(A, B, C), [A, B, C, Silo(11114)]));
    }

    [Fact]
    public void One_symbol_has_nothing_to_spread()
    {
        List<(string, string?)> placed = [("data_handler", A.ToString()), ("bar_generator", A.ToString())];

        Assert.Empty(PipelineRebalance.Moves(["ES"], placed, [A, B]));
    }

    [Fact]
    public void Portfolio_components_and_hosts_that_did_not_answer_are_left_alone()
    {
        List<(string, string?)> placed = [("data_handler", A.ToString()), ("execution_handler", C.ToString()), ("bar_generator@NQ", null)];

        Assert.Empty(PipelineRebalance.Moves(Three, placed, [A, B, C]));
        Assert.Empty(PipelineRebalance.Moves(Three, PlacedOn(A, B), []));
    }
}
