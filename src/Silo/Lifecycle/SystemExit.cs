using AlgoSpace.Grains.Interfaces;

namespace AlgoSpace.Silo.Lifecycle;

/// <summary>
/// The exit code this silo process will end with, and why. The most severe code reported wins: an emergency (4)
/// is never overwritten by a later graceful stop (0).
/// </summary>
public sealed class SystemExit
{
    private readonly Lock _gate = new();

    public int Code { get; private set; } = ExitCodes.Success;
    public string? Reason { get; private set; }

    public void Report(int code, string reason)
    {
        lock (_gate)
        {
            if (code > Code || Reason is null)
            {
                Code = Math.Max(Code, code);
                Reason = reason;
            }
        }
    }
}
