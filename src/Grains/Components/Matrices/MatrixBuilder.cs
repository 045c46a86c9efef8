using AlgoSpace.Grains.Interfaces.Components.Calls;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Interfaces.Events;

namespace AlgoSpace.Grains.Components.Matrices;

/// <summary>
/// What the three matrix assemblers share (component-contracts 2.4): a window of normalised rows built from
/// INDICATORS_READY, the seq of the last event applied, and the GetMatrix answer. A subclass fixes the columns, when
/// a row is appended and how each cell is normalised. Plain logic: no Orleans, no clock.
/// </summary>
public abstract class MatrixBuilder
{
    private readonly MatrixRing _ring;
    private readonly float[] _row;
    private readonly float[] _previous;

    /// <param name="settingsKey">The settings section, e.g. "matrix_assemblers.30m", for error messages.</param>
    /// <param name="columnFeatures">The features the contract fixes, in order: settings must name exactly these.</param>
    protected MatrixBuilder(string settingsKey, MatrixAssemblerSettings settings, IReadOnlyList<string> columnFeatures, int columns)
    {
        // The columns are fixed by the contract because the embedders' input shapes are; a different list in
        // settings would silently feed a model the wrong features, so it is refused with both lists named.
        if (!settings.Features.SequenceEqual(columnFeatures, StringComparer.Ordinal))
        {
            throw new ArgumentException(
                $"{settingsKey}.features must be [{string.Join(", ", columnFeatures)}] (component-contracts 2.4), not [{string.Join(", ", settings.Features)}].");
        }

        SettingsKey = settingsKey;
        Settings = settings;
        _ring = new MatrixRing(settings.WindowSize, columns);
        _row = new float[columns];
        _previous = new float[columns];
    }

    public string SettingsKey { get; }

    public int Rows => _ring.Rows;

    public int Columns => _ring.Columns;

    /// <summary>Rows held so far.</summary>
    public int Count => _ring.Count;

    /// <summary>The payload seq of the last INDICATORS_READY applied; -1 before the first.</summary>
    public long LastAppliedSeq { get; private set; } = -1;

    /// <summary>Ready at a full window (the settings warmup_period is ignored so shapes stay fixed).</summary>
    public bool IsReady => _ring.IsFull;

    protected MatrixAssemblerSettings Settings { get; }

    /// <summary>The normalisers whose statistics are saved with the window, in a fixed order.</summary>
    protected abstract IReadOnlyList<EmaZScore> Normalizers { get; }

    /// <summary>Whether an INDICATORS_READY with this trigger appends a row.</summary>
    public abstract bool AppendsOn(string trigger);

    /// <summary>
    /// Writes the row's cells. <paramref name="previous"/> is the last row (zeros before the first): a missing input
    /// keeps its last value. Non-finite inputs give 0 and are named in <paramref name="nonFinite"/>.
    /// </summary>
    protected abstract void FillRow(IndicatorsReadyPayload payload, Span<float> row, ReadOnlySpan<float> previous, List<string> nonFinite);

    /// <summary>Applies one INDICATORS_READY: appends a row when its trigger calls for one, and records its seq.</summary>
    public MatrixApplyResult Apply(IndicatorsReadyPayload payload)
    {
        if (payload.Seq == LastAppliedSeq) return new MatrixApplyResult(MatrixApplyOutcome.Duplicate, []);
        if (payload.Seq < LastAppliedSeq) return new MatrixApplyResult(MatrixApplyOutcome.OutOfOrder, []);

        LastAppliedSeq = payload.Seq;
        if (!AppendsOn(payload.Trigger)) return new MatrixApplyResult(MatrixApplyOutcome.NoRow, []);

        Array.Clear(_previous);
        _ring.Newest.CopyTo(_previous);
        Array.Clear(_row);
        var nonFinite = new List<string>();
        FillRow(payload, _row, _previous, nonFinite);
        _ring.Append(_row);
        return new MatrixApplyResult(MatrixApplyOutcome.Appended, nonFinite);
    }

    /// <summary>
    /// GetMatrix(asOfSeq): the window oldest row first, or NotReady when the event <paramref name="asOfSeq"/> has not
    /// been applied yet or the window is not full. An older asOfSeq is answered with the current window: in the
    /// lockstep pipeline nothing newer can have been applied while a caller still works on an older event.
    /// </summary>
    public MatrixReply GetMatrix(long asOfSeq)
    {
        if (LastAppliedSeq < asOfSeq)
        {
            return MatrixReply.NotReady(Rows, Columns, LastAppliedSeq,
                $"{SettingsKey} has applied INDICATORS_READY #{LastAppliedSeq}, not yet #{asOfSeq}.");
        }

        if (!IsReady)
        {
            return MatrixReply.NotReady(Rows, Columns, LastAppliedSeq, $"{SettingsKey} has {Count} of {Rows} rows.");
        }

        return new MatrixReply(true, Rows, Columns, _ring.CopyOldestFirst(), LastAppliedSeq, null);
    }

    public MatrixAssemblerState SaveState() =>
        new(LastAppliedSeq, Columns, _ring.CopyOldestFirst(), Normalizers.Select(n => n.SaveState()).ToList());

    public void RestoreState(MatrixAssemblerState state)
    {
        if (state.Columns != Columns || state.Normalizers.Count != Normalizers.Count)
        {
            throw new ArgumentException(
                $"The saved {SettingsKey} state has {state.Columns} columns and {state.Normalizers.Count} normalisers; this matrix has {Columns} and {Normalizers.Count}.",
                nameof(state));
        }

        // A window_size made smaller since the snapshot keeps the newest rows.
        var cells = Math.Min(state.RowsOldestFirst.Length, Rows * Columns);
        _ring.Restore(state.RowsOldestFirst[^cells..]);
        for (var i = 0; i < Normalizers.Count; i++) Normalizers[i].RestoreState(state.Normalizers[i]);
        LastAppliedSeq = state.LastAppliedSeq;
    }

    /// <summary>The α of a feature: feature_configs.&lt;feature&gt;.ema_alpha, else the contract's value.</summary>
    protected double AlphaOf(string feature, double contractDefault) =>
        Settings.FeatureConfigs.TryGetValue(feature, out var config) ? config.EmaAlpha : contractDefault;

    /// <summary>True with the value when it is finite; otherwise names the feature as non-finite.</summary>
    protected static bool IsFinite(double value, string feature, List<string> nonFinite)
    {
        if (double.IsFinite(value)) return true;
        nonFinite.Add(feature);
        return false;
    }

    /// <summary>A usable reference price: finite and positive (a zero price would divide by zero).</summary>
    protected static bool IsPrice(double price, List<string> nonFinite)
    {
        if (double.IsFinite(price) && price > 0) return true;
        nonFinite.Add("current_price");
        return false;
    }

    protected static float Clip(double value, double limit) => (float)Math.Clamp(value, -limit, limit);
}
