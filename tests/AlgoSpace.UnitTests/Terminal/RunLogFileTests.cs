using System.Text.Json;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Silo.Logging;
using Microsoft.Extensions.Logging;

namespace AlgoSpace.Tests.Terminal;

public sealed class RunLogFileTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("algospace-runlog-");

    private string Output => Path.Combine(_root.FullName, "output");

    [Fact]
    public void Lines_logged_before_the_run_folder_is_known_come_first_in_its_silo_log()
    {
        var folder = Path.Combine(Output, "run-1");
        using (var file = new RunLogFile(LogFormat.Console, Output))
        {
            var logger = file.CreateLogger("AlgoSpace.Test");
            logger.LogInformation(new EventId(1), "before");
            Assert.Null(file.Path);

            Assert.Equal(Path.Combine(folder, "silo.log"), file.Open(folder));
            logger.LogWarning(new EventId(2), "after");
            Assert.Equal(1, file.Warnings);
        }

        var lines = File.ReadAllLines(Path.Combine(folder, "silo.log"));
        Assert.Equal(2, lines.Length);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z info: AlgoSpace\.Test\[1\] before$", lines[0]);
        Assert.EndsWith("warn: AlgoSpace.Test[2] after", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_silo_of_the_same_run_on_this_machine_writes_its_own_file()
    {
        var folder = Path.Combine(Output, "run-1");
        using var first = new RunLogFile(LogFormat.Console, Output);
        using var second = new RunLogFile(LogFormat.Console, Output);

        Assert.Equal(Path.Combine(folder, "silo.log"), first.Open(folder));
        Assert.Equal(Path.Combine(folder, "silo-2.log"), second.Open(folder));
    }

    [Fact]
    public void A_resumed_run_appends_to_its_log()
    {
        var folder = Path.Combine(Output, "run-1");
        foreach (var incarnation in new[] { "first", "second" })
        {
            using var file = new RunLogFile(LogFormat.Console, Output);
            file.Open(folder);
            file.CreateLogger("AlgoSpace.Test").LogInformation("{Incarnation}", incarnation);
        }

        var lines = File.ReadAllLines(Path.Combine(folder, "silo.log"));
        Assert.Equal(2, lines.Length);
        Assert.EndsWith("first", lines[0], StringComparison.Ordinal);
        Assert.EndsWith("second", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_run_continues_the_log_in_its_own_folder_and_says_so_in_the_old_one()
    {
        using (var file = new RunLogFile(LogFormat.Console, Output))
        {
            file.Open(Path.Combine(Output, "run-1"));
            file.Open(Path.Combine(Output, "run-2"));
            file.CreateLogger("AlgoSpace.Test").LogInformation("in the second run");
        }

        var second = Path.Combine(Output, "run-2", "silo.log");
        Assert.Equal($"(the log continues in {second})", File.ReadAllLines(Path.Combine(Output, "run-1", "silo.log")).Single());
        Assert.EndsWith("in the second run", File.ReadAllLines(second).Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_process_that_never_started_a_run_keeps_its_log_in_the_output_folder()
    {
        using (var file = new RunLogFile(LogFormat.Console, Output))
        {
            file.CreateLogger("AlgoSpace.Test").LogCritical("A critical component failed to start");
            Assert.Equal(1, file.Errors);
        }

        var log = Assert.Single(Directory.GetFiles(Output, "silo-*.log"));
        Assert.Contains("crit: AlgoSpace.Test[0] A critical component failed to start", File.ReadAllText(log), StringComparison.Ordinal);
    }

    [Fact]
    public void Json_lines_carry_the_message_and_its_fields_as_numbers()
    {
        var folder = Path.Combine(Output, "run-1");
        using (var file = new RunLogFile(LogFormat.Json, Output))
        {
            file.Open(folder);
            file.CreateLogger("AlgoSpace.Test").LogInformation(new EventId(1510), "Run report: {Trades} trades, net {NetPnl:F2} in {Folder}", 6, -5620.0, "/out/run-1");
        }

        using var json = JsonDocument.Parse(File.ReadAllLines(Path.Combine(folder, "silo.log")).Single());
        var root = json.RootElement;
        Assert.Equal(1510, root.GetProperty("EventId").GetInt32());
        Assert.Equal("Information", root.GetProperty("LogLevel").GetString());
        Assert.Equal("AlgoSpace.Test", root.GetProperty("Category").GetString());
        Assert.Equal("Run report: 6 trades, net -5620.00 in /out/run-1", root.GetProperty("Message").GetString());
        Assert.Equal(6, root.GetProperty("State").GetProperty("Trades").GetInt32());
        Assert.Equal(-5620.0, root.GetProperty("State").GetProperty("NetPnl").GetDouble());
        Assert.Equal("/out/run-1", root.GetProperty("State").GetProperty("Folder").GetString());
    }

    public void Dispose() => _root.Delete(recursive: true);
}
