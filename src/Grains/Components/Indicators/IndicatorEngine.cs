using AlgoSpace.Grains.Components.Execution;
using AlgoSpace.Grains.Components.Hosting;
using AlgoSpace.Grains.Interfaces.Events;
using static AlgoSpace.Grains.Interfaces.Events.EventTypes;

namespace AlgoSpace.Grains.Components.Indicators;

/// <summary>
/// The indicator_engine component (component-contracts 2.3): a thin adapter from NEW_5MIN_BAR and NEW_30MIN_BAR to
/// <see cref="FeatureEngine"/>, publishing each INDICATORS_READY with its 5m bar's close time as simulation time.
/// It computes settings.symbols[0]; the spread is one tick of that instrument, since bars carry no bid or ask.
/// A malformed bar is logged and reported as a non-critical SYSTEM_ERROR, and the run goes on.
/// </summary>
[ComponentKind("indicator_engine",
    Consumes = [New5MinBar, New30MinBar],
    Produces = [IndicatorsReady, SystemError],
    Description = "Computes the feature store once per 5-minute bar.",
    HandlerBudgetMs = 100)]
public sealed partial class IndicatorEngine : ComponentAdapter<FeatureEngineState>
{
    public IndicatorEngine(IComponentContext context) : base(context)
    {
        var settings = context.Settings;
        var symbol = context.Spec.Instrument ?? settings.Symbols.FirstOrDefault()
            ?? throw new InvalidOperationException("settings.symbols is empty: the indicator engine has no instrument to compute.");
        var instrument = new InstrumentTable(settings.Instruments).Find(symbol)
            ?? throw new InvalidOperationException($"The indicator engine needs the tick size of {symbol}: add it under settings.instruments.");
        Engine = new FeatureEngine(settings.Indicators, symbol, instrument.TickSize);
    }

    private FeatureEngine Engine { get; }

    protected override int BadInputEventId => 421;

    private RepeatedWarning? _warnings;

    private RepeatedWarning Warnings => _warnings ??= RepeatedWarning(420, "Indicator warnings");

    protected override async ValueTask OnEventAsync(EventEnvelope envelope, CancellationToken cancellation)
    {
        var step = envelope switch
        {
            { Type: New5MinBar, Payload: BarPayload bar } => Engine.On5MinBar(bar),
            { Type: New30MinBar, Payload: BarPayload bar } => Engine.On30MinBar(bar),
            _ => null,
        };

        if (step is null)
        {
            await ReportBadInputAsync(envelope, $"{envelope.Type} #{envelope.Seq} from {envelope.Source} carried {Carried(envelope)}, not a bar.");
            return;
        }

        foreach (var warning in step.Warnings)
        {
            if (Warnings.Occur($"{envelope.Type} #{envelope.Seq}: {warning}")) LogWarning(Context.Logger, warning);
        }
        if (step.Rejection is { } rejection)
        {
            await ReportBadInputAsync(envelope, $"{envelope.Type} #{envelope.Seq} from {envelope.Source}: {rejection}", "BadBar");
        }

        foreach (var payload in step.Ready)
        {
            await Context.Bus.PublishAsync(IndicatorsReady, payload, payload.Timestamp);
        }
    }

    protected override FeatureEngineState Save() => Engine.SaveState();

    protected override void Restore(FeatureEngineState state) => Engine.RestoreState(state);

    public override string Query(string question) => question switch
    {
        "bars_5m" => Engine.FiveMinuteBars.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "waiting_for_30m" => Engine.IsWaitingFor30MinBar ? "true" : "false",
        _ => "",
    };

    [LoggerMessage(EventId = 420, Level = LogLevel.Warning, Message = "Indicators: {Warning}")]
    private static partial void LogWarning(ILogger logger, string warning);
}
