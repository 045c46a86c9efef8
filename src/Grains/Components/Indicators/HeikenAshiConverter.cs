using AlgoSpace.Grains.Interfaces.Events;

namespace AlgoSpace.Grains.Components.Indicators;

/// <summary>
/// Heiken Ashi candles (component-contracts 2.3.1), converted once per 30-minute bar:
/// HAc = (O+H+L+C)/4; HAo = (HAo₋₁+HAc₋₁)/2, on the first bar (O+C)/2; HAh = max(H, HAo, HAc); HAl = min(L, HAo, HAc).
/// </summary>
public sealed class HeikenAshiConverter
{
    private double? _previousOpen;
    private double _previousClose;

    public HeikenAshiBar Next(BarPayload bar)
    {
        var close = (bar.Open + bar.High + bar.Low + bar.Close) / 4;
        var open = _previousOpen is { } previousOpen ? (previousOpen + _previousClose) / 2 : (bar.Open + bar.Close) / 2;
        var high = Math.Max(bar.High, Math.Max(open, close));
        var low = Math.Min(bar.Low, Math.Min(open, close));
        _previousOpen = open;
        _previousClose = close;
        return new HeikenAshiBar(open, high, low, close);
    }

    public HeikenAshiState SaveState() => new(_previousOpen, _previousClose);

    public void RestoreState(HeikenAshiState state)
    {
        _previousOpen = state.PreviousOpen;
        _previousClose = state.PreviousClose;
    }
}

/// <summary>One Heiken Ashi candle.</summary>
public readonly record struct HeikenAshiBar(double Open, double High, double Low, double Close);

/// <summary>The previous HA open and close; no open before the first bar.</summary>
[GenerateSerializer, Immutable]
public sealed record HeikenAshiState(
    [property: Id(0)] double? PreviousOpen,
    [property: Id(1)] double PreviousClose);
