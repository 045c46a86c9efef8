using AlgoSpace.Grains.Interfaces.Components;
using AlgoSpace.Grains.Interfaces.Components.Calls;

namespace AlgoSpace.Grains.Components;

/// <summary>
/// Calls as an instrument's component makes them: a call to a components-list entry that is made per instrument
/// (the main MARL core asking "rde") reaches the caller's own instrument's copy (rde@NQ). Components keep naming
/// entries as the settings do, and never see another instrument's pipeline.
/// </summary>
public sealed class PipelineCalls(IComponentCalls inner, ComponentSpec caller) : IComponentCalls
{
    public ValueTask<TReply> CallAsync<TReply>(string component, ComponentRequest request) where TReply : ComponentReply =>
        inner.CallAsync<TReply>(caller.CallTarget(component), request);
}
