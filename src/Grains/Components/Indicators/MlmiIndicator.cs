using AlgoSpace.Grains.Interfaces.Configuration;

namespace AlgoSpace.Grains.Components.Indicators;

/// <summary>
/// The machine-learning momentum index on 30-minute Heiken Ashi closes (component-contracts 2.3.3).
/// maQ = WMA5(close), maS = WMA_n(close); f1 = WMA_n(RSI_n), f2 = WMA_n(RSI5), n = momentum_window (20). When maQ
/// crosses maS the pair (f1, f2) is stored, then every bar predicts from the k nearest stored pairs:
/// value = 50 + 50·pred/k_eff. Ready once f1 and f2 exist (bar 40 with n = 20) and the memory holds a point.
/// The moving average of the value is WMA_n over the ready values (fewer than n at first: weights m…1).
/// </summary>
public sealed class MlmiIndicator
{
    private const int QuickPeriod = 5;

    private readonly MlmiSignalMode _signalMode;
    private readonly WeightedMovingAverage _quickMa;
    private readonly WeightedMovingAverage _slowMa;
    private readonly WilderRsi _slowRsi;
    private readonly WilderRsi _quickRsi;
    private readonly WeightedMovingAverage _f1;
    private readonly WeightedMovingAverage _f2;
    private readonly WeightedMovingAverage _valueMa;
    private readonly MlmiMemory _memory;
    private double? _previousQuick;
    private double? _previousSlow;
    private MlmiResult? _previous;

    public MlmiIndicator(MlmiSettings settings, int memoryCapacity = MlmiMemory.DefaultCapacity)
    {
        _signalMode = settings.SignalMode;
        var n = settings.MomentumWindow;
        _quickMa = new WeightedMovingAverage(QuickPeriod);
        _slowMa = new WeightedMovingAverage(n);
        _slowRsi = new WilderRsi(n);
        _quickRsi = new WilderRsi(QuickPeriod);
        _f1 = new WeightedMovingAverage(n);
        _f2 = new WeightedMovingAverage(n);
        _valueMa = new WeightedMovingAverage(n);
        _memory = new MlmiMemory(settings.KNeighbors, memoryCapacity);
    }

    public MlmiMemory Memory => _memory;

    public MlmiResult Update(double haClose)
    {
        var quick = _quickMa.Add(haClose);
        var slow = _slowMa.Add(haClose);
        _slowRsi.Add(haClose);
        if (_slowRsi.IsReady) _f1.Add(_slowRsi.Value);
        _quickRsi.Add(haClose);
        if (_quickRsi.IsReady) _f2.Add(_quickRsi.Value);

        var crossed = _previousQuick is { } pq && _previousSlow is { } ps && _slowMa.IsFull
            && ((quick > slow && pq <= ps) || (quick < slow && pq >= ps));
        // The previous averages count only once the slow one had a full window.
        (_previousQuick, _previousSlow) = _slowMa.IsFull ? ((double?)quick, (double?)slow) : (null, null);

        var featuresReady = _f1.IsFull && _f2.IsFull;
        if (featuresReady && crossed) _memory.Store(_f1.Value, _f2.Value, haClose);
        if (!featuresReady || _memory.Count == 0)
        {
            _previous = null;
            return MlmiResult.NotReady;
        }

        var (sum, neighbours) = _memory.Predict(_f1.Value, _f2.Value);
        var value = 50 + 50.0 * sum / (neighbours > 0 ? neighbours : FeatureMath.Epsilon);
        var ma = _valueMa.Add(value);
        var result = new MlmiResult(true, value, ma, Signal(value, ma));
        _previous = result;
        return result;
    }

    private int Signal(double value, double ma)
    {
        if (_previous is not { } previous) return 0;
        var (line, previousLine) = _signalMode == MlmiSignalMode.ZeroCross ? (50.0, 50.0) : (ma, previous.Ma);
        if (value > line && previous.Value <= previousLine) return 1;
        if (value < line && previous.Value >= previousLine) return -1;
        return 0;
    }

    public MlmiState SaveState() => new(
        _quickMa.SaveState(), _slowMa.SaveState(), _slowRsi.SaveState(), _quickRsi.SaveState(),
        _f1.SaveState(), _f2.SaveState(), _valueMa.SaveState(), _memory.SaveState(),
        _previousQuick, _previousSlow, _previous?.Value, _previous?.Ma);

    public void RestoreState(MlmiState state)
    {
        _quickMa.RestoreState(state.QuickMa);
        _slowMa.RestoreState(state.SlowMa);
        _slowRsi.RestoreState(state.SlowRsi);
        _quickRsi.RestoreState(state.QuickRsi);
        _f1.RestoreState(state.F1);
        _f2.RestoreState(state.F2);
        _valueMa.RestoreState(state.ValueMa);
        _memory.RestoreState(state.Memory);
        (_previousQuick, _previousSlow) = (state.PreviousQuick, state.PreviousSlow);
        _previous = state.PreviousValue is { } value && state.PreviousMa is { } ma ? new MlmiResult(true, value, ma, 0) : null;
    }
}

/// <summary>The MLMI outputs; when not ready, the defaults (value and MA 50, no signal).</summary>
public readonly record struct MlmiResult(bool Ready, double Value, double Ma, int Signal)
{
    public static MlmiResult NotReady => new(false, 50, 50, 0);
}

/// <summary>The MLMI's windows, RSI accumulators, memory and previous values.</summary>
[GenerateSerializer, Immutable]
public sealed record MlmiState(
    [property: Id(0)] IReadOnlyList<double> QuickMa,
    [property: Id(1)] IReadOnlyList<double> SlowMa,
    [property: Id(2)] WilderRsiState SlowRsi,
    [property: Id(3)] WilderRsiState QuickRsi,
    [property: Id(4)] IReadOnlyList<double> F1,
    [property: Id(5)] IReadOnlyList<double> F2,
    [property: Id(6)] IReadOnlyList<double> ValueMa,
    [property: Id(7)] MlmiMemoryState Memory,
    [property: Id(8)] double? PreviousQuick,
    [property: Id(9)] double? PreviousSlow,
    [property: Id(10)] double? PreviousValue,
    [property: Id(11)] double? PreviousMa);
