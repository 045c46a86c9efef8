namespace AlgoSpace.Grains.Components.Execution;

/// <summary>A failed pre-trade check: its code (<see cref="RejectionCodes"/>), an explanation and the values behind it.</summary>
public sealed record PreTradeFailure(string Code, string Message, IReadOnlyDictionary<string, string> Context);
