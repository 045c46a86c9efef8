using AlgoSpace.Components.Execution;
using AlgoSpace.Events;
using static AlgoSpace.Events.EventTypes;

namespace AlgoSpace.Components.Indicators;

/// <summary>
/// The indicator_engine component (component-contracts 2.3): a thin adapter from NEW_5MIN_BAR and NEW_30MIN_BAR to
/// <see cref="FeatureEngine"/>, publishing each INDICATORS_READY with its 5m bar's close time as simulation time.
/// It computes settings.symbols[0]; the spread is one tick of that instrument, since bars carry no bid or ask.
/// A malformed bar is logged and reported as a non-critical SYSTEM_ERROR, and the run goes on.
/// </summary>
[ComponentKind("indicator_engine",
    Consumes = [New5MinBar, New30MinBar],
    Produces = [IndicatorsReady, SystemError],
    Description = "Computes the feature store once per 5-minute bar.")]
public sealed partial class IndicatorEngine : IComponent
{
    private IComponentContext? _context;
    private FeatureEngine? _engine;
    private readonly SnapshotSlot<FeatureEngineState> _snapshot = new();

    private IComponentContext Context => _context ?? throw new InvalidOperationException("The indicator engine is not initialised.");

    private FeatureEngine Engine => _engine ?? throw new InvalidOperationException("The indicator engine is not initialised.");

    public ValueTask InitializeAsync(IComponentContext context, CancellationToken cancellation)
    {
        _context = context;
        var settings = context.Settings;
        var symbol = settings.Symbols.FirstOrDefault()
            ?? throw new InvalidOperationException("settings.symbols is empty: the indicator engine has no instrument to compute.");
        var instrument = new InstrumentTable(settings.Instruments).Find(symbol)
            ?? throw new InvalidOperationException($"The indicator engine needs the tick size of {symbol}: add it under settings.instruments.");
        _engine = new FeatureEngine(settings.Indicators, symbol, instrument.TickSize);
        // The host restores state before it initialises, so the snapshot waits for the engine.
        _snapshot.Attach(_engine.RestoreState);
        return ValueTask.CompletedTask;
    }

    public ValueTask StartAsync(CancellationToken cancellation) => ValueTask.CompletedTask;

    public async ValueTask HandleAsync(EventEnvelope envelope, CancellationToken cancellation)
    {
        var step = envelope switch
        {
            { Type: New5MinBar, Payload: BarPayload bar } => Engine.On5MinBar(bar),
            { Type: New30MinBar, Payload: BarPayload bar } => Engine.On30MinBar(bar),
            { Type: New5MinBar or New30MinBar } => null,
            _ => FeatureStep.Nothing,
        };

        if (step is null)
        {
            var found = envelope.Payload?.GetType().Name ?? "no payload";
            await ReportErrorAsync(envelope, "BadPayload", $"{envelope.Type} #{envelope.Seq} from {envelope.Source} carried {found}, not a bar.");
            return;
        }

        foreach (var warning in step.Warnings) LogWarning(Context.Logger, warning);
        if (step.Rejection is { } rejection)
        {
            await ReportErrorAsync(envelope, "BadBar", $"{envelope.Type} #{envelope.Seq} from {envelope.Source}: {rejection}");
        }

        foreach (var payload in step.Ready)
        {
            await Context.Bus.PublishAsync(IndicatorsReady, payload, payload.Timestamp);
        }
    }

    public ValueTask StopAsync(CancellationToken cancellation) => ValueTask.CompletedTask;

    public object? SaveState() => _snapshot.Save(_engine is null ? null : _engine.SaveState);

    public void RestoreState(object state) => _snapshot.Restore(state, _engine is null ? null : _engine.RestoreState);

    public string Query(string question) => question switch
    {
        "bars_5m" => Engine.FiveMinuteBars.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "waiting_for_30m" => Engine.IsWaitingFor30MinBar ? "true" : "false",
        _ => "",
    };

    /// <summary>A bad event is a producer bug: logged, reported as non-critical, and the stream goes on.</summary>
    private async Task ReportErrorAsync(EventEnvelope envelope, string type, string message)
    {
        LogBadInput(Context.Logger, message);
        if (Context.Spec.Publishes.Contains(SystemError))
        {
            await Context.Bus.PublishAsync(SystemError, new SystemErrorPayload(Context.Spec.Name, type, message, false), envelope.SimTime);
        }
    }

    [LoggerMessage(EventId = 420, Level = LogLevel.Warning, Message = "Indicators: {Warning}")]
    private static partial void LogWarning(ILogger logger, string warning);

    [LoggerMessage(EventId = 421, Level = LogLevel.Error, Message = "Indicators: {Problem}; the bar is not used")]
    private static partial void LogBadInput(ILogger logger, string problem);
}
