namespace AlgoSpace.Client.Commands;

/// <summary>
/// Ctrl+C cancels the command that is running (ending a watch or a wait) instead of killing the client, so that the
/// interactive prompt survives it; a second Ctrl+C, or one at the prompt, ends the process as usual.
/// </summary>
public sealed class CommandCancellation
{
    private CancellationTokenSource? current;

    public CancellationToken Begin()
    {
        current = new CancellationTokenSource();
        return current.Token;
    }

    public void End()
    {
        current?.Dispose();
        current = null;
    }

    /// <summary>Cancels the running command; false when there is none (or it was already cancelled).</summary>
    public bool CancelCurrent()
    {
        if (current is not { IsCancellationRequested: false } running) return false;
        running.Cancel();
        return true;
    }
}
