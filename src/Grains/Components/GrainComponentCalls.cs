using AlgoSpace.Grains.Interfaces.Components;
using AlgoSpace.Grains.Interfaces.Components.Calls;

namespace AlgoSpace.Grains.Components;

/// <summary>Component calls as grain calls to the callee's <see cref="IComponentHostGrain"/>.</summary>
public sealed class GrainComponentCalls(IGrainFactory grains, string caller) : IComponentCalls
{
    public async ValueTask<TReply> CallAsync<TReply>(string component, ComponentRequest request) where TReply : ComponentReply
    {
        // The callee may call back along the chain (a risk proposal that reads the caller's portfolio).
        using var reentrancy = RequestContext.AllowCallChainReentrancy();
        ComponentReply reply;
        try
        {
            reply = await grains.GetGrain<IComponentHostGrain>(component).CallAsync(request);
        }
        catch (ComponentCallException)
        {
            throw;
        }
        catch (Exception ex)
        {
            throw new ComponentCallException($"{caller} → {component}: {request.GetType().Name} failed: {ex.Message}", ex);
        }

        return reply as TReply ?? throw new ComponentCallException(
            $"{caller} → {component}: {request.GetType().Name} was answered with {reply?.GetType().Name ?? "nothing"}, expected {typeof(TReply).Name}.");
    }
}
