using AlgoSpace.Grains.Components;
using AlgoSpace.Grains.Interfaces.Checkpoints;
using AlgoSpace.Grains.Interfaces.Components;
using AlgoSpace.Grains.Interfaces.Components.Calls;
using AlgoSpace.Grains.Interfaces.Events;
using AlgoSpace.Grains.Interfaces.Kernel;
using AlgoSpace.Grains.Kernel;
using AlgoSpace.Grains.Reporting;

namespace AlgoSpace.Tests.Kernel;

/// <summary>
/// The kernel's ports without Orleans: component hosts that record what the kernel asks of them, an in-memory
/// checkpoint record and kernel record, and operations scheduled inline. Lets a unit test drive the kernel's
/// operations (<see cref="KernelOperations"/>) and read what they did, in order.
/// </summary>
internal sealed class KernelFakes : IKernelPorts, IKernelStateStore
{
    private readonly Dictionary<string, FakeHost> _hosts = new(StringComparer.Ordinal);

    public List<string> Calls { get; } = [];

    public List<CheckpointCommit> Commits { get; } = [];

    public List<(int ExitCode, StopReason Reason, string Detail)> Stops { get; } = [];

    public KernelState State { get; set; } = new();

    public Task WriteAsync() => Task.CompletedTask;

    public IComponentHostGrain Host(string component) => Fake(component);

    private FakeHost Fake(string component) =>
        _hosts.TryGetValue(component, out var host) ? host : _hosts[component] = new FakeHost(component, Calls, this);

    /// <summary>Makes every checkpoint call to <paramref name="component"/>'s host fail with <paramref name="failure"/> (null: succeed again).</summary>
    public void FailCheckpoints(string component, Exception? failure) => Fake(component).CheckpointFailure = failure;

    /// <summary>Says that <paramref name="component"/> has sent <paramref name="deliveries"/> deliveries on the bus (the drain balances them).</summary>
    public void SetSent(string component, long deliveries) => Fake(component).Sent = deliveries;

    public ICheckpointGrain Checkpoints => new FakeCheckpoints(Commits);

    /// <summary>Operations run as flows of their own; <see cref="IdleAsync"/> waits for all of them.</summary>
    private readonly List<Task> _scheduled = [];

    /// <summary>While set, scheduled operations wait for it before they run: a test holds them to act while they are due.</summary>
    public Task? Hold { get; set; }

    public Task Schedule(Func<Task> operation)
    {
        var hold = Hold;
        var flow = Task.Run(async () =>
        {
            if (hold is not null) await hold;
            await operation();
        });
        lock (_scheduled) _scheduled.Add(flow);
        return flow;
    }

    public async Task IdleAsync()
    {
        while (true)
        {
            List<Task> flows;
            lock (_scheduled) flows = _scheduled.Where(t => !t.IsCompleted).ToList();
            if (flows.Count == 0) return;
            await Task.WhenAll(flows);
        }
    }

    public IEnumerable<IRunReportSink> ReportSinks => [];

    public void NotifyStopped(int exitCode, StopReason reason, string detail) => Stops.Add((exitCode, reason, detail));

    /// <summary>The silos a test says are active members of the cluster.</summary>
    public HashSet<string> ActiveSilos { get; } = [];

    public bool IsActiveSilo(string silo) => ActiveSilos.Contains(silo);

    /// <summary>Addresses written as Orleans writes them: S{ip}:{port}:{generation}.</summary>
    IReadOnlyList<SiloAddress> IKernelPorts.ActiveSilos() => ActiveSilos.Select(Address).ToList();

    public static SiloAddress Address(string silo)
    {
        var parts = silo.TrimStart('S').Split(':');
        return SiloAddress.New(System.Net.IPAddress.Parse(parts[0]), int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Where a released host's next activation lands (the placement director's choice); unset: it stays.</summary>
    public Func<string, string?>? PlaceReleased { get; set; }

    /// <summary>The membership table's rows a test sets; <see cref="MembershipUnreadable"/> makes the read fail instead.</summary>
    public List<SiloMember> Silos { get; } = [];

    public bool MembershipUnreadable { get; set; }

    public Task<IReadOnlyList<SiloMember>> ReadSilosAsync() => MembershipUnreadable
        ? Task.FromException<IReadOnlyList<SiloMember>>(new InvalidOperationException("the membership table is unreachable"))
        : Task.FromResult<IReadOnlyList<SiloMember>>([.. Silos]);

    /// <summary>Says that <paramref name="component"/>'s host runs on silo <paramref name="silo"/> (null: the host does not answer).</summary>
    public void Place(string component, string? silo) => Fake(component).Silo = silo;

    public void StartSampling() => Calls.Add("kernel: sampling");

    public void StopSampling()
    {
    }

    private sealed class FakeCheckpoints(List<CheckpointCommit> commits) : ICheckpointGrain
    {
        public Task<CheckpointCommit> GetCommittedAsync() => Task.FromResult(commits.LastOrDefault() ?? CheckpointCommit.None(""));

        public Task CommitAsync(CheckpointCommit commit)
        {
            commits.Add(commit);
            return Task.CompletedTask;
        }

        public Task ResetAsync(string runId)
        {
            commits.Clear();
            return Task.CompletedTask;
        }
    }

    /// <summary>A host whose component does nothing: every call is recorded as "name: call".</summary>
    private sealed class FakeHost(string name, List<string> calls, KernelFakes fakes) : IComponentHostGrain
    {
        public long Sent { get; set; }

        public string? Silo { get; set; } = "S127.0.0.1:11111:1";

        private Task Record(string call)
        {
            calls.Add($"{name}: {call}");
            return Task.CompletedTask;
        }

        public Task<ComponentInitResult> InitializeAsync(ComponentSpec spec, RestorePoint restore)
        {
            calls.Add($"{name}: initialize{(restore.Resume ? $" from {restore.Epoch}" : "")}{(restore.Recovery > 0 ? $" (recovery {restore.Recovery})" : "")}");
            return Task.FromResult(new ComponentInitResult(ComponentState.Initialized, null, restore.Resume, []));
        }

        public Task WireAsync(ComponentWiring wiring) => Record("wire");

        public Task StartAsync() => Record("start");

        public Task StopDataAsync() => Record("stop data");

        public Task HaltDataAsync() => Record("halt data");

        public Task AcknowledgeAsync(long deliveryId) => Task.CompletedTask;

        public Task ProtectPositionsAsync(BookProtection protection) => Record(protection.Flatten ? "flatten" : "cancel orders");

        public Exception? CheckpointFailure { get; set; }

        public Task CheckpointAsync(long epoch, long committedEpoch, DateTime simTime) =>
            CheckpointFailure is { } failure ? Task.FromException(failure) : Record($"checkpoint {epoch}");

        public Task StopAsync() => Record("stop");

        public Task ReleaseAsync()
        {
            if (fakes.PlaceReleased?.Invoke(name) is { } silo) Silo = silo;
            return Record("release");
        }

        public Task DeliverAsync(EventEnvelope envelope) => Task.CompletedTask;

        public Task<BusCounters> GetCountersAsync() =>
            Task.FromResult(new BusCounters(name, Sent, 0, 0, new Dictionary<string, long>(), new Dictionary<string, long>(), 0));

        public async Task<ComponentHealthSample> GetHealthAsync() =>
            Silo is { } silo ? new(await GetCountersAsync(), "", [], silo) : throw new TimeoutException($"{name}'s host does not answer");

        public Task<ComponentReply> CallAsync(ComponentRequest request) =>
            Task.FromException<ComponentReply>(new ComponentCallException($"{name} answers nothing in this test"));

        public Task<string> QueryAsync(string question) => Task.FromResult("");
    }
}
