using AlgoSpace.Grains.Interfaces.Components;

namespace AlgoSpace.Grains.Components;

/// <summary>A component that holds orders and positions (an execution handler), so the kernel can protect them.</summary>
public interface IPositionKeeper
{
    /// <summary>Cancels working orders and, when <see cref="BookProtection.Flatten"/>, closes open positions.</summary>
    ValueTask ProtectPositionsAsync(BookProtection protection, CancellationToken cancellation);
}
