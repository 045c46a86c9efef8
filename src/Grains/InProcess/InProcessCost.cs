namespace AlgoSpace.Grains.InProcess;

/// <summary>
/// What one component cost in an in-process run: events handled and the time spent in its own handler, without
/// the handlers of the events it published (delivery is synchronous, so those run inside its call and are taken
/// off).
/// </summary>
public sealed record InProcessCost(string Component, long Handled, TimeSpan SelfTime)
{
    public double MicrosecondsPerEvent => Handled == 0 ? 0 : SelfTime.TotalMicroseconds / Handled;
}
