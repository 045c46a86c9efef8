using AlgoSpace.Grains.Components.Hosting;
using AlgoSpace.Grains.Interfaces.Components.Calls;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Interfaces.Events;

namespace AlgoSpace.Grains.Components.Matrices;

/// <summary>
/// The adapter the three matrix assemblers share (component-contracts 2.4): INDICATORS_READY in, GetMatrix calls
/// answered, nothing published but SYSTEM_ERROR for a malformed event. The logic is the <see cref="MatrixBuilder"/>.
/// </summary>
public abstract partial class MatrixAssemblerComponent : ComponentAdapter<MatrixAssemblerState>, ICallableComponent
{
    /// <param name="createBuilder">The builder of this assembler's matrix, from the matrix assemblers' settings.</param>
    protected MatrixAssemblerComponent(IComponentContext context, Func<MatrixAssemblersSettings, MatrixBuilder> createBuilder) : base(context)
    {
        Builder = createBuilder(context.Settings.MatrixAssemblers);
    }

    /// <summary>The logic; exposed for tests and status queries.</summary>
    public MatrixBuilder Builder { get; }

    protected override int BadInputEventId => 483;

    private RepeatedWarning? _outOfOrder;
    private RepeatedWarning? _nonFinite;

    private RepeatedWarning OutOfOrder => _outOfOrder ??= RepeatedWarning(482, $"{Context.Spec.Name}: INDICATORS_READY out of order ignored");

    private RepeatedWarning NonFinite => _nonFinite ??= RepeatedWarning(480, $"{Context.Spec.Name}: INDICATORS_READY with non-finite features");

    protected override async ValueTask OnEventAsync(EventEnvelope envelope, CancellationToken cancellation)
    {
        if (envelope.Payload is not IndicatorsReadyPayload payload)
        {
            await ReportBadInputAsync(envelope, $"INDICATORS_READY #{envelope.Seq} from {envelope.Source} carried {Carried(envelope)}, not the feature store.");
            return;
        }

        var result = Builder.Apply(payload);
        switch (result.Outcome)
        {
            case MatrixApplyOutcome.Duplicate:
                LogDuplicate(Context.Logger, Context.Spec.Name, payload.Seq);
                break;
            case MatrixApplyOutcome.OutOfOrder:
                if (OutOfOrder.Occur($"#{payload.Seq} after #{Builder.LastAppliedSeq}")) LogOutOfOrder(Context.Logger, Context.Spec.Name, payload.Seq, Builder.LastAppliedSeq);
                break;
        }

        if (result.NonFiniteFeatures.Count > 0)
        {
            var features = string.Join(", ", result.NonFiniteFeatures);
            if (NonFinite.Occur($"#{payload.Seq}: {features}", result.NonFiniteFeatures.Count)) LogNonFinite(Context.Logger, Context.Spec.Name, payload.Seq, features);
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

    protected override MatrixAssemblerState Save() => Builder.SaveState();

    protected override void Restore(MatrixAssemblerState state) => Builder.RestoreState(state);

    public override string Query(string question) => question switch
    {
        "rows" => $"{Builder.Count}/{Builder.Rows}",
        "last_applied_seq" => Builder.LastAppliedSeq.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => "",
    };

    [LoggerMessage(EventId = 480, Level = LogLevel.Warning, Message = "{Component}: INDICATORS_READY #{Seq} has non-finite {Features}; their cells are 0")]
    private static partial void LogNonFinite(ILogger logger, string component, long seq, string features);

    [LoggerMessage(EventId = 481, Level = LogLevel.Debug, Message = "{Component}: INDICATORS_READY #{Seq} was already applied; ignored")]
    private static partial void LogDuplicate(ILogger logger, string component, long seq);

    [LoggerMessage(EventId = 482, Level = LogLevel.Warning, Message = "{Component}: INDICATORS_READY #{Seq} is older than #{LastApplied}, already applied; ignored")]
    private static partial void LogOutOfOrder(ILogger logger, string component, long seq, long lastApplied);
}
