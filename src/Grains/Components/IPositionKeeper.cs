namespace AlgoSpace.Components;

/// <summary>A component that holds orders and positions (an execution handler), so the kernel can protect them.</summary>
public interface IPositionKeeper
{
    /// <summary>Cancels working orders and, when <paramref name="flatten"/> is true, closes open positions.</summary>
    ValueTask ProtectPositionsAsync(bool flatten, string reason, CancellationToken cancellation);
}
