using System.Globalization;
using System.Text;
using AlgoSpace.Benchmarks.Process;
using AlgoSpace.MarketData.Sample;

namespace AlgoSpace.Benchmarks.Soak;

/// <summary>
/// The soak's input: the first N ticks of a deterministic generated file, written once and kept under
/// output/bench/soak-data/ for the next run. The generator is tools/DataGenerator's (<see cref="SampleTickGenerator"/>)
/// with the default job's shape (16,000 ticks a day, session 01:00-23:30, as data/sample/ES-ticks-eth-20d.csv.gz), so a
/// long file is many simulated days, bars and checkpoints rather than a few dense days; the file is byte for byte the
/// head of <c>DataGenerator --seed 7 --days D --start 2024-01-02 --session 01:00-23:30 --out PATH</c>.
/// </summary>
public static class SoakData
{
    public static readonly SampleTickOptions Shape = new()
    {
        Seed = 7,
        Start = new DateOnly(2024, 1, 2),
        SessionOpen = new TimeOnly(1, 0),
        SessionClose = new TimeOnly(23, 30),
    };

    /// <summary>Inside output/, which the silo's path rules accept as the output folder's.</summary>
    public static string Folder => Path.Combine(SiloLocator.RepositoryRoot, "output", "bench", "soak-data");

    /// <summary>The cached file of <paramref name="ticks"/> ticks, generated first if it is not there yet.</summary>
    public static async Task<string> EnsureAsync(long ticks, TextWriter progress)
    {
        var path = Path.Combine(Folder, $"ES-soak-seed{Shape.Seed}-{ticks}.csv");
        if (File.Exists(path)) return path;

        Directory.CreateDirectory(Folder);
        await progress.WriteLineAsync($"soak: generating {ticks:N0} ticks into {path}");
        // A day has 16,000 ticks on average; enough days that the head always has N, taken in generation order.
        var days = (int)Math.Min(int.MaxValue, ticks / Shape.TicksPerDay * 11 / 10 + 2);
        var generator = new SampleTickGenerator(Shape with { Days = days });
        var partial = path + $".{Environment.ProcessId}.partial";
        long written = 0;
        await using (var writer = new StreamWriter(partial, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
        {
            writer.Write(SampleTickGenerator.Header);
            writer.Write('\n');
            var line = new StringBuilder(48);
            foreach (var tick in generator.Generate().Take((int)Math.Min(ticks, int.MaxValue)))
            {
                // The same text as SampleTickGenerator.WriteCsv.
                line.Clear()
                    .Append(tick.Timestamp.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture))
                    .Append(',').Append(tick.Price.ToString("0.00", CultureInfo.InvariantCulture))
                    .Append(',').Append(tick.Volume.ToString(CultureInfo.InvariantCulture))
                    .Append('\n');
                writer.Write(line);
                written++;
            }
        }

        if (written != ticks) throw new InvalidOperationException($"the generator gave {written:N0} ticks over {days} days, not {ticks:N0}");
        File.Move(partial, path, overwrite: true);
        return path;
    }
}
