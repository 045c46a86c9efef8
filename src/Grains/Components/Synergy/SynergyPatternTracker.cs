using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Interfaces.Events;

namespace AlgoSpace.Grains.Components.Synergy;

/// <summary>
/// Gate 1's sequence rules (component-contracts 2.5): collects activated signals into an ordered three-signal
/// pattern, bars counted by INDICATORS_READY seq (the 5-minute bar index). Plain logic: no Orleans, no clock.
/// </summary>
public sealed class SynergyPatternTracker(SynergyDetectorSettings settings)
{
    private static readonly Dictionary<string, string> TypeByOrder = new(StringComparer.Ordinal)
    {
        [Order(SignalTypes.Mlmi, SignalTypes.Nwrqk, SignalTypes.Fvg)] = "TYPE_1",
        [Order(SignalTypes.Mlmi, SignalTypes.Fvg, SignalTypes.Nwrqk)] = "TYPE_2",
        [Order(SignalTypes.Nwrqk, SignalTypes.Fvg, SignalTypes.Mlmi)] = "TYPE_3",
        [Order(SignalTypes.Nwrqk, SignalTypes.Mlmi, SignalTypes.Fvg)] = "TYPE_4",
    };

    private readonly List<SynergySignal> _sequence = new(3);

    public IReadOnlyList<SynergySignal> Sequence => _sequence;

    public long? LastSynergyBar { get; private set; }

    public long? CurrentBar { get; private set; }

    public SynergyPhase Phase =>
        _sequence.Count > 0 ? SynergyPhase.Building
        : InCooldown ? SynergyPhase.Cooldown
        : SynergyPhase.Idle;

    /// <summary>Fewer than cooldown_bars since the last synergy.</summary>
    private bool InCooldown => LastSynergyBar is { } last && CurrentBar is { } now && now - last < settings.CooldownBars;

    public SynergyEvaluation Process(IndicatorsReadyPayload payload)
    {
        if (CurrentBar is { } current && payload.Seq <= current)
        {
            return SynergyEvaluation.Skip($"INDICATORS_READY #{payload.Seq} is not after #{current}, already processed");
        }

        if (SynergyInputCheck.Problem(payload) is { } problem) return SynergyEvaluation.Skip(problem);

        CurrentBar = payload.Seq;
        var notes = new List<SequenceNote>();
        if (_sequence.Count > 0 && payload.Seq - _sequence[0].BarIndex > settings.TimeWindowBars)
        {
            notes.Add(new SequenceNote(SequenceNoteKind.Expired, $"{Describe()} started at #{_sequence[0].BarIndex}, more than {settings.TimeWindowBars} bars ago"));
            _sequence.Clear();
        }

        SynergyDetectedPayload? detected = null;
        foreach (var signal in SignalActivation.Evaluate(payload, settings))
        {
            // At most one pattern completes per event (three signals at most, and a completion empties the sequence),
            // but the signals after it still count: they may start the next sequence.
            var completed = Add(signal, payload, notes);
            detected ??= completed;
        }

        return new SynergyEvaluation(detected, notes, null);
    }

    public SynergyDetectorState SaveState() => new(_sequence.ToList(), LastSynergyBar, CurrentBar);

    public void RestoreState(SynergyDetectorState state)
    {
        _sequence.Clear();
        _sequence.AddRange(state.Sequence);
        LastSynergyBar = state.LastSynergyBar;
        CurrentBar = state.CurrentBar;
    }

    /// <summary>Adds one signal; returns the synergy when it completes a pattern outside the cooldown.</summary>
    private SynergyDetectedPayload? Add(SynergySignal signal, IndicatorsReadyPayload payload, List<SequenceNote> notes)
    {
        if (_sequence.Count > 0 && signal.Signal != _sequence[0].Signal)
        {
            notes.Add(new SequenceNote(SequenceNoteKind.DirectionReset, $"{signal.Type} {Direction(signal.Signal)} ends {Describe()}"));
            _sequence.Clear();
        }

        if (_sequence.Count == 0)
        {
            // No pattern begins with an FVG; letting one start a sequence would only block the real patterns.
            if (signal.Type == SignalTypes.Fvg)
            {
                notes.Add(new SequenceNote(SequenceNoteKind.FvgCannotStart, $"fvg {Direction(signal.Signal)} at #{signal.BarIndex}"));
                return null;
            }

            _sequence.Add(signal);
            notes.Add(new SequenceNote(SequenceNoteKind.Started, Describe()));
            return null;
        }

        if (_sequence.Any(s => s.Type == signal.Type))
        {
            notes.Add(new SequenceNote(SequenceNoteKind.DuplicateIgnored, $"{signal.Type} is already in {Describe()}"));
            return null;
        }

        _sequence.Add(signal);
        if (_sequence.Count < settings.RequiredSignals)
        {
            notes.Add(new SequenceNote(SequenceNoteKind.Added, Describe()));
            return null;
        }

        return Complete(payload, notes);
    }

    private SynergyDetectedPayload? Complete(IndicatorsReadyPayload payload, List<SequenceNote> notes)
    {
        var pattern = Describe();
        var type = TypeByOrder[Order([.. _sequence.Select(s => s.Type)])];
        if (InCooldown)
        {
            notes.Add(new SequenceNote(SequenceNoteKind.CooldownDiscarded,
                $"{type} {pattern} at #{payload.Seq}: the last synergy was at #{LastSynergyBar}, fewer than {settings.CooldownBars} bars ago"));
            _sequence.Clear();
            return null;
        }

        var detected = SynergyPayloadFactory.Create(type, _sequence, payload, settings);
        notes.Add(new SequenceNote(SequenceNoteKind.Completed, $"{type} {pattern}"));
        LastSynergyBar = payload.Seq;
        _sequence.Clear();
        return detected;
    }

    private string Describe() =>
        $"{Direction(_sequence.Count > 0 ? _sequence[0].Signal : 0)} [{string.Join(" → ", _sequence.Select(s => $"{s.Type}#{s.BarIndex}"))}]";

    private static string Direction(int signal) => signal > 0 ? "bullish" : signal < 0 ? "bearish" : "none";

    private static string Order(params string[] types) => string.Join(">", types);
}
