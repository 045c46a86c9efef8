using System.IO.Compression;
using System.Security.Cryptography;
using AlgoSpace.MarketData.Sample;

namespace AlgoSpace.Tests.Components.Data;

public sealed class SampleTickGeneratorTests
{
    private static byte[] Csv(SampleTickOptions options)
    {
        using var writer = new StringWriter();
        new SampleTickGenerator(options).WriteCsv(writer);
        return System.Text.Encoding.UTF8.GetBytes(writer.ToString());
    }

    [Fact]
    public void The_same_seed_gives_identical_bytes_and_another_seed_different_ones()
    {
        var options = new SampleTickOptions { Seed = 42, Days = 2, TicksPerDay = 2_000 };
        Assert.Equal(SHA256.HashData(Csv(options)), SHA256.HashData(Csv(options)));
        Assert.NotEqual(SHA256.HashData(Csv(options)), SHA256.HashData(Csv(options with { Seed = 43 })));
    }

    [Fact]
    public void The_ticks_are_on_the_grid_in_sessions_on_weekdays_and_pass_the_data_handlers_checks()
    {
        // 2024-01-05 is a Friday: the three days are Friday, Monday and Tuesday.
        var options = new SampleTickOptions { Seed = 1, Days = 3, Start = new DateOnly(2024, 1, 5), TicksPerDay = 3_000 };
        using var file = TempDataFile.WithBytes(Csv(options));
        var run = TickSourceRun.Of(file.Path);
        Assert.Empty(run.Issues);

        var ticks = run.Plain;
        Assert.Equal([new DateOnly(2024, 1, 5), new DateOnly(2024, 1, 8), new DateOnly(2024, 1, 9)], ticks.Select(t => DateOnly.FromDateTime(t.Timestamp)).Distinct());
        Assert.All(ticks, t =>
        {
            Assert.InRange(t.Timestamp.TimeOfDay, new TimeSpan(9, 30, 0), new TimeSpan(0, 15, 59, 59, 999));
            Assert.Equal(0, t.Price % 0.25);
            Assert.True(t.Volume >= 1);
        });
        Assert.InRange(ticks.Count, 3 * 3_000 * 0.9, 3 * 3_000 * 1.1);
    }

    [Fact]
    public void Trading_is_busier_at_the_open_and_close_than_at_midday()
    {
        var ticks = new SampleTickGenerator(new SampleTickOptions { Seed = 3, Days = 2 }).Generate().ToList();
        int CountBetween(int fromMinute, int toMinute) =>
            ticks.Count(t => t.Timestamp.TimeOfDay >= TimeSpan.FromMinutes(fromMinute) && t.Timestamp.TimeOfDay < TimeSpan.FromMinutes(toMinute));
        var open = CountBetween(570, 600);
        var midday = CountBetween(735, 765);
        var close = CountBetween(930, 960);
        Assert.True(open > 2 * midday && close > 2 * midday, $"open {open}, midday {midday}, close {close}");
    }

    [Fact]
    public void The_committed_sample_is_what_its_documented_command_writes()
    {
        var committed = File.ReadAllBytes(RepositoryRoot.File("data", "sample", "ES-ticks-sample.csv"));
        var generated = Csv(new SampleTickOptions { Seed = 42, Days = 5, Start = new DateOnly(2024, 1, 2) });
        Assert.True(committed.AsSpan().SequenceEqual(generated),
            "data/sample/ES-ticks-sample.csv differs from the generator's output; regenerate it with the command in data/sample/README.md");
    }

    [Fact]
    public void The_committed_samples_are_unchanged_and_still_what_the_generator_writes()
    {
        // Pinned, so that regenerating the file to match a changed generator fails here: the tests and the default job depend on these ticks.
        var sample = File.ReadAllBytes(RepositoryRoot.File("data", "sample", "ES-ticks-sample.csv"));
        Assert.Equal("ac4a697ac45eaeee7916a9e503a24c22ca28f9f6f624de59d8fb6fc6fafece16", Convert.ToHexStringLower(SHA256.HashData(sample)));

        // The default job's file, the README's command with --session 01:00-23:30 (compared uncompressed: gzip -9 -n made it).
        using var gzip = new GZipStream(File.OpenRead(RepositoryRoot.File("data", "sample", "ES-ticks-eth-20d.csv.gz")), CompressionMode.Decompress);
        using var committed = new MemoryStream();
        gzip.CopyTo(committed);
        Assert.Equal("df270eec65c952517341a914fa17c700802f80365c9c79eaf449d9cd7143577e", Convert.ToHexStringLower(SHA256.HashData(committed.ToArray())));
        var generated = Csv(new SampleTickOptions
        {
            Seed = 42, Days = 20, Start = new DateOnly(2024, 1, 2), SessionOpen = new TimeOnly(1, 0), SessionClose = new TimeOnly(23, 30),
        });
        Assert.True(committed.ToArray().AsSpan().SequenceEqual(generated), "data/sample/ES-ticks-eth-20d.csv.gz differs from the generator's output");
    }

    [Fact]
    public void A_gz_path_gets_the_same_csv_compressed()
    {
        var options = new SampleTickOptions { Seed = 5, Days = 1, TicksPerDay = 1_000 };
        using var file = TempDataFile.Empty("ticks.csv.gz");
        var count = new SampleTickGenerator(options).WriteCsv(file.Path);
        using var gzip = new GZipStream(File.OpenRead(file.Path), CompressionMode.Decompress);
        using var text = new MemoryStream();
        gzip.CopyTo(text);
        Assert.True(text.ToArray().AsSpan().SequenceEqual(Csv(options)));
        Assert.Equal(count, TickSourceRun.Of(file.Path).Plain.Count);
    }
}
