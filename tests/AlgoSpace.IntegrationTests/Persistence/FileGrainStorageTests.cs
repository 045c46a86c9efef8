using AlgoSpace.Silo.Persistence;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Storage;

namespace AlgoSpace.Tests.Persistence;

/// <summary>The file provider on its own: round trips, ETags, atomic replacement, crash leftovers and file names.</summary>
public sealed class FileGrainStorageTests : IDisposable
{
    private const string StateName = "counter";

    private static readonly GrainId Grain = GrainId.Create("counter", "ES");

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static FileGrainStorage Storage(string directory) => new(
        "test",
        new FileGrainStorageOptions { Directory = directory, GrainStorageSerializer = OrleansServices.Serializer, LockTimeout = TimeSpan.FromSeconds(10) },
        OrleansServices.Activators,
        NullLogger<FileGrainStorage>.Instance);

    private static CounterState Sample(int count) => new() { Count = count, Total = count * 1.25m, Notes = [$"note {count}", "ünïcødé"] };

    private static async Task<GrainState<CounterState>> Read(FileGrainStorage storage, GrainId? grain = null)
    {
        var state = new GrainState<CounterState>();
        await storage.ReadStateAsync(StateName, grain ?? Grain, state);
        return state;
    }

    private static async Task<GrainState<CounterState>> Write(FileGrainStorage storage, CounterState value, string? etag, GrainId? grain = null)
    {
        var state = new GrainState<CounterState>(value, etag);
        await storage.WriteStateAsync(StateName, grain ?? Grain, state);
        return state;
    }

    [Fact]
    public async Task Written_state_reads_back_from_disk_in_a_new_provider_with_the_same_etag()
    {
        string? etag;
        using (var writer = Storage(_dir.Path))
        {
            var written = await Write(writer, Sample(3), etag: null);
            Assert.True(written.RecordExists);
            etag = written.ETag;
            Assert.False(string.IsNullOrEmpty(etag));
        }

        using var reader = Storage(_dir.Path);
        var read = await Read(reader);

        Assert.True(read.RecordExists);
        Assert.Equal(etag, read.ETag);
        Assert.Equal(3, read.State!.Count);
        Assert.Equal(3.75m, read.State!.Total);
        Assert.Equal(["note 3", "ünïcødé"], read.State!.Notes);
    }

    [Fact]
    public async Task Every_write_gets_a_new_etag_and_the_next_write_must_present_it()
    {
        using var storage = Storage(_dir.Path);
        var first = await Write(storage, Sample(1), etag: null);
        var second = await Write(storage, Sample(2), first.ETag);

        Assert.NotEqual(first.ETag, second.ETag);
        Assert.Equal(2, (await Read(storage)).State!.Count);
    }

    [Fact]
    public async Task Reading_a_grain_that_was_never_written_gives_no_record_no_etag_and_a_fresh_state()
    {
        using var storage = Storage(_dir.Combine("not-created-yet"));
        var read = await Read(storage);

        Assert.False(read.RecordExists);
        Assert.Null(read.ETag);
        Assert.NotNull(read.State);
        Assert.Equal(0, read.State!.Count);
        Assert.Empty(read.State!.Notes);
    }

    [Fact]
    public async Task A_write_with_a_stale_etag_throws_InconsistentStateException_naming_both_etags()
    {
        using var storage = Storage(_dir.Path);
        var first = await Write(storage, Sample(1), etag: null);
        var second = await Write(storage, Sample(2), first.ETag);

        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() => Write(storage, Sample(99), first.ETag));

        Assert.Equal(second.ETag, conflict.StoredEtag);
        Assert.Equal(first.ETag, conflict.CurrentEtag);
        Assert.Contains(second.ETag!, conflict.Message, StringComparison.Ordinal);
        Assert.Contains(first.ETag!, conflict.Message, StringComparison.Ordinal);
        Assert.Equal(2, (await Read(storage)).State!.Count);
    }

    [Fact]
    public async Task A_first_write_without_an_etag_conflicts_when_the_grain_already_has_a_state_file()
    {
        using var storage = Storage(_dir.Path);
        var existing = await Write(storage, Sample(1), etag: null);

        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() => Write(storage, Sample(2), etag: null));

        Assert.Equal(existing.ETag, conflict.StoredEtag);
        Assert.Null(conflict.CurrentEtag);
        Assert.Equal(1, (await Read(storage)).State!.Count);
    }

    [Fact]
    public async Task A_write_with_an_etag_conflicts_when_the_state_was_cleared_meanwhile()
    {
        using var storage = Storage(_dir.Path);
        var written = await Write(storage, Sample(1), etag: null);
        await storage.ClearStateAsync(StateName, Grain, new GrainState<CounterState>(Sample(1), written.ETag));

        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() => Write(storage, Sample(2), written.ETag));

        Assert.Null(conflict.StoredEtag);
        Assert.False((await Read(storage)).RecordExists);
    }

    [Fact]
    public async Task A_clear_with_a_stale_etag_throws_InconsistentStateException_and_keeps_the_state()
    {
        using var storage = Storage(_dir.Path);
        var first = await Write(storage, Sample(1), etag: null);
        var second = await Write(storage, Sample(2), first.ETag);

        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(
            () => storage.ClearStateAsync(StateName, Grain, new GrainState<CounterState>(Sample(1), first.ETag)));

        Assert.Equal(second.ETag, conflict.StoredEtag);
        Assert.Equal(first.ETag, conflict.CurrentEtag);
        var read = await Read(storage);
        Assert.True(read.RecordExists);
        Assert.Equal(2, read.State!.Count);
    }

    [Fact]
    public async Task Clear_deletes_the_file_resets_etag_and_record_exists_and_a_later_first_write_succeeds()
    {
        using var storage = Storage(_dir.Path);
        var written = await Write(storage, Sample(5), etag: null);
        var path = storage.PathOf(StateName, Grain);
        Assert.True(File.Exists(path));

        var cleared = new GrainState<CounterState>(written.State, written.ETag) { RecordExists = true };
        await storage.ClearStateAsync(StateName, Grain, cleared);

        Assert.False(File.Exists(path));
        Assert.Null(cleared.ETag);
        Assert.False(cleared.RecordExists);
        Assert.Equal(0, cleared.State!.Count);
        Assert.False((await Read(storage)).RecordExists);

        var rewritten = await Write(storage, Sample(6), cleared.ETag);
        Assert.Equal(6, (await Read(storage)).State!.Count);
        Assert.True(rewritten.RecordExists);
    }

    [Fact]
    public async Task A_stale_writer_in_a_second_silo_on_the_same_directory_loses_and_the_file_keeps_the_winners_state()
    {
        using var siloA = Storage(_dir.Path);
        using var siloB = Storage(_dir.Path);
        var original = await Write(siloA, Sample(1), etag: null);

        // Both silos read the same version (a duplicate activation during a partition, say).
        var seenByA = await Read(siloA);
        var seenByB = await Read(siloB);
        Assert.Equal(original.ETag, seenByA.ETag);
        Assert.Equal(original.ETag, seenByB.ETag);

        var winner = await Write(siloA, Sample(10), seenByA.ETag);
        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() => Write(siloB, Sample(20), seenByB.ETag));

        Assert.Equal(winner.ETag, conflict.StoredEtag);
        var final = await Read(siloB);
        Assert.Equal(10, final.State!.Count);
        Assert.Equal(winner.ETag, final.ETag);
    }

    [Fact]
    public async Task Of_many_concurrent_writers_presenting_the_same_etag_exactly_one_wins()
    {
        // Several provider instances stand for several silos; their lock files are the only thing they share.
        var silos = Enumerable.Range(0, 4).Select(_ => Storage(_dir.Path)).ToArray();
        try
        {
            var current = await Write(silos[0], Sample(0), etag: null);
            for (var round = 1; round <= 20; round++)
            {
                var etag = current.ETag;
                var attempts = silos.Select((silo, i) => Task.Run(() => Write(silo, Sample(round * 10 + i), etag))).ToArray();
                var outcomes = await Task.WhenAll(attempts.Select(async attempt =>
                {
                    try { return await attempt; }
                    catch (InconsistentStateException) { return null; }
                }));

                var winners = outcomes.Where(o => o is not null).ToArray();
                Assert.Single(winners);
                current = winners[0]!;
                var read = await Read(silos[round % silos.Length]);
                Assert.Equal(current.ETag, read.ETag);
                Assert.Equal(current.State!.Count, read.State!.Count);
            }
        }
        finally
        {
            foreach (var silo in silos) silo.Dispose();
        }
    }

    [Fact]
    public async Task A_temp_file_left_by_a_crashed_write_neither_changes_reads_nor_counts_as_state()
    {
        using var storage = Storage(_dir.Path);
        var path = storage.PathOf(StateName, Grain);

        // A crash mid-write before the grain ever had state: garbage beside a state file that does not exist.
        File.WriteAllBytes(path + FileGrainStorage.TempMarker + "crashed1", [0x41, 0x53, 0x47, 0x53, 0xFF, 0x00]);
        var beforeAnyState = await Read(storage);
        Assert.False(beforeAnyState.RecordExists);
        Assert.Null(beforeAnyState.ETag);

        var written = await Write(storage, Sample(7), etag: null);

        // A crash mid-write of a later version: half a file beside the good one.
        var good = File.ReadAllBytes(path);
        File.WriteAllBytes(path + FileGrainStorage.TempMarker + "crashed2", good.AsSpan(0, good.Length / 2).ToArray());

        var read = await Read(storage);
        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        Assert.Equal(7, read.State!.Count);

        // The next write replaces the state file and leaves its own temp file nowhere.
        await Write(storage, Sample(8), read.ETag);
        Assert.Equal(8, (await Read(storage)).State!.Count);
        var stateFiles = Directory.GetFiles(_dir.Path, "*" + StateFileName.Extension);
        Assert.Equal([path], stateFiles);
        Assert.Equal(2, Directory.GetFiles(_dir.Path, "*" + FileGrainStorage.TempMarker + "*").Length);
    }

    [Fact]
    public async Task A_damaged_state_file_is_an_error_not_an_empty_state()
    {
        using var storage = Storage(_dir.Path);
        await Write(storage, Sample(1), etag: null);
        var path = storage.PathOf(StateName, Grain);
        var content = File.ReadAllBytes(path);
        content[content.Length / 2] ^= 0xFF;
        File.WriteAllBytes(path, content);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Read(storage));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../../escaped")]
    [InlineData("../")]
    [InlineData("..")]
    [InlineData("/etc/passwd")]
    [InlineData("a/b/../../../c")]
    [InlineData("..\\..\\windows")]
    [InlineData("nul\0byte~tilde%percent")]
    public async Task A_grain_key_with_dots_and_slashes_cannot_leave_the_directory(string key)
    {
        var directory = _dir.Combine("outer", "state");
        using var storage = Storage(directory);
        var grain = GrainId.Create("counter", key);

        var written = await Write(storage, Sample(1), etag: null, grain);

        var path = storage.PathOf(StateName, grain);
        Assert.Equal(directory, Path.GetDirectoryName(path));
        Assert.True(File.Exists(path));
        Assert.DoesNotContain('/', Path.GetFileName(path));
        Assert.DoesNotContain('\\', Path.GetFileName(path));

        // Nothing but the state folder appeared anywhere under the temp folder, and in it only this grain's file.
        Assert.Equal([_dir.Combine("outer")], Directory.GetFileSystemEntries(_dir.Path));
        Assert.Equal([directory], Directory.GetFileSystemEntries(_dir.Combine("outer")));
        Assert.Equal([path], Directory.GetFiles(directory));

        var read = await Read(storage, grain);
        Assert.Equal(written.ETag, read.ETag);
        Assert.False((await Read(storage, GrainId.Create("counter", "escaped"))).RecordExists);
    }

    [Fact]
    public async Task Long_keys_get_short_hashed_file_names_that_still_keep_grains_apart()
    {
        using var storage = Storage(_dir.Path);
        var prefix = new string('k', 300);
        var first = GrainId.Create("counter", prefix + "1");
        var second = GrainId.Create("counter", prefix + "2");

        await Write(storage, Sample(1), etag: null, first);
        await Write(storage, Sample(2), etag: null, second);

        var firstName = Path.GetFileName(storage.PathOf(StateName, first));
        var secondName = Path.GetFileName(storage.PathOf(StateName, second));
        Assert.NotEqual(firstName, secondName);
        Assert.True(firstName.Length <= 200, firstName);
        Assert.Contains('#', firstName);
        Assert.Equal(1, (await Read(storage, first)).State!.Count);
        Assert.Equal(2, (await Read(storage, second)).State!.Count);
    }

    [Fact]
    public void File_names_are_readable_for_ordinary_keys_and_differ_by_type_key_and_state_name()
    {
        Assert.Equal("counter~ES~counter.state", StateFileName.For("counter", GrainId.Create("counter", "ES")));

        var names = new[]
        {
            StateFileName.For("a", GrainId.Create("t", "k")),
            StateFileName.For("b", GrainId.Create("t", "k")),
            StateFileName.For("a", GrainId.Create("u", "k")),
            StateFileName.For("a", GrainId.Create("t", "j")),
            StateFileName.For("x~a", GrainId.Create("t", "k")),
            StateFileName.For("a", GrainId.Create("t", "k~x")),
        };
        Assert.Equal(names.Length, names.Distinct(StringComparer.Ordinal).Count());
    }
}
