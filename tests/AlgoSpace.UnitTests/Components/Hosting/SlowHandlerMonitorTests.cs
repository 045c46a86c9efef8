using AlgoSpace.Grains.Components;
using AlgoSpace.Grains.Components.Hosting;
using AlgoSpace.Grains.Components.Synergy;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Interfaces.Events;
using Microsoft.Extensions.Logging;

namespace AlgoSpace.Tests.Components.Hosting;

public sealed class SlowHandlerMonitorTests
{
    private readonly RecordingLogger _logger = new();
    private readonly ManualTime _time = new();

    private static EventEnvelope Event(long seq) => ShellHarness.Event(seq, type: EventTypes.IndicatorsReady);

    private SlowHandlerMonitor Monitor(SystemSettings? system = null)
    {
        system ??= new SystemSettings();
        var budget = new HandlerBudget(TimeSpan.FromMilliseconds(1), TimeSpan.Zero, system.SlowHandlers);
        return new SlowHandlerMonitor("synergy_detector", budget, system, _logger, _time);
    }

    [Fact]
    public void Outliers_under_the_warning_threshold_give_one_information_line_at_stop()
    {
        var monitor = Monitor();
        for (var seq = 1; seq <= 2000; seq++)
        {
            monitor.Record(Event(seq), TimeSpan.FromMilliseconds(seq is 5 or 864 ? 6.01 : 0.05));
        }

        Assert.Empty(_logger.Entries);
        monitor.Stop();

        var line = Assert.Single(_logger.Entries);
        Assert.Equal((LogLevel.Information, 313), (line.Level, line.EventId));
        Assert.Contains("2 of 2,000 events over its 1 ms budget", line.Message, StringComparison.Ordinal);
        Assert.Contains("worst 6.01 ms on INDICATORS_READY #5", line.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_component_slow_again_and_again_is_warned_about_once_then_summarised()
    {
        var monitor = Monitor();
        for (var seq = 1; seq <= 100; seq++) monitor.Record(Event(seq), TimeSpan.FromMilliseconds(0.05));
        for (var seq = 101; seq <= 200; seq++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            monitor.Record(Event(seq), TimeSpan.FromMilliseconds(seq == 150 ? 9 : 2));
        }

        var warnings = _logger.Entries.Where(e => e.Level == LogLevel.Warning).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.All(warnings, w => Assert.Equal(312, w.EventId));
        Assert.Contains("11 of its last 100 events took longer than 1 ms", warnings[0].Message, StringComparison.Ordinal);
        Assert.Contains("worst: 9.00 ms on INDICATORS_READY #150", warnings[1].Message, StringComparison.Ordinal);

        _logger.Entries.Clear();
        monitor.Stop();
        Assert.Equal([LogLevel.Warning, LogLevel.Information], _logger.Entries.Select(e => e.Level));
        Assert.Contains("100 of 200 events over its 1 ms budget", _logger.Entries[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_budget_is_the_entrys_then_the_kinds_own_setting_then_the_kinds_declaration()
    {
        var synergySettings = new AlgoSpaceSettings { SynergyDetector = new SynergyDetectorSettings { ProcessingTimeWarningMs = 2.5 } };
        var context = new RecordingComponentContext("synergy_detector", synergySettings, [EventTypes.IndicatorsReady], []);
        var synergy = new SynergyDetector(context);
        Assert.Equal(TimeSpan.FromMilliseconds(2.5), SlowHandlerMonitor.BudgetOf(context.Spec, synergySettings, synergy).Budget);

        var overridden = new AlgoSpaceSettings
        {
            SynergyDetector = synergySettings.SynergyDetector,
            Components = [new ComponentSettings { Name = "synergy_detector", Type = "synergy_detector", HandlerBudgetMs = 7 }],
        };
        Assert.Equal(TimeSpan.FromMilliseconds(7), SlowHandlerMonitor.BudgetOf(context.Spec, overridden, synergy).Budget);

        var harness = new ShellHarness();
        harness.Create();
        var probeBudget = SlowHandlerMonitor.BudgetOf(harness.Spec, new AlgoSpaceSettings(), harness.Probe);
        Assert.Equal(TimeSpan.FromMilliseconds(ComponentKindAttribute.DefaultHandlerBudgetMs), probeBudget.Budget);
    }

    [Fact]
    public async Task The_shell_times_the_handler_without_the_publishes_it_makes()
    {
        var harness = new ShellHarness();
        harness.Bus.PublishTakes = TimeSpan.FromMilliseconds(200);
        harness.Create();

        Assert.True(await harness.Shell.HandleAsync(ShellHarness.Event(1)));

        Assert.Single(harness.Bus.Published);
        var budget = harness.Shell.HandlerBudget!;
        Assert.Equal(1, budget.Events);
        Assert.Equal(TimeSpan.Zero, budget.Worst);
    }

    [Fact]
    public void A_handlers_time_is_its_own_before_and_after_a_publish_and_not_the_publishs()
    {
        var time = new ManualTime();
        var stopwatch = HandlerStopwatch.Start(time);
        time.Advance(TimeSpan.FromMilliseconds(30));
        var publish = HandlerStopwatch.PublishStarted();
        time.Advance(TimeSpan.FromMilliseconds(200));
        HandlerStopwatch.PublishEnded(publish);
        time.Advance(TimeSpan.FromMilliseconds(5));

        Assert.Equal(TimeSpan.FromMilliseconds(35), stopwatch.Elapsed);
    }

    [Fact]
    public async Task Stopping_the_shell_stops_the_component_and_reports_its_figures()
    {
        var harness = new ShellHarness();
        harness.Create();
        await harness.Shell.HandleAsync(ShellHarness.Event(1));

        await harness.Shell.StopAsync();

        Assert.Contains(harness.Logger.Entries, e => e.EventId is 313 or 314);
    }
}
