using AlgoSpace.Configuration;
using AlgoSpace.Events;

namespace AlgoSpace.Components.Indicators;

// Stand-in so that this branch compiles: the integrator replaces this file with the real LVN profile
// (component-contracts 2.3.5). It always reports "not ready" and zeros.

/// <summary>Low-volume nodes of the 30-minute volume profile (stand-in: never ready).</summary>
public sealed class LvnProfile
{
    public LvnProfile(LvnSettings settings, double tickSize)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _ = tickSize;
    }

    public LvnResult Update(BarPayload bar30)
    {
        ArgumentNullException.ThrowIfNull(bar30);
        return new LvnResult(false, 0, 0, 0);
    }

    public LvnProfileState SaveState() => new();

    public void RestoreState(LvnProfileState state) => ArgumentNullException.ThrowIfNull(state);
}

/// <summary>The nearest low-volume node to the close.</summary>
public readonly record struct LvnResult(bool Ready, double NearestPrice, double NearestStrength, double DistancePoints);

/// <summary>The LVN profile's saved state (stand-in: empty).</summary>
[GenerateSerializer, Immutable]
public sealed record LvnProfileState;
