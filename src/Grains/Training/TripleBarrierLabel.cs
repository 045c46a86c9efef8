namespace AlgoSpace.Grains.Training;

/// <summary>How a hypothetical trade placed at a synergy ended, judged on the bars that followed it.</summary>
/// <param name="Outcome">+1 the target was reached first, -1 the stop was, 0 neither within the horizon.</param>
/// <param name="RMultiple">Result in units of the stop distance: +rr at the target, -1 at the stop, the marked
/// result at the horizon otherwise.</param>
/// <param name="BarsHeld">Bars from the entry to the exit (the horizon when neither barrier was touched).</param>
public readonly record struct TripleBarrierLabel(int Outcome, double RMultiple, int BarsHeld)
{
    public bool IsWin => RMultiple > 0;
}
