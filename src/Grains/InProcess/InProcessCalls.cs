using AlgoSpace.Grains.Components;
using AlgoSpace.Grains.Interfaces.Components.Calls;

namespace AlgoSpace.Grains.InProcess;

/// <summary>Component calls as direct method calls on the callee (the in-process runner's <see cref="IComponentCalls"/>).</summary>
public sealed class InProcessCalls(InProcessRunner runner, string caller) : IComponentCalls
{
    public async ValueTask<TReply> CallAsync<TReply>(string component, ComponentRequest request) where TReply : ComponentReply
    {
        var callee = runner.Find(component)?.Component;
        if (callee is not ICallableComponent callable)
        {
            throw new ComponentCallException(callee is null
                ? $"{caller} → {component}: no such component is running; it cannot answer {request.GetType().Name}."
                : $"{caller} → {component}: {component} answers no calls; {request.GetType().Name} was sent to the wrong component.");
        }

        var reply = await callable.AnswerAsync(request, CancellationToken.None);
        return reply as TReply ?? throw new ComponentCallException(
            $"{caller} → {component}: {request.GetType().Name} was answered with {reply?.GetType().Name ?? "nothing"}, expected {typeof(TReply).Name}.");
    }
}
