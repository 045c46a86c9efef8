using AlgoSpace.Grains.Interfaces.Components.Calls;

namespace AlgoSpace.Grains.Components;

/// <summary>
/// Synchronous calls between components (GetMatrix, GetRegimeVector, GenerateRiskProposal). In a silo each is a
/// grain call to the callee's host; in the in-process runner it is a direct method call. The callee must be a
/// <see cref="ICallableComponent"/>.
/// </summary>
public interface IComponentCalls
{
    /// <summary>Asks the component named <paramref name="component"/>; throws <see cref="ComponentCallException"/>
    /// when it does not exist, is not running, cannot answer this request, or answers with another reply type.</summary>
    ValueTask<TReply> CallAsync<TReply>(string component, ComponentRequest request) where TReply : ComponentReply;
}

/// <summary>A component that answers <see cref="ComponentRequest"/>s from other components.</summary>
public interface ICallableComponent : IComponent
{
    ValueTask<ComponentReply> AnswerAsync(ComponentRequest request, CancellationToken cancellation);
}

/// <summary>A call between components that could not be answered; the message names the callee and the request.</summary>
public sealed class ComponentCallException(string message, Exception? inner = null) : Exception(message, inner);
