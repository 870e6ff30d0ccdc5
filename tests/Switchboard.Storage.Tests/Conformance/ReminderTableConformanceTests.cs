using Orleans;
using Orleans.Runtime;

namespace Switchboard.Storage.Tests.Conformance;

/// <summary>
/// The contract every Switchboard reminder table must meet: the cases of Orleans's <c>ReminderTableTestsBase</c> (parallel
/// upserts, point read, read by grain, ranges) made stricter — odd reminder names, ETag-checked removal that keeps the
/// row, 1,000-row range reads checked against a model of <c>(begin, end]</c> with wrap-around, unsigned boundaries — and
/// service isolation. A provider's test class derives from this with a factory; every test here runs against it.
/// </summary>
/// <remarks>
/// Start times are compared to the millisecond: Orleans' own row format keeps no more, and reminders tick in minutes.
/// </remarks>
public abstract class ReminderTableConformanceTests
{
    protected const string ServiceId = "svc";

    /// <summary>A reminder table for <paramref name="serviceId"/>; every call within one test must share the same storage.</summary>
    protected abstract IReminderTable CreateTable(string serviceId);

    public static TheoryData<int> NameIndexes() => [.. Enumerable.Range(0, ReminderNames.Length)];

    /// <summary>Odd names that still fit a table key with their grain id: no control characters, a few hundred characters at most.</summary>
    private static readonly string[] ReminderNames =
    [
        "plain",
        "a/b\\c#d?e",
        "a_b_c_d_e",
        "\u041d\u0430\u043f\u043e\u043c\u0438\u043d\u0430\u043d\u0438\u0435 \u2116 1", // Cyrillic "Напоминание № 1"
        "%41%2F%%u0041|a||b|",
        "\U0001F600 \u4E2D\u6587 'q' \"d\" & < > * ~ \u2028 \uFEFF",
        new string('r', 400),
    ];

    [Fact]
    public async Task Upsert_then_ReadRow_round_trips_every_field_and_the_etag()
    {
        var table = await StartAsync();
        var entry = NewEntry(NewGrainId(), "wake-up", new DateTime(2026, 11, 25, 10, 11, 12, 123, DateTimeKind.Utc), TimeSpan.FromTicks(9_876_543_210));

        var eTag = await table.UpsertRow(entry);

        Assert.False(string.IsNullOrEmpty(eTag));
        var read = await table.ReadRow(entry.GrainId, entry.ReminderName);
        Assert.NotNull(read);
        AssertSame(entry, read);
        Assert.Equal(eTag, read.ETag);
    }

    [Fact]
    public async Task ReadRow_of_a_missing_reminder_is_null_and_ReadRows_is_empty()
    {
        var table = await StartAsync();
        var grainId = NewGrainId();

        Assert.Null(await table.ReadRow(grainId, "nothing"));
        Assert.Empty((await table.ReadRows(grainId)).Reminders);
        Assert.Empty((await table.ReadRows(0, 0)).Reminders);
    }

    [Fact]
    public async Task Upsert_replaces_the_row_and_always_returns_a_new_etag()
    {
        var table = await StartAsync();
        var grainId = NewGrainId();
        var first = NewEntry(grainId, "r", DateTime.UtcNow, TimeSpan.FromMinutes(1));
        var second = NewEntry(grainId, "r", first.StartAt.AddHours(1), TimeSpan.FromMinutes(2));

        var eTag1 = await table.UpsertRow(first);
        var eTag2 = await table.UpsertRow(second);
        var eTag3 = await table.UpsertRow(second);

        Assert.Equal(3, new HashSet<string?> { eTag1, eTag2, eTag3 }.Count);
        var read = await table.ReadRow(grainId, "r");
        Assert.NotNull(read);
        AssertSame(second, read);
        Assert.Equal(eTag3, read.ETag);
        Assert.Single((await table.ReadRows(grainId)).Reminders);
    }

    [Fact]
    public async Task Fifty_parallel_upserts_all_land_and_read_back_by_grain_and_by_point()
    {
        var table = await StartAsync();
        var grains = Enumerable.Range(0, 10).Select(i => NewGrainId()).ToArray();
        var entries = grains.SelectMany(g => Enumerable.Range(0, 5).Select(n => NewEntry(g, $"r{n}", DateTime.UtcNow.AddMinutes(n), TimeSpan.FromSeconds(60 + n)))).ToArray();

        var eTags = await Task.WhenAll(entries.Select(e => table.UpsertRow(e)));

        Assert.All(eTags, eTag => Assert.False(string.IsNullOrEmpty(eTag)));
        foreach (var grain in grains)
        {
            var rows = (await table.ReadRows(grain)).Reminders;
            Assert.Equal(["r0", "r1", "r2", "r3", "r4"], rows.Select(r => r.ReminderName).Order(StringComparer.Ordinal));
            Assert.All(rows, row => Assert.Equal(grain, row.GrainId));
        }

        var points = await Task.WhenAll(entries.Select(e => table.ReadRow(e.GrainId, e.ReminderName)));
        for (var i = 0; i < entries.Length; i++)
        {
            Assert.NotNull(points[i]);
            AssertSame(entries[i], points[i]!);
            Assert.Equal(eTags[i], points[i]!.ETag);
        }

        Assert.Equal(entries.Length, (await table.ReadRows(0, 0)).Reminders.Count);
    }

    [Fact]
    public async Task ReadRows_by_grain_returns_only_that_grains_rows_even_when_one_key_prefixes_another()
    {
        var table = await StartAsync();
        var a = GrainId.Create("reminder-test", "a");
        var ab = GrainId.Create("reminder-test", "ab");
        var aSlash = GrainId.Create("reminder-test", "a/b");
        await table.UpsertRow(NewEntry(a, "x", DateTime.UtcNow, TimeSpan.FromMinutes(1)));
        await table.UpsertRow(NewEntry(a, "y", DateTime.UtcNow, TimeSpan.FromMinutes(1)));
        await table.UpsertRow(NewEntry(ab, "x", DateTime.UtcNow, TimeSpan.FromMinutes(1)));
        await table.UpsertRow(NewEntry(aSlash, "x", DateTime.UtcNow, TimeSpan.FromMinutes(1)));

        Assert.Equal(["x", "y"], (await table.ReadRows(a)).Reminders.Select(r => r.ReminderName).Order(StringComparer.Ordinal));
        Assert.Equal(ab, Assert.Single((await table.ReadRows(ab)).Reminders).GrainId);
        Assert.Equal(aSlash, Assert.Single((await table.ReadRows(aSlash)).Reminders).GrainId);
    }

    [Theory]
    [MemberData(nameof(NameIndexes))]
    public async Task Reminder_names_with_special_characters_survive_every_operation(int index)
    {
        var table = await StartAsync();
        var name = ReminderNames[index];
        var grainId = GrainId.Create("reminder-test", "odd/key#?\\" + Guid.NewGuid().ToString("N"));
        var entry = NewEntry(grainId, name, DateTime.UtcNow, TimeSpan.FromMinutes(5));
        // A neighbour whose name differs only where a lossy encoding would merge them.
        var neighbour = NewEntry(grainId, name + "_", DateTime.UtcNow, TimeSpan.FromMinutes(6));

        var eTag = await table.UpsertRow(entry);
        await table.UpsertRow(neighbour);

        var read = await table.ReadRow(grainId, name);
        Assert.NotNull(read);
        AssertSame(entry, read);
        var byGrain = (await table.ReadRows(grainId)).Reminders;
        Assert.Equal(2, byGrain.Count);
        Assert.Contains(byGrain, r => r.ReminderName == name);
        Assert.Contains((await table.ReadRows(0, 0)).Reminders, r => r.ReminderName == name && r.GrainId == grainId);

        Assert.True(await table.RemoveRow(grainId, name, eTag!));
        Assert.Null(await table.ReadRow(grainId, name));
        Assert.NotNull(await table.ReadRow(grainId, name + "_"));
    }

    [Fact]
    public async Task RemoveRow_with_a_stale_etag_fails_and_keeps_the_row_and_with_the_current_one_succeeds()
    {
        var table = await StartAsync();
        var grainId = NewGrainId();
        var stale = await table.UpsertRow(NewEntry(grainId, "r", DateTime.UtcNow, TimeSpan.FromMinutes(1)));
        var current = NewEntry(grainId, "r", DateTime.UtcNow.AddMinutes(3), TimeSpan.FromMinutes(2));
        var currentETag = await table.UpsertRow(current);

        Assert.False(await table.RemoveRow(grainId, "r", stale!));

        var kept = await table.ReadRow(grainId, "r");
        Assert.NotNull(kept);
        AssertSame(current, kept);
        Assert.Equal(currentETag, kept.ETag);

        Assert.True(await table.RemoveRow(grainId, "r", currentETag!));
        Assert.Null(await table.ReadRow(grainId, "r"));
        Assert.Empty((await table.ReadRows(grainId)).Reminders);
        Assert.False(await table.RemoveRow(grainId, "r", currentETag!));
    }

    [Fact]
    public async Task RemoveRow_of_a_missing_row_or_with_another_rows_etag_is_false()
    {
        var table = await StartAsync();
        var grainId = NewGrainId();
        var otherETag = await table.UpsertRow(NewEntry(grainId, "other", DateTime.UtcNow, TimeSpan.FromMinutes(1)));
        var eTag = await table.UpsertRow(NewEntry(grainId, "r", DateTime.UtcNow, TimeSpan.FromMinutes(1)));

        Assert.False(await table.RemoveRow(grainId, "missing", eTag!));
        Assert.False(await table.RemoveRow(NewGrainId(), "r", eTag!));
        if (otherETag != eTag)
        {
            Assert.False(await table.RemoveRow(grainId, "r", otherETag!));
            Assert.NotNull(await table.ReadRow(grainId, "r"));
        }

        Assert.NotNull(await table.ReadRow(grainId, "other"));
    }

    [Fact]
    public async Task Range_reads_over_a_thousand_rows_match_a_model_of_begin_exclusive_end_inclusive_with_wrap_around()
    {
        var table = await StartAsync();
        var low = FindGrain(h => h <= 0x000F_FFFF, "low");
        var high = FindGrain(h => h >= 0xFFF0_0000, "high");
        var model = Enumerable.Range(0, 996).Select(i => NewEntry(NewGrainId(), "r", DateTime.UtcNow, TimeSpan.FromMinutes(1)))
            .Append(NewEntry(low, "r", DateTime.UtcNow, TimeSpan.FromMinutes(1)))
            .Append(NewEntry(high, "r", DateTime.UtcNow, TimeSpan.FromMinutes(1)))
            .Append(NewEntry(low, "second", DateTime.UtcNow, TimeSpan.FromMinutes(1)))
            .Append(NewEntry(high, "second", DateTime.UtcNow, TimeSpan.FromMinutes(1)))
            .ToArray();
        await Parallel.ForEachAsync(model, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (entry, _) => await table.UpsertRow(entry));

        var hashes = model.Select(e => e.GrainId.GetUniformHashCode()).Distinct().Order().ToArray();
        var seed = Environment.TickCount;
        var random = new Random(seed);
        var ranges = new List<(uint Begin, uint End)>();
        for (var i = 0; i < 30; i++)
        {
            var a = (uint)random.NextInt64(0, 1L << 32);
            var b = (uint)random.NextInt64(0, 1L << 32);
            ranges.Add((a, b)); // about half of them wrap
        }

        for (var i = 0; i < 15; i++)
        {
            // Bounds on stored hashes: the row at begin must be left out, the row at end kept.
            var a = hashes[random.Next(hashes.Length)];
            var b = hashes[random.Next(hashes.Length)];
            ranges.Add((a, b));
            ranges.Add((a - 1, a));
            ranges.Add((a, a + 1));
        }

        ranges.AddRange([(0, uint.MaxValue), (uint.MaxValue, 0), (0, 0), (uint.MaxValue, uint.MaxValue), (hashes[0], hashes[^1]), (hashes[^1], hashes[0])]);

        foreach (var (begin, end) in ranges)
        {
            var actual = (await table.ReadRows(begin, end)).Reminders.Select(Key).ToList();
            var expected = model.Where(e => InRange(e.GrainId.GetUniformHashCode(), begin, end)).Select(Key).Order(StringComparer.Ordinal).ToList();
            Assert.True(actual.Count == actual.Distinct(StringComparer.Ordinal).Count(), $"duplicates in ({begin}, {end}] (seed {seed})");
            Assert.True(expected.SequenceEqual(actual.Order(StringComparer.Ordinal), StringComparer.Ordinal),
                $"({begin:X8}, {end:X8}]: expected {expected.Count} rows, read {actual.Count} (seed {seed})");
        }
    }

    [Fact]
    public async Task Unsigned_boundaries_are_compared_as_unsigned_and_begin_equal_to_end_is_the_whole_ring()
    {
        var table = await StartAsync();
        var low = FindGrain(h => h <= 0x00FF_FFFF, "low");
        var mid = FindGrain(h => h is >= 0x7F00_0000 and <= 0x80FF_FFFF, "mid");
        var high = FindGrain(h => h >= 0xFF00_0000, "high");
        foreach (var grain in new[] { low, mid, high })
        {
            await table.UpsertRow(NewEntry(grain, "r", DateTime.UtcNow, TimeSpan.FromMinutes(1)));
        }

        var (l, m, h) = (low.GetUniformHashCode(), mid.GetUniformHashCode(), high.GetUniformHashCode());

        async Task<GrainId[]> Read(uint begin, uint end) =>
            [.. (await table.ReadRows(begin, end)).Reminders.Select(r => r.GrainId).OrderBy(g => g.GetUniformHashCode())];

        Assert.Equal([low, mid, high], await Read(0, uint.MaxValue));
        Assert.Equal([low, mid, high], await Read(0, 0));
        Assert.Equal([low, mid, high], await Read(uint.MaxValue, uint.MaxValue));
        Assert.Equal([low, mid, high], await Read(m, m));
        Assert.Equal([low], await Read(uint.MaxValue, l));
        Assert.Equal([low], await Read(h, l)); // wraps: above h (nothing) or at most l
        Assert.Equal([high], await Read(h - 1, uint.MaxValue));
        Assert.Empty(await Read(h, uint.MaxValue));
        Assert.Empty(await Read(uint.MaxValue, 0));
        Assert.Equal([mid, high], await Read(l, h));
        Assert.Equal([mid], await Read(0x00FF_FFFF, m));
        Assert.Equal([low, high], await Read(m, l));
        Assert.Equal([low, mid], await Read(h, m));
    }

    [Fact]
    public async Task Services_sharing_a_table_never_see_each_others_rows()
    {
        // "svc_1"'s partition keys ("svc_1_XXXXXXXX") sort inside "svc"'s key range ("svc_00000000" to "svc_FFFFFFFF").
        var mine = await StartAsync(ServiceId);
        var theirs = await StartAsync(ServiceId + "_1");
        var grainId = NewGrainId();
        var myEntry = NewEntry(grainId, "r", DateTime.UtcNow, TimeSpan.FromMinutes(1));
        var theirEntry = NewEntry(grainId, "r", DateTime.UtcNow.AddDays(1), TimeSpan.FromMinutes(7));
        var myETag = await mine.UpsertRow(myEntry);
        var theirETag = await theirs.UpsertRow(theirEntry);
        await theirs.UpsertRow(NewEntry(NewGrainId(), "only-theirs", DateTime.UtcNow, TimeSpan.FromMinutes(1)));

        AssertSame(myEntry, (await mine.ReadRow(grainId, "r"))!);
        AssertSame(theirEntry, (await theirs.ReadRow(grainId, "r"))!);
        AssertSame(myEntry, Assert.Single((await mine.ReadRows(grainId)).Reminders));
        AssertSame(myEntry, Assert.Single((await mine.ReadRows(0, 0)).Reminders));
        var hash = grainId.GetUniformHashCode();
        AssertSame(myEntry, Assert.Single((await mine.ReadRows(hash - 1, hash)).Reminders));
        Assert.Equal(2, (await theirs.ReadRows(0, 0)).Reminders.Count);

        if (myETag != theirETag)
        {
            Assert.False(await mine.RemoveRow(grainId, "r", theirETag!));
        }

        await mine.TestOnlyClearTable();
        Assert.Empty((await mine.ReadRows(0, 0)).Reminders);
        Assert.Equal(2, (await theirs.ReadRows(0, 0)).Reminders.Count);
        Assert.True(await theirs.RemoveRow(grainId, "r", theirETag!));
    }

    [Fact]
    public async Task TestOnlyClearTable_removes_every_row_of_the_service()
    {
        var table = await StartAsync();
        await Task.WhenAll(Enumerable.Range(0, 120).Select(i => table.UpsertRow(NewEntry(i < 110 ? GrainId.Create("reminder-test", "same") : NewGrainId(), $"r{i}", DateTime.UtcNow, TimeSpan.FromMinutes(1)))));

        await table.TestOnlyClearTable();

        Assert.Empty((await table.ReadRows(0, 0)).Reminders);
    }

    protected async Task<IReminderTable> StartAsync(string serviceId = ServiceId)
    {
        var table = CreateTable(serviceId);
        await table.StartAsync();
        return table;
    }

    protected static GrainId NewGrainId() => GrainId.Create("reminder-test", Guid.NewGuid().ToString("N"));

    /// <summary>A reminder starting at <paramref name="startAt"/> to the millisecond.</summary>
    protected static ReminderEntry NewEntry(GrainId grainId, string name, DateTime startAt, TimeSpan period) =>
        new() { GrainId = grainId, ReminderName = name, StartAt = startAt.AddTicks(-(startAt.Ticks % TimeSpan.TicksPerMillisecond)), Period = period };

    protected static bool InRange(uint hash, uint begin, uint end) =>
        begin < end ? hash > begin && hash <= end : hash > begin || hash <= end;

    private static string Key(ReminderEntry entry) => entry.GrainId + "\u0000" + entry.ReminderName;

    private static GrainId FindGrain(Func<uint, bool> predicate, string prefix)
    {
        for (var i = 0; ; i++)
        {
            var grainId = GrainId.Create("reminder-test", $"{prefix}-{i}");
            if (predicate(grainId.GetUniformHashCode()))
            {
                return grainId;
            }
        }
    }

    private static void AssertSame(ReminderEntry expected, ReminderEntry actual)
    {
        Assert.Equal(expected.GrainId, actual.GrainId);
        Assert.Equal(expected.ReminderName, actual.ReminderName);
        Assert.Equal(expected.StartAt.ToUniversalTime(), actual.StartAt);
        Assert.Equal(expected.Period, actual.Period);
        Assert.False(string.IsNullOrEmpty(actual.ETag));
    }
}
