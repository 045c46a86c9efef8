using System.Globalization;
using AlgoSpace.Grains.Interfaces.Components.Calls;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Interfaces.Events;
using AlgoSpace.Grains.Models;

namespace AlgoSpace.Grains.Components.Decision.Rde;

/// <summary>
/// The RDE logic (component-contracts 2.6): the regime vector of a regime matrix, its magnitude and its shift from
/// the previous vector, with the alerts. Validity: the matrix is ready and at least <c>warmup_periods</c> 30-minute
/// bars have passed, counted from the INDICATORS_READY seq asked about (one per 5-minute bar, so
/// <see cref="FiveMinuteBarsPerThirtyMinuteBar"/> per 30-minute bar): a pure function of the question. The shift is
/// measured from the previous vector, which is saved (<see cref="Snapshot"/>), so a restored run measures it, and
/// alerts on it, as an unbroken one. A vector is computed during the warm-up too (it moves the shift baseline) but
/// reported invalid, and raises no alert.
/// </summary>
public sealed class RegimeDetector(RdeSettings settings, LoadedModel? model)
{
    public const int FiveMinuteBarsPerThirtyMinuteBar = 6;
    public const double MagnitudeAlert = 2;
    public const double ShiftAlert = 1;
    public const double LatencyAlertMs = 10;

    private readonly LoadedModel? _model = model is { IsLoaded: true } ? model : null;
    private float[]? _previous;
    private (long Seq, RegimeVectorReply Reply)? _last;

    public bool HasModel => _model is not null;

    /// <summary>The previous vector and the last answer, for a checkpoint.</summary>
    public RegimeDetectorState Snapshot() => new(_previous, _last?.Seq, _last?.Reply);

    /// <summary>Continues from a checkpoint's <see cref="Snapshot"/>.</summary>
    public void Restore(RegimeDetectorState state)
    {
        _previous = state.Previous;
        _last = state is { LastSeq: { } seq, LastReply: { } reply } ? (seq, reply) : null;
    }

    /// <summary>
    /// The regime vector as of <paramref name="asOfSeq"/> from the regime assembler's answer. Asked twice about the
    /// same seq, it answers the same without moving the shift baseline or raising the alerts again.
    /// </summary>
    public RegimeAssessment Assess(long asOfSeq, MatrixReply? matrix, string? matrixProblem, double latencyMs)
    {
        if (_last is { } last && last.Seq == asOfSeq) return new RegimeAssessment(last.Reply, null, []);
        if (_model is null) return Invalid("the rde model is not loaded", latencyMs);
        if (matrix is null) return Invalid($"the regime matrix could not be asked: {matrixProblem}", latencyMs);
        if (!matrix.Ready) return Invalid($"the regime matrix is not ready: {matrix.Reason}", latencyMs);

        var expected = _model.InputShape.Skip(1).Aggregate(1, (a, d) => a * d);
        if (matrix.Values.Length != expected)
        {
            return Invalid($"the regime matrix is {matrix.Rows}x{matrix.Columns}; the rde model takes {string.Join("x", _model.InputShape.Skip(1))}", latencyMs);
        }

        var vector = _model.Forward(matrix.Values);
        var magnitude = Norm(vector, null);
        var shift = _previous is null ? 0 : Norm(vector, _previous);
        _previous = vector;

        var barsSeen = asOfSeq / FiveMinuteBarsPerThirtyMinuteBar;
        var warm = barsSeen >= settings.WarmupPeriods;
        var reply = new RegimeVectorReply(warm ? vector : new float[vector.Length], warm, magnitude, shift, latencyMs,
            warm ? null : $"warming up: {barsSeen} of {settings.WarmupPeriods} 30-minute bars");
        _last = (asOfSeq, reply);
        if (!warm) return new RegimeAssessment(reply, null, []);

        var alerts = new List<string>();
        if (magnitude > MagnitudeAlert) alerts.Add($"regime vector magnitude {magnitude:F3} exceeds {MagnitudeAlert}");
        if (latencyMs > LatencyAlertMs) alerts.Add($"regime vector took {latencyMs:F1} ms, more than {LatencyAlertMs} ms");
        var breach = shift > ShiftAlert
            ? new RiskBreachPayload("REGIME_TRANSITION_WARNING", $"the regime vector moved by {shift:F3} (more than {ShiftAlert}) as of seq {asOfSeq}",
                new Dictionary<string, string>
                {
                    ["shift"] = shift.ToString("F6", CultureInfo.InvariantCulture),
                    ["magnitude"] = magnitude.ToString("F6", CultureInfo.InvariantCulture),
                    ["as_of_seq"] = asOfSeq.ToString(CultureInfo.InvariantCulture),
                })
            : null;
        return new RegimeAssessment(reply, breach, alerts);
    }

    private RegimeAssessment Invalid(string reason, double latencyMs) =>
        new(new RegimeVectorReply(new float[settings.LatentDim], false, 0, 0, latencyMs, reason), null, []);

    private static double Norm(float[] a, float[]? b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            var d = a[i] - (b is null ? 0 : b[i]);
            sum += d * d;
        }

        return Math.Sqrt(sum);
    }
}
