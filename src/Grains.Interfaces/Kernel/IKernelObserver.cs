namespace AlgoSpace.Grains.Interfaces.Kernel;

/// <summary>A silo host (or client) that the kernel tells when the system has stopped, why, and with which exit code.</summary>
public interface IKernelObserver : IGrainObserver
{
    void OnSystemStopped(int exitCode, StopReason reason, string detail);
}
