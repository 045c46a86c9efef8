using AlgoSpace.Grains.Kernel.Run;

namespace AlgoSpace.Tests.Kernel;

/// <summary>docs/architecture.md's step table says what <see cref="RunSequence"/> does: they cannot drift apart.</summary>
public sealed class RunSequenceDocsTests
{
    /// <summary>The table's operation columns, in the order of the table.</summary>
    private static readonly RunOperation[] Columns =
        [RunOperation.Startup, RunOperation.Shutdown, RunOperation.Emergency, RunOperation.ModeSwitch, RunOperation.SwitchedBacktestEnd,
         RunOperation.HandOver, RunOperation.Recovery, RunOperation.Rebalance];

    [Fact]
    public void The_table_has_a_column_for_every_operation() =>
        Assert.Equal(Enum.GetValues<RunOperation>().Order(), Columns.Order());

    [Fact]
    public void The_step_table_in_the_architecture_document_matches_the_sequence()
    {
        var rows = TableRows().ToDictionary(r => r[0].Trim('`'));

        Assert.Equal(RunSequence.Steps.Keys.Select(s => s.ToString()).Order(), rows.Keys.Order());
        foreach (var (step, definition) in RunSequence.Steps)
        {
            var row = rows[step.ToString()];
            Assert.Equal(definition.Name, row[1]);
            var keys = new[] { definition.TimeoutKey, definition.EmergencyTimeoutKey }.OfType<string>().Select(k => $"`{k}`");
            Assert.Equal(string.Join(", ", keys), row[2]);
            for (var column = 0; column < Columns.Length; column++)
            {
                var places = RunSequence.Operations[Columns[column]].Select((s, i) => (s, i + 1)).Where(p => p.s == step).Select(p => p.Item2.ToString());
                Assert.True(string.Join(", ", places) == row[3 + column],
                    $"{step} in {Columns[column]}: the code has it at '{string.Join(", ", places)}', the table says '{row[3 + column]}'");
            }
        }
    }

    private static IEnumerable<string[]> TableRows()
    {
        var lines = File.ReadAllLines(RepositoryRoot.File("docs", "architecture.md"));
        var section = lines.SkipWhile(l => l != "## The run sequence").Skip(1).TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal));
        return section
            .Where(l => l.StartsWith("| `", StringComparison.Ordinal))
            .TakeWhile(_ => true)
            .Select(l => l.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray())
            .Where(cells => cells.Length == 3 + Columns.Length);
    }
}
