using AlgoSpace.Grains.Components;
using AlgoSpace.Grains.Interfaces.Components;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Kernel;
using AlgoSpace.Silo.Configuration;
using static AlgoSpace.Grains.Interfaces.Events.EventTypes;

namespace AlgoSpace.Tests.Portfolio;

/// <summary>
/// settings/portfolio.yaml as the kernel creates and routes it: one copy of the pipeline per symbol, wired to its
/// own instrument's copies only, one data handler, one account and one tracker; the one-symbol default unchanged.
/// </summary>
public sealed class PipelineLayoutTests
{
    private static readonly ComponentRegistry Registry = ComponentRegistry.FromLoadedAssemblies();

    private static AlgoSpaceSettings Shipped(string name)
    {
        var loaded = SettingsLoader.Load(RepositoryRoot.File("settings", name), catalog: Registry.Catalog);
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Diagnostics));
        return loaded.Settings!;
    }

    [Fact]
    public void The_portfolio_makes_each_instrument_its_own_pipeline_around_one_clock_and_one_account()
    {
        var settings = Shipped("portfolio.yaml");
        var plan = StartupPlan.For(settings, TradingMode.Backtest, Registry.Catalog);
        var names = plan.ActivationOrder.Select(c => c.Name).ToList();

        Assert.Equal(["ES", "NQ", "CL"], settings.Symbols);
        foreach (var template in new[] { "bar_generator", "indicator_engine", "matrix_30m", "synergy_detector", "rde", "m_rms", "main_marl_core" })
        {
            Assert.Equal([$"{template}@ES", $"{template}@NQ", $"{template}@CL"], names.Where(n => PipelineKey.TemplateOf(n) == template));
        }

        Assert.Single(names, "data_handler");
        Assert.Single(names, "execution_handler");
        Assert.Single(names, "performance_tracker");
        // An instrument's decision depends on its own instrument's matrices, RDE and M-RMS, created before it.
        var core = plan.ActivationOrder.Single(c => c.Name == "main_marl_core@NQ");
        Assert.Equal(["matrix_30m@NQ", "matrix_5m@NQ", "rde@NQ", "m_rms@NQ"], core.DependsOn);
        Assert.All(core.DependsOn, d => Assert.True(names.IndexOf(d) < names.IndexOf(core.Name)));
    }

    [Fact]
    public void An_instrument_s_events_reach_its_own_pipeline_and_the_portfolio_only()
    {
        var settings = Shipped("portfolio.yaml");
        var routes = RoutingTable.For(settings, TradingMode.Backtest, Registry.Catalog);
        var plan = StartupPlan.For(settings, TradingMode.Backtest, Registry.Catalog);
        var none = new HashSet<string>();

        var bars = routes.WiringFor(plan.ActivationOrder.Single(c => c.Name == "bar_generator@NQ"), none);
        Assert.Equal(["indicator_engine@NQ", "execution_handler", "performance_tracker"], bars.SubscribersOf(New5MinBar));

        // The merged data handler is wired to every bar generator; each tick goes to its own instrument's.
        Assert.Equal(["bar_generator@CL", "execution_handler"], routes.SubscribersOf(NewTick, "data_handler", "CL"));
        Assert.Equal(["bar_generator@ES", "bar_generator@NQ", "bar_generator@CL", "kernel"], routes.SubscribersOf(BacktestComplete, "data_handler", null));
        Assert.Equal(["m_rms@ES", "main_marl_core@ES", "performance_tracker", "kernel"], routes.SubscribersOf(TradeClosed, "execution_handler", "ES"));
    }

    [Fact]
    public void An_instrument_s_component_calls_its_own_instrument_s_copies()
    {
        var settings = Shipped("portfolio.yaml");
        var entry = PipelineLayout.Expand(settings, Registry.Catalog).Single(c => c.Name == "main_marl_core@CL");
        var spec = ComponentSpecs.For(settings, Registry.Catalog, entry);

        Assert.Equal("CL", spec.Instrument);
        Assert.Equal("rde@CL", spec.CallTarget("rde"));
        Assert.Equal("m_rms@CL", spec.CallTarget("m_rms"));
        Assert.Equal("execution_handler", spec.CallTarget("execution_handler"));
    }

    [Fact]
    public void One_symbol_keeps_the_components_list_its_names_and_its_routes()
    {
        var settings = Shipped("settings.yaml");
        var expanded = PipelineLayout.Expand(settings, Registry.Catalog);

        Assert.Same(settings.Components, expanded);
        Assert.Empty(PipelineLayout.InstrumentTemplates(settings, Registry.Catalog));
        var entry = expanded.First(c => c.Name == "main_marl_core");
        var spec = ComponentSpecs.For(settings, Registry.Catalog, entry);
        Assert.Null(spec.Instrument);
        Assert.Equal("rde", spec.CallTarget("rde"));
    }

    [Theory]
    [InlineData("backtest_data_handler", ComponentScope.Portfolio)]
    [InlineData("backtest_execution_handler", ComponentScope.Portfolio)]
    [InlineData("performance_tracker", ComponentScope.Portfolio)]
    [InlineData("bar_generator", ComponentScope.Instrument)]
    [InlineData("main_marl_core", ComponentScope.Instrument)]
    public void A_kind_s_role_gives_its_scope_unless_the_entry_says(string kind, ComponentScope expected)
    {
        Assert.Equal(expected, PipelineLayout.ScopeOf(new ComponentSettings { Name = "x", Type = kind }, Registry.Catalog));
        var other = expected == ComponentScope.Portfolio ? ComponentScope.Instrument : ComponentScope.Portfolio;
        Assert.Equal(other, PipelineLayout.ScopeOf(new ComponentSettings { Name = "x", Type = kind, Scope = other }, Registry.Catalog));
    }

    [Theory]
    [InlineData("bar_generator@NQ", "NQ", true)]
    [InlineData("bar_generator@ES", "NQ", false)]
    [InlineData("execution_handler", "NQ", true)]
    [InlineData("bar_generator@ES", null, true)]
    public void Receives_follows_the_instrument(string subscriber, string? instrument, bool expected) =>
        Assert.Equal(expected, PipelineKey.Receives(subscriber, instrument));
}
