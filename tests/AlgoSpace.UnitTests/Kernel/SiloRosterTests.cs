using AlgoSpace.Grains.Interfaces.Operator;
using AlgoSpace.Grains.Kernel;

namespace AlgoSpace.Tests.Kernel;

/// <summary>Which silos `status` lists, in which order, and which components each holds.</summary>
public sealed class SiloRosterTests
{
    private static readonly DateTime Now = new(2026, 12, 6, 12, 0, 0, DateTimeKind.Utc);

    private static SiloMember Member(string address, string status, int startedMinutesAgo, double changedMinutesAgo = 0) =>
        new(address, $"name-{address}", status, Now.AddMinutes(-startedMinutesAgo), Now.AddMinutes(-changedMinutesAgo));

    private static IReadOnlyList<SiloView> Build(IReadOnlyList<SiloMember> members, params (string Component, string? Silo)[] placements) =>
        SiloRoster.Build(members, placements, Now);

    [Fact]
    public void Each_component_is_listed_under_the_silo_its_host_reported_in_activation_order()
    {
        var silos = Build(
            [Member("S1", "Active", 30), Member("S2", "Active", 20)],
            ("data", "S2"), ("bars", "S1"), ("execution", "S2"), ("tracker", "S1"));

        Assert.Equal(["S1", "S2"], silos.Select(s => s.Address));
        Assert.Equal(["bars", "tracker"], silos[0].Components);
        Assert.Equal(["data", "execution"], silos[1].Components);
        Assert.Equal(("name-S1", "Active", Now.AddMinutes(-30)), (silos[0].Name, silos[0].Status, silos[0].StartedUtc));
    }

    [Fact]
    public void A_silo_that_holds_nothing_is_still_listed_while_it_is_up()
    {
        var silos = Build([Member("S1", "Active", 30), Member("S2", "Joining", 1)], ("data", "S1"));

        Assert.Equal(["S1", "S2"], silos.Select(s => s.Address));
        Assert.Empty(silos[1].Components);
    }

    [Fact]
    public void A_silo_that_left_or_died_is_listed_for_five_minutes_after_it_went_and_then_no_longer()
    {
        var silos = Build(
            [Member("S1", "Active", 60), Member("S2", "Dead", 60, changedMinutesAgo: 4.9), Member("S3", "Dead", 60, changedMinutesAgo: 5.1)],
            ("data", "S1"));

        Assert.Equal(["S1", "S2"], silos.Select(s => s.Address));
        Assert.Equal("Dead", silos[1].Status);
        Assert.Equal(Now.AddMinutes(-4.9), silos[1].ChangedUtc);
        Assert.Equal(TimeSpan.FromMinutes(5), SiloRoster.GoneShownFor);
    }

    [Fact]
    public void A_dead_silo_that_a_component_still_names_is_listed_however_long_ago_it_died()
    {
        // The membership says the silo is gone but a host answered from it: the operator must see the contradiction.
        var silos = Build([Member("S1", "Active", 60), Member("S2", "Dead", 120, changedMinutesAgo: 90)], ("data", "S1"), ("tracker", "S2"));

        Assert.Equal(["S1", "S2"], silos.Select(s => s.Address));
        Assert.Equal(["tracker"], silos[1].Components);
    }

    [Fact]
    public void Up_silos_come_first_oldest_first_then_gone_silos_newest_first_then_unknown_ones()
    {
        var silos = Build(
            [
                Member("S-gone-early", "Dead", 60, changedMinutesAgo: 4),
                Member("S-new", "Active", 2),
                Member("S-leaving", "ShuttingDown", 50),
                Member("S-gone-late", "Dead", 60, changedMinutesAgo: 1),
                Member("S-old", "Active", 40),
            ],
            ("data", "S-elsewhere"), ("bars", "S-new"));

        Assert.Equal(["S-leaving", "S-old", "S-new", "S-gone-late", "S-gone-early", "S-elsewhere"], silos.Select(s => s.Address));
        Assert.Equal(SiloRoster.Unknown, silos[^1].Status);
        Assert.Equal(["data"], silos[^1].Components);
        Assert.Null(silos[^1].StartedUtc);
    }

    [Fact]
    public void Without_the_membership_table_the_silos_the_components_name_are_listed_as_unknown()
    {
        var silos = Build([], ("data", "S2"), ("bars", "S1"), ("tracker", "S2"));

        Assert.Equal(["S1", "S2"], silos.Select(s => s.Address));
        Assert.All(silos, s => Assert.Equal(SiloRoster.Unknown, s.Status));
        Assert.Equal(["data", "tracker"], silos[1].Components);
    }

    [Fact]
    public void A_component_whose_host_did_not_answer_is_under_no_silo()
    {
        var silos = Build([Member("S1", "Active", 30)], ("data", "S1"), ("tracker", null), ("bars", ""));

        Assert.Equal(["data"], silos.Single().Components);
    }
}
