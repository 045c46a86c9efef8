namespace AlgoSpace.Grains.Interfaces.Kernel;

/// <summary>Why the system stopped: what a silo host acts on (an operator's stop lingers so the console sees it).</summary>
public enum StopReason
{
    /// <summary>A backtest reached the end of its data.</summary>
    BacktestComplete,

    /// <summary>A component published SHUTDOWN_REQUEST, or a test or host asked the kernel to stop.</summary>
    Requested,

    /// <summary>The operator's console asked for a shutdown.</summary>
    Operator,

    /// <summary>A silo received a signal (SIGINT, SIGTERM, SIGQUIT).</summary>
    Signal,

    /// <summary>The emergency path ran: a fatal error, a checkpoint that cannot be written, a shutdown past its timeout.</summary>
    Emergency,
}
