using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Interfaces.Kernel;

namespace AlgoSpace.Silo.Lifecycle;

/// <summary>
/// Watches the cluster's membership while the run runs and tells the kernel when another silo is gone: declared dead
/// after a crash (SIGKILL, a lost machine) or departed after a graceful stop. The kernel then restores the run from
/// its last committed checkpoint on the silos that remain (docs/architecture.md, "Hand-over and recovery"). Every
/// surviving silo reports, so that the report does not depend on one silo; the kernel recovers once per lost silo.
/// The report also registers this silo's observer again: a kernel that moved with the lost silo forgot it. A silo
/// that turns Active is reported too: with several symbols the kernel gives it its share of the pipelines at the next
/// checkpoint (docs/architecture.md, "Silos joining and leaving").
/// </summary>
public sealed partial class ClusterWatcher(
    IClusterMembershipService membership,
    IGrainFactory grains,
    KernelObserver observer,
    ILocalSiloDetails local,
    AlgoSpaceSettings settings,
    ILogger<ClusterWatcher> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    /// <summary>After the run's startup, and stopped before its shutdown: a silo that is itself stopping reports nothing.</summary>
    public const int Stage = AlgoSpaceStages.Run + 50;

    private readonly CancellationTokenSource _stop = new();
    private Task _watching = Task.CompletedTask;
    private IKernelObserver? _reference;

    private IKernelGrain Kernel => grains.GetGrain<IKernelGrain>(KernelKeys.Kernel);

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe($"AlgoSpace.{nameof(ClusterWatcher)}", Stage, _ =>
        {
            _watching = Task.Run(() => WatchAsync(membership.CurrentSnapshot, _stop.Token));
            return Task.CompletedTask;
        }, async _ =>
        {
            await _stop.CancelAsync();
            await _watching;
        });

    private async Task WatchAsync(ClusterMembershipSnapshot known, CancellationToken stop)
    {
        try
        {
            await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(stop))
            {
                foreach (var gone in Gone(known, snapshot, local.SiloAddress))
                {
                    LogGone(logger, gone.SiloAddress.ToString(), gone.Name);
                    await ReportAsync(gone, "left", kernel => kernel.RecoverAsync(gone.SiloAddress.ToString(), $"silo {gone.SiloAddress} ({gone.Name}) left the cluster"), stop);
                }

                // One symbol: nothing to spread, so nothing to tell.
                foreach (var joined in settings.Symbols.Count > 1 ? Joined(known, snapshot, local.SiloAddress) : [])
                {
                    LogJoined(logger, joined.SiloAddress.ToString(), joined.Name);
                    await ReportAsync(joined, "joined", kernel => kernel.SiloJoinedAsync(joined.SiloAddress.ToString()), stop);
                }

                known = snapshot;
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    /// <summary>The silos that were members in <paramref name="before"/> and are dead in <paramref name="after"/>, other than <paramref name="self"/>.</summary>
    public static IEnumerable<ClusterMember> Gone(ClusterMembershipSnapshot before, ClusterMembershipSnapshot after, SiloAddress self) =>
        after.Members.Values.Where(m => m.Status == SiloStatus.Dead && !m.SiloAddress.Equals(self)
            && before.GetSiloStatus(m.SiloAddress) is SiloStatus.Active or SiloStatus.Joining or SiloStatus.ShuttingDown or SiloStatus.Stopping);

    /// <summary>The silos that are active in <paramref name="after"/> and were not in <paramref name="before"/>, other than <paramref name="self"/>.</summary>
    public static IEnumerable<ClusterMember> Joined(ClusterMembershipSnapshot before, ClusterMembershipSnapshot after, SiloAddress self) =>
        after.Members.Values.Where(m => m.Status == SiloStatus.Active && !m.SiloAddress.Equals(self)
            && before.GetSiloStatus(m.SiloAddress) is not SiloStatus.Active);

    private async Task ReportAsync(ClusterMember silo, string what, Func<IKernelGrain, Task> tell, CancellationToken stop)
    {
        // A kernel that lived on a lost silo comes back on a survivor at this call, from its saved record; a call
        // that fails (its activation is moving too) is tried again, for as long as this silo runs.
        for (var attempt = 1; !stop.IsCancellationRequested; attempt++)
        {
            try
            {
                _reference ??= grains.CreateObjectReference<IKernelObserver>(observer);
                await Kernel.ObserveAsync(_reference);
                await tell(Kernel);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogReportFailed(logger, silo.SiloAddress.ToString(), what, attempt, ex.Message);
                await Task.Delay(TimeSpan.FromMilliseconds(200 * Math.Min(attempt, 10)), stop);
            }
        }
    }

    [LoggerMessage(EventId = 138, Level = LogLevel.Warning, Message = "Silo {Silo} ({Name}) has left the cluster; the kernel is told, to restore the run on the silos that remain")]
    private static partial void LogGone(ILogger logger, string silo, string name);

    [LoggerMessage(EventId = 139, Level = LogLevel.Warning, Message = "The kernel could not be told that silo {Silo} {What} (attempt {Attempt}): {Error}")]
    private static partial void LogReportFailed(ILogger logger, string silo, string what, int attempt, string error);

    [LoggerMessage(EventId = 149, Level = LogLevel.Information, Message = "Silo {Silo} ({Name}) has joined the cluster; the kernel is told, to give it its share of the pipelines")]
    private static partial void LogJoined(ILogger logger, string silo, string name);
}
