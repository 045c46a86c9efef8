using AlgoSpace.Grains.Components;
using AlgoSpace.Grains.Interfaces.Components;
using AlgoSpace.Grains.Interfaces.Configuration;

namespace AlgoSpace.Tests.Components.Hosting;

/// <summary>A kind is declared once, by its attribute; the registry builds it whole from its context.</summary>
public sealed class ComponentRegistryTests
{
    [Fact]
    public void The_built_in_kinds_are_known_whatever_assemblies_are_named()
    {
        var registry = new ComponentRegistry([typeof(ShellProbe).Assembly]);

        foreach (var kind in new[] { "backtest_data_handler", "bar_generator", "indicator_engine", "main_marl_core", "backtest_execution_handler", "performance_tracker" })
        {
            Assert.True(registry.IsImplemented(kind), kind);
            Assert.NotNull(registry.Catalog.Find(kind));
        }

        Assert.Equal(ComponentRole.ExecutionHandler, registry.Catalog.Find("paper_execution_handler")!.Role);
        Assert.Equal(["mrms"], registry.Catalog.Find("m_rms")!.Models);
        Assert.True(registry.Catalog.Find("shell_probe")!.Consumes.SetEquals(["PROBE"]));
    }

    [Fact]
    public void What_the_constructor_throws_is_thrown_as_it_is()
    {
        var context = new RecordingComponentContext("shell_probe", new AlgoSpaceSettings(), [], []);
        var spec = context.Spec with { Parameters = new Dictionary<string, string> { ["fail_build"] = "true" } };

        var thrown = Assert.Throws<InvalidOperationException>(() => ShellHarness.Registry.Create("shell_probe", new SpecContext(context, spec)));

        Assert.Equal("told to fail", thrown.Message);
    }

    /// <summary>A context with another spec (the recording context's spec has no parameters).</summary>
    private sealed class SpecContext(IComponentContext inner, ComponentSpec spec) : IComponentContext
    {
        public ComponentSpec Spec => spec;
        public AlgoSpaceSettings Settings => inner.Settings;
        public IEventBus Bus => inner.Bus;
        public Microsoft.Extensions.Logging.ILogger Logger => inner.Logger;
        public IReadOnlyDictionary<string, AlgoSpace.Grains.Models.LoadedModel> Models => inner.Models;
        public IComponentCalls Calls => inner.Calls;
        public AlgoSpace.Grains.Components.Journal.IComponentJournal Journal => inner.Journal;

        public void ReportDegraded(string reason) => inner.ReportDegraded(reason);
    }
}
