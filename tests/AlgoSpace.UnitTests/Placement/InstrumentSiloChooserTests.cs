using System.Net;
using AlgoSpace.Grains.Interfaces.Components;
using AlgoSpace.Grains.Placement;

namespace AlgoSpace.Tests.Placement;

/// <summary>The silo an instrument's component hosts are placed on, chosen from the symbols and the silos alone.</summary>
public sealed class InstrumentSiloChooserTests
{
    private static readonly string[] Three = ["ES", "NQ", "CL"];

    private static SiloAddress Silo(int port, int generation = 1, string address = "127.0.0.1") =>
        SiloAddress.New(IPAddress.Parse(address), port, generation);

    private static readonly SiloAddress[] ThreeSilos = [Silo(11113), Silo(11111), Silo(11112)];

    [Fact]
    public void The_hosts_of_one_instrument_share_a_silo()
    {
        var silos = new[] { "bar_generator@NQ", "indicator_engine@NQ", "synergy_detector@NQ" }
            .Select(key => InstrumentSiloChooser.Choose(key, Three, ThreeSilos))
            .Distinct()
            .ToList();

        Assert.Single(silos);
    }

    [Fact]
    public void Three_instruments_on_three_silos_take_one_silo_each_in_the_order_of_the_symbols()
    {
        var chosen = Three.Select(symbol => InstrumentSiloChooser.Choose($"bar_generator@{symbol}", Three, ThreeSilos)).ToList();

        Assert.Equal([Silo(11111), Silo(11112), Silo(11113)], chosen);
    }

    [Fact]
    public void Six_instruments_on_three_silos_take_two_per_silo()
    {
        string[] six = ["ES", "NQ", "CL", "GC", "ZN", "6E"];

        var perSilo = six.GroupBy(symbol => InstrumentSiloChooser.Choose($"bar_generator@{symbol}", six, ThreeSilos)).ToList();

        Assert.Equal(3, perSilo.Count);
        Assert.All(perSilo, group => Assert.Equal(2, group.Count()));
    }

    [Fact]
    public void With_one_silo_every_instrument_is_placed_there()
    {
        SiloAddress[] one = [Silo(11111)];

        Assert.All(Three.Append("GC"), symbol => Assert.Equal(one[0], InstrumentSiloChooser.Choose($"bar_generator@{symbol}", Three, one)));
    }

    [Fact]
    public void The_choice_does_not_depend_on_the_order_the_silos_are_listed_in()
    {
        var reversed = ThreeSilos.Reverse().ToArray();

        Assert.All(Three, symbol => Assert.Equal(
            InstrumentSiloChooser.Choose($"x@{symbol}", Three, ThreeSilos),
            InstrumentSiloChooser.Choose($"x@{symbol}", Three, reversed)));
    }

    [Fact]
    public void Silos_are_ordered_by_address_then_port_then_generation()
    {
        SiloAddress[] silos = [Silo(11111, generation: 9, address: "10.0.0.2"), Silo(11112, generation: 1), Silo(11111, generation: 2), Silo(11111, generation: 1)];

        var sorted = silos.Order(SiloAddressOrder.Instance).ToList();

        Assert.Equal([Silo(11111, generation: 9, address: "10.0.0.2"), Silo(11111, 1), Silo(11111, 2), Silo(11112, 1)], sorted);
    }

    [Fact]
    public void An_instrument_the_settings_do_not_list_goes_to_a_silo_fixed_by_a_stable_hash_of_its_symbol()
    {
        var chosen = InstrumentSiloChooser.Choose("bar_generator@GC", Three, ThreeSilos);

        // The hash is FNV-1a: fixed, so every silo and every run computes the same silo.
        Assert.Equal(0x5dd0f17fu, InstrumentSiloChooser.StableHash("GC"));
        Assert.Equal(Silo(11111 + (int)(0x5dd0f17fu % 3)), chosen);
        Assert.Equal(chosen, InstrumentSiloChooser.Choose("indicator_engine@GC", Three, ThreeSilos.Reverse().ToArray()));
    }

    [Theory]
    [InlineData("data_handler")]
    [InlineData("execution_handler")]
    [InlineData("performance_tracker")]
    [InlineData("trailing_at@")]
    public void A_key_that_names_no_instrument_is_left_to_the_default_placement(string key)
    {
        Assert.Null(InstrumentSiloChooser.SymbolOf(key));
        Assert.Null(InstrumentSiloChooser.Choose(key, Three, ThreeSilos));
    }

    [Fact]
    public void The_symbol_is_the_instrument_the_kernel_named_the_component_for()
    {
        Assert.Equal("NQ", InstrumentSiloChooser.SymbolOf("bar_generator@NQ"));
        // The kernel's own rule (PipelineKey): a component's name never holds the separator, so the instrument is
        // everything after the first one.
        Assert.Equal(PipelineKey.InstrumentOf(PipelineKey.Compose("main_marl_core", "CL")), InstrumentSiloChooser.SymbolOf("main_marl_core@CL"));
        Assert.Equal("b@CL", InstrumentSiloChooser.SymbolOf("a@b@CL"));
    }
}
