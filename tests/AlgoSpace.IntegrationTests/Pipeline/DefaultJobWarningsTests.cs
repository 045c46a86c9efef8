using System.Collections.Concurrent;
using AlgoSpace.Grains.InProcess;
using AlgoSpace.Grains.Models;
using AlgoSpace.Tests.Kernel;
using Microsoft.Extensions.Logging;

namespace AlgoSpace.Tests.Pipeline;

/// <summary>
/// A warning in a normal run of the default job is a defect (issue 12): the whole default job (settings/settings.yaml,
/// the shipped 20-day sample, the committed models) through the in-process runner, which builds and hosts the
/// components with the same shell as the silo, writes nothing at Warning or above.
/// </summary>
public sealed class DefaultJobWarningsTests
{
    [Fact]
    public async Task The_default_job_logs_no_warning()
    {
        var root = DefaultJobFiles.NewTree("algospace-default-warnings-");
        var recorder = new RecordingProvider();
        try
        {
            var yaml = File.ReadAllText(RepositoryRoot.File("settings", "settings.yaml")) + "\ntelemetry:\n  enabled: false\n";
            var settings = TestSystem.LoadSettings(yaml, root);
            using var loggers = LoggerFactory.Create(logging => logging.SetMinimumLevel(LogLevel.Information).AddProvider(recorder));
            using var models = new ModelLoader(loggers.CreateLogger<ModelLoader>()).Load(ModelSource.FromSettings(settings));
            var result = await new InProcessRunner(settings, TestSystem.Registry, loggers, models).RunAsync();
            Assert.Null(result.FatalError);

            // The recorder sees the run (so an empty list below means no warnings, not no logging): its trades and
            // the components' figures against their handler budgets.
            Assert.Contains(recorder.Entries, e => e.EventId == 451);
            Assert.Contains(recorder.Entries, e => e.EventId == 453);
            var warnings = recorder.Entries.Where(e => e.Level >= LogLevel.Warning).Select(e => $"{e.Category}[{e.EventId}] {e.Level}: {e.Message}").ToList();
            Assert.True(warnings.Count == 0, "The default job logged warnings:\n" + string.Join("\n", warnings));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private sealed class RecordingProvider : ILoggerProvider
    {
        public ConcurrentQueue<(string Category, LogLevel Level, int EventId, string Message)> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(RecordingProvider provider, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                provider.Entries.Enqueue((category, logLevel, eventId.Id, formatter(state, exception)));
        }
    }
}
