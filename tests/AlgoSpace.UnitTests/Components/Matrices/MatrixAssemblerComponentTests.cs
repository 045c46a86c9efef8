using AlgoSpace.Grains.Components;
using AlgoSpace.Grains.Components.Matrices;
using AlgoSpace.Grains.Interfaces.Components.Calls;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Interfaces.Events;
using Microsoft.Extensions.Logging;
using static AlgoSpace.Grains.Interfaces.Events.EventTypes;
using static AlgoSpace.Tests.Components.FeatureStore;

namespace AlgoSpace.Tests.Components.Matrices;

public sealed class MatrixAssemblerComponentTests
{
    private static RecordingComponentContext Context(string kind, AlgoSpaceSettings? settings = null) =>
        new(kind, settings ?? new AlgoSpaceSettings(), [IndicatorsReady], [SystemError]);

    private static AlgoSpaceSettings FiveMinuteWindow(int rows) => new()
    {
        MatrixAssemblers = new MatrixAssemblersSettings
        {
            FiveMinute = new MatrixAssemblerSettings { WindowSize = rows, Features = [.. FiveMinuteMatrixBuilder.ColumnFeatures] },
        },
    };

    private static async Task<T> StartedAsync<T>(RecordingComponentContext context, object? restore = null) where T : MatrixAssemblerComponent
    {
        var component = (T)Activator.CreateInstance(typeof(T), context)!;
        if (restore is not null) component.RestoreState(restore);
        await component.StartAsync(CancellationToken.None);
        return component;
    }

    private static async Task<MatrixReply> AskAsync(ICallableComponent component, long asOfSeq) =>
        (MatrixReply)await component.AnswerAsync(new MatrixRequest(asOfSeq), CancellationToken.None);

    private static IndicatorsReadyPayload Momentum(long seq, double momentum) =>
        Event(seq) with { Derived = Derived() with { PriceMomentum5 = momentum } };

    [Fact]
    public async Task A_query_for_a_seq_not_yet_applied_is_answered_not_ready_at_once()
    {
        var context = Context("matrix_assembler_5m", FiveMinuteWindow(1));
        var assembler = await StartedAsync<FiveMinuteMatrixAssembler>(context);
        await assembler.HandleAsync(Envelope(Event(5)), CancellationToken.None);

        var ahead = await AskAsync(assembler, 6);
        var current = await AskAsync(assembler, 5);

        Assert.False(ahead.Ready);
        Assert.Empty(ahead.Values);
        Assert.Equal(5, ahead.LastAppliedSeq);
        Assert.Contains("#6", ahead.Reason);
        Assert.True(current.Ready);
    }

    [Fact]
    public async Task A_query_before_the_window_is_full_is_not_ready_and_says_how_many_rows_there_are()
    {
        var context = Context("matrix_assembler_30m");
        var assembler = await StartedAsync<ThirtyMinuteMatrixAssembler>(context);
        await assembler.HandleAsync(Envelope(Event30m(0)), CancellationToken.None);
        await assembler.HandleAsync(Envelope(Event(1)), CancellationToken.None);

        var reply = await AskAsync(assembler, 1);

        Assert.False(reply.Ready);
        Assert.Equal((48, 8), (reply.Rows, reply.Columns));
        Assert.Contains("1 of 48 rows", reply.Reason);
    }

    [Fact]
    public async Task A_non_finite_input_is_warned_about_with_the_feature_named()
    {
        var context = Context("matrix_assembler_5m", FiveMinuteWindow(1));
        var assembler = await StartedAsync<FiveMinuteMatrixAssembler>(context);

        await assembler.HandleAsync(Envelope(Momentum(0, double.NaN)), CancellationToken.None);

        var warning = Assert.Single(context.RecordingLogger.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains("price_momentum_5", warning.Message);
        Assert.Equal(0f, (await AskAsync(assembler, 0)).Values[4]);
    }

    [Fact]
    public async Task A_redelivered_event_adds_no_second_row()
    {
        var context = Context("matrix_assembler_5m", FiveMinuteWindow(3));
        var assembler = await StartedAsync<FiveMinuteMatrixAssembler>(context);

        await assembler.HandleAsync(Envelope(Momentum(0, 1)), CancellationToken.None);
        await assembler.HandleAsync(Envelope(Momentum(0, 1)), CancellationToken.None);

        Assert.Equal(1, assembler.Builder.Count);
    }

    [Fact]
    public async Task An_event_without_the_feature_store_is_reported_as_a_system_error()
    {
        var context = Context("matrix_assembler_5m");
        var assembler = await StartedAsync<FiveMinuteMatrixAssembler>(context);

        await assembler.HandleAsync(new EventEnvelope(IndicatorsReady, 3, Day, "indicator_engine", "c", null), CancellationToken.None);

        var error = (SystemErrorPayload)Assert.Single(context.RecordingBus.Published).Payload!;
        Assert.Equal(("BadPayload", false), (error.ErrorType, error.Critical));
        Assert.Equal(-1, assembler.Builder.LastAppliedSeq);
    }

    [Fact]
    public async Task A_restored_assembler_continues_exactly_as_the_uninterrupted_one()
    {
        var settings = new AlgoSpaceSettings
        {
            MatrixAssemblers = new MatrixAssemblersSettings
            {
                ThirtyMinute = new MatrixAssemblerSettings { WindowSize = 4, Features = [.. ThirtyMinuteMatrixBuilder.ColumnFeatures] },
            },
        };
        IndicatorsReadyPayload Slope(long seq) => Event30m(seq) with { Features30m = ThirtyMinuteFeatures.Defaults with { NwrqkSlope = 0.1 * seq * seq } };
        var original = await StartedAsync<ThirtyMinuteMatrixAssembler>(Context("matrix_assembler_30m", settings));
        for (var i = 0; i < 14; i++) await original.HandleAsync(Envelope(Slope(i)), CancellationToken.None);

        var snapshot = OrleansRoundTrip.Copy(original.SaveState()!);
        var restored = await StartedAsync<ThirtyMinuteMatrixAssembler>(Context("matrix_assembler_30m", settings), snapshot);
        foreach (var assembler in new[] { original, restored })
        {
            await assembler.HandleAsync(Envelope(Slope(14)), CancellationToken.None);
        }

        // The slope z-score of row 15 depends on all 15 samples, so equal matrices mean equal normalisers too.
        var expected = await AskAsync(original, 14);
        var actual = await AskAsync(restored, 14);
        Assert.True(actual.Ready);
        Assert.Equal(expected.Values, actual.Values);
        Assert.Equal(14, actual.LastAppliedSeq);
    }

    [Fact]
    public async Task Get_matrix_hands_out_a_copy_of_the_largest_window_that_the_caller_may_keep()
    {
        var context = Context("matrix_assembler_regime");
        var assembler = await StartedAsync<RegimeMatrixAssembler>(context);
        for (var i = 0; i < 96; i++) await assembler.HandleAsync(Envelope(Event30m(i)), CancellationToken.None);

        // The whole 96-row window, copied: what a caller does with its array never reaches the assembler's window.
        // (How long the copy takes is measured by the benchmarks, docs/performance.md, not asserted here.)
        var first = await AskAsync(assembler, 95);
        Assert.True(first.Ready);
        Assert.Equal(first.Rows * first.Columns, first.Values.Length);
        Assert.Equal(96, first.Rows);
        var kept = first.Values.ToArray();
        Array.Fill(first.Values, float.NaN);
        var second = await AskAsync(assembler, 95);
        Assert.NotSame(first.Values, second.Values);
        Assert.Equal(kept, second.Values);
    }
}
