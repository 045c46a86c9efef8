using AlgoSpace.Client;
using AlgoSpace.Client.Commands;
using AlgoSpace.Client.Connection;
using AlgoSpace.Client.Rendering;
using Spectre.Console.Testing;

namespace AlgoSpace.Tests.Client;

/// <summary>
/// Runs the client's command line in-process: Spectre's TestConsole for terminal output, string writers for plain
/// output and errors, an environment of the test's own, and a connection to the test's cluster (or the real
/// connector when no grain factory is given).
/// </summary>
public sealed class ClientHarness(IGrainFactory? grains = null)
{
    public TestConsole Console { get; } = new TestConsole().Width(220);
    public StringWriter Out { get; } = new LockedStringWriter();
    public StringWriter Error { get; } = new LockedStringWriter();
    public Dictionary<string, string> Environment { get; } = [];

    /// <summary>What Ctrl+C would cancel: the command that is running.</summary>
    public CommandCancellation Cancellation { get; } = new();

    public ClientOutput Output(bool rich) => new(Console, Out, Error, rich);

    public Task<int> RunAsync(params string[] args) => RunAsync(rich: false, input: "", args);

    public Task<int> RunAsync(bool rich, string input, params string[] args) =>
        ClientProgram.RunAsync(args, Output(rich), new StringReader(input), name => Environment.GetValueOrDefault(name),
            settings => grains is null ? new OrleansClusterConnector(settings) : new FixedConnector(grains), Cancellation);

    /// <summary>What a plain-mode run wrote to stdout and stderr, for assertion messages.</summary>
    public override string ToString() => $"stdout:\n{Out}\nstderr:\n{Error}\nconsole:\n{Console.Output}";

    private sealed class FixedConnector(IGrainFactory grains) : IClusterConnector, IClusterConnection
    {
        public IGrainFactory Grains => grains;

        public Task<IClusterConnection> ConnectAsync(CancellationToken cancellation) => Task.FromResult<IClusterConnection>(this);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    /// <summary>A string writer a test may read while a watching command writes to it.</summary>
    private sealed class LockedStringWriter : StringWriter
    {
        private readonly Lock gate = new();

        public override void Write(char value) { lock (gate) base.Write(value); }

        public override void Write(string? value) { lock (gate) base.Write(value); }

        public override void Write(char[] buffer, int index, int count) { lock (gate) base.Write(buffer, index, count); }

        public override void Write(ReadOnlySpan<char> buffer) { lock (gate) base.Write(buffer); }

        public override string ToString() { lock (gate) return base.ToString(); }
    }
}
