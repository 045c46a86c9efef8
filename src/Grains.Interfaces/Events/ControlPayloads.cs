namespace AlgoSpace.Grains.Interfaces.Events;

// Payloads of the control events the kernel consumes or produces (component-contracts section 1).

/// <summary>SYSTEM_ERROR: a component reports an error; a critical one shuts the system down.</summary>
[GenerateSerializer, Immutable]
public sealed record SystemErrorPayload(
    [property: Id(0)] string Component,
    [property: Id(1)] string ErrorType,
    [property: Id(2)] string Message,
    [property: Id(3)] bool Critical) : EventPayload;

/// <summary>SHUTDOWN_REQUEST: a component asks for a graceful shutdown.</summary>
[GenerateSerializer, Immutable]
public sealed record ShutdownRequestPayload([property: Id(0)] string Reason) : EventPayload;

/// <summary>BACKTEST_COMPLETE: the data handler reached the end of its input.</summary>
[GenerateSerializer, Immutable]
public sealed record BacktestCompletePayload(
    [property: Id(0)] long TotalRows,
    [property: Id(1)] long ErrorCount,
    [property: Id(2)] long SuccessCount) : EventPayload;

/// <summary>SYSTEM_START, SYSTEM_SHUTDOWN, COMPONENT_STARTED, COMPONENT_STOPPED.</summary>
[GenerateSerializer, Immutable]
public sealed record LifecyclePayload([property: Id(0)] string? Component, [property: Id(1)] string? Detail) : EventPayload;

/// <summary>CONNECTION_LOST and CONNECTION_RESTORED.</summary>
[GenerateSerializer, Immutable]
public sealed record ConnectionPayload(
    [property: Id(0)] string Component,
    [property: Id(1)] string? Reason,
    [property: Id(2)] int? Attempt) : EventPayload;
