using AlgoSpace.Events;

namespace AlgoSpace.Components.Indicators;

// Stand-in so that this branch compiles: the integrator replaces this file with the real MMD calculator
// (component-contracts 2.3.6). It always reports "not ready" and 23 zeros.

/// <summary>The 23-dimensional MMD regime vector (stand-in: never ready).</summary>
public sealed class MmdCalculator
{
    public MmdResult Update(BarPayload bar30)
    {
        ArgumentNullException.ThrowIfNull(bar30);
        return new MmdResult(false, new double[23]);
    }

    public MmdCalculatorState SaveState() => new();

    public void RestoreState(MmdCalculatorState state) => ArgumentNullException.ThrowIfNull(state);
}

/// <summary>The MMD vector and whether it has enough history.</summary>
public sealed record MmdResult(bool Ready, double[] Features);

/// <summary>The MMD calculator's saved state (stand-in: empty).</summary>
[GenerateSerializer, Immutable]
public sealed record MmdCalculatorState;
