namespace AlgoSpace.Grains.Components;

/// <summary>A failure worth retrying (FR-SK-06 runtime error): the host retries with exponential backoff and jitter.</summary>
public sealed class TransientComponentException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>An unrecoverable state (FR-SK-06 fatal error): the kernel runs the emergency shutdown with position protection.</summary>
public sealed class FatalComponentException(string message, Exception? inner = null) : Exception(message, inner);
