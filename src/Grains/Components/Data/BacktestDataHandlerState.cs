namespace AlgoSpace.Components.Data;

/// <summary>
/// What the backtest data handler saves so that a restart resumes where it stopped, without publishing a tick
/// twice (component-contracts 2.1 State; the validator window is saved too, so that the resumed run decides
/// exactly as an unbroken one would). <see cref="CompletePublished"/> keeps a finished replay from announcing
/// BACKTEST_COMPLETE again.
/// </summary>
[GenerateSerializer]
public sealed record BacktestDataHandlerState(
    [property: Id(0)] TickSourceSnapshot Source,
    [property: Id(1)] bool CompletePublished);
