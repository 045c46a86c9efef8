using AlgoSpace.Components.Calls;
using AlgoSpace.Configuration;
using AlgoSpace.Events;
using static AlgoSpace.Events.EventTypes;

namespace AlgoSpace.Components.Matrices;

/// <summary>
/// The adapter the three matrix assemblers share (component-contracts 2.4): INDICATORS_READY in, GetMatrix calls
/// answered, nothing published but SYSTEM_ERROR for a malformed event. The logic is the <see cref="MatrixBuilder"/>.
/// </summary>
public abstract partial class MatrixAssemblerComponent : ICallableComponent
{
    private IComponentContext? _context;
    private MatrixBuilder? _builder;
    private readonly SnapshotSlot<MatrixAssemblerState> _snapshot = new();

    private IComponentContext Context => _context ?? throw new InvalidOperationException("The matrix assembler is not initialised.");

    /// <summary>The logic; exposed for tests and status queries.</summary>
    public MatrixBuilder Builder => _builder ?? throw new InvalidOperationException("The matrix assembler is not initialised.");

    protected abstract MatrixBuilder CreateBuilder(MatrixAssemblersSettings settings);

    public ValueTask InitializeAsync(IComponentContext context, CancellationToken cancellation)
    {
        _context = context;
        _builder = CreateBuilder(context.Settings.MatrixAssemblers);
        // The host restores state before it initialises, so the snapshot waits for the builder.
        _snapshot.Attach(_builder.RestoreState);
        return ValueTask.CompletedTask;
    }

    public ValueTask StartAsync(CancellationToken cancellation) => ValueTask.CompletedTask;

    public async ValueTask HandleAsync(EventEnvelope envelope, CancellationToken cancellation)
    {
        if (envelope.Type != IndicatorsReady) return;
        if (envelope.Payload is not IndicatorsReadyPayload payload)
        {
            await ReportBadPayloadAsync(envelope);
            return;
        }

        var result = Builder.Apply(payload);
        switch (result.Outcome)
        {
            case MatrixApplyOutcome.Duplicate:
                LogDuplicate(Context.Logger, Context.Spec.Name, payload.Seq);
                break;
            case MatrixApplyOutcome.OutOfOrder:
                LogOutOfOrder(Context.Logger, Context.Spec.Name, payload.Seq, Builder.LastAppliedSeq);
                break;
        }

        if (result.NonFiniteFeatures.Count > 0)
        {
            LogNonFinite(Context.Logger, Context.Spec.Name, payload.Seq, string.Join(", ", result.NonFiniteFeatures));
        }
    }

    /// <summary>
    /// GetMatrix. The contract lets a query wait up to 50 ms for asOfSeq to be applied; here no wait is needed: delivery
    /// is acknowledged and the run is lockstep, so INDICATORS_READY #n has been applied before anything it caused
    /// (SYNERGY_DETECTED #n, then the MARL core's call) can ask for it. A seq still ahead is therefore a real gap, and
    /// waiting would only stall the caller; NotReady is answered at once.
    /// </summary>
    public ValueTask<ComponentReply> AnswerAsync(ComponentRequest request, CancellationToken cancellation) => request switch
    {
        MatrixRequest matrix => ValueTask.FromResult<ComponentReply>(Builder.GetMatrix(matrix.AsOfSeq)),
        _ => throw new ComponentCallException($"{Context.Spec.Name} answers {nameof(MatrixRequest)} only, not {request.GetType().Name}."),
    };

    public ValueTask StopAsync(CancellationToken cancellation) => ValueTask.CompletedTask;

    public object? SaveState() => _snapshot.Save(_builder is null ? null : _builder.SaveState);

    public void RestoreState(object state) => _snapshot.Restore(state, _builder is null ? null : _builder.RestoreState);

    public string Query(string question) => question switch
    {
        "rows" => $"{Builder.Count}/{Builder.Rows}",
        "last_applied_seq" => Builder.LastAppliedSeq.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => "",
    };

    /// <summary>An INDICATORS_READY without its payload is a producer bug: reported, not fatal.</summary>
    private async Task ReportBadPayloadAsync(EventEnvelope envelope)
    {
        var found = envelope.Payload?.GetType().Name ?? "no payload";
        LogBadPayload(Context.Logger, Context.Spec.Name, envelope.Source, envelope.Seq, found);
        if (Context.Spec.Publishes.Contains(SystemError))
        {
            await Context.Bus.PublishAsync(SystemError,
                new SystemErrorPayload(Context.Spec.Name, "BadPayload", $"INDICATORS_READY #{envelope.Seq} from {envelope.Source} carried {found}, not the feature store.", false),
                envelope.SimTime);
        }
    }

    [LoggerMessage(EventId = 480, Level = LogLevel.Warning, Message = "{Component}: INDICATORS_READY #{Seq} has non-finite {Features}; their cells are 0")]
    private static partial void LogNonFinite(ILogger logger, string component, long seq, string features);

    [LoggerMessage(EventId = 481, Level = LogLevel.Debug, Message = "{Component}: INDICATORS_READY #{Seq} was already applied; ignored")]
    private static partial void LogDuplicate(ILogger logger, string component, long seq);

    [LoggerMessage(EventId = 482, Level = LogLevel.Warning, Message = "{Component}: INDICATORS_READY #{Seq} is older than #{LastApplied}, already applied; ignored")]
    private static partial void LogOutOfOrder(ILogger logger, string component, long seq, long lastApplied);

    [LoggerMessage(EventId = 483, Level = LogLevel.Error, Message = "{Component}: INDICATORS_READY #{Seq} from {Source} carried {Found}, not the feature store; ignored")]
    private static partial void LogBadPayload(ILogger logger, string component, string source, long seq, string found);
}
