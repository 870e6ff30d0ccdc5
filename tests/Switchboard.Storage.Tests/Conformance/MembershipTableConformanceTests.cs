using System.Collections.Concurrent;
using System.Net;
using Orleans;
using Orleans.Messaging;
using Orleans.Runtime;

namespace Switchboard.Storage.Tests.Conformance;

/// <summary>
/// The contract every Switchboard membership provider must meet: the cases of Orleans's <c>MembershipTableTestsBase</c>
/// (empty table, insert, read, stale and duplicate inserts, update, parallel updates, IAmAlive, cleanup, gateways) plus
/// the "no side effect" checks it leaves implicit, cluster isolation and reads larger than one query page. Each test
/// gets a fresh cluster id (and, in the Azure run, a fresh table).
/// </summary>
/// <remarks>
/// Times are compared to the millisecond: Orleans' own row format keeps no more, and liveness is judged in seconds.
/// </remarks>
public abstract class MembershipTableConformanceTests : IAsyncLifetime
{
    private IMembershipTable? table;

    protected MembershipTableConformanceTests() => ClusterId = "cluster-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>The cluster id of <see cref="Table"/>.</summary>
    protected string ClusterId { get; }

    /// <summary>The provider under test, initialized with <c>tryInitTableVersion</c>.</summary>
    protected IMembershipTable Table => table ?? throw new InvalidOperationException("Not initialized.");

    /// <summary>A provider for <paramref name="clusterId"/> on the same store as every other one this instance creates.</summary>
    protected abstract IMembershipTable CreateTable(string clusterId);

    /// <summary>A gateway list provider for <paramref name="clusterId"/> on the same store.</summary>
    protected abstract IGatewayListProvider CreateGatewayListProvider(string clusterId);

    /// <summary>Writes many silo rows fast; the default inserts them one by one through the provider.</summary>
    protected virtual async Task SeedAsync(IMembershipTable target, IReadOnlyList<MembershipEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var entry in entries)
        {
            var version = (await target.ReadAllAsync()).Version;
            Assert.True(await target.InsertRowAsync(entry, version.Next()));
        }
    }

    public virtual async ValueTask InitializeAsync()
    {
        table = CreateTable(ClusterId);
        await table.InitializeMembershipTableAsync(true);
    }

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task ReadAll_EmptyTable()
    {
        var data = await Table.ReadAllAsync();

        Assert.Empty(data.Members);
        Assert.Equal(0, data.Version.Version);
        Assert.False(string.IsNullOrEmpty(data.Version.VersionEtag));
    }

    [Fact]
    public async Task InitializeMembershipTable_Again_KeepsVersionAndRows()
    {
        var entry = NewEntry(11111);
        Assert.True(await Table.InsertRowAsync(entry, (await Table.ReadAllAsync()).Version.Next()));

        await CreateTable(ClusterId).InitializeMembershipTableAsync(true);

        var data = await Table.ReadAllAsync();
        Assert.Equal(1, data.Version.Version);
        Assert.Single(data.Members);
    }

    [Fact]
    public async Task InsertRow()
    {
        var entry = NewEntry(11111);
        var before = await Table.ReadAllAsync();

        Assert.True(await Table.InsertRowAsync(entry, before.Version.Next()));

        var data = await Table.ReadAllAsync();
        Assert.Equal(1, data.Version.Version);
        Assert.NotEqual(before.Version.VersionEtag, data.Version.VersionEtag);
        var (read, etag) = Assert.Single(data.Members);
        AssertSameEntry(entry, read);
        Assert.False(string.IsNullOrEmpty(etag));
    }

    [Fact]
    public async Task ReadRow_AfterInsert()
    {
        var entry = NewEntry(11111);
        var other = NewEntry(11112);
        Assert.True(await Table.InsertRowAsync(entry, (await Table.ReadAllAsync()).Version.Next()));
        Assert.True(await Table.InsertRowAsync(other, (await Table.ReadAllAsync()).Version.Next()));

        var data = await Table.ReadRowAsync(entry.SiloAddress);

        Assert.Equal(2, data.Version.Version);
        Assert.Equal((await Table.ReadAllAsync()).Version.VersionEtag, data.Version.VersionEtag);
        var (read, etag) = Assert.Single(data.Members);
        AssertSameEntry(entry, read);
        Assert.Equal(Assert.IsType<Tuple<MembershipEntry, string>>((await Table.ReadAllAsync()).TryGet(entry.SiloAddress)).Item2, etag);

        var missing = await Table.ReadRowAsync(Silo(11113), TestContext.Current.CancellationToken);
        Assert.Empty(missing.Members);
        Assert.Equal(2, missing.Version.Version);
    }

    [Fact]
    public async Task InsertRow_StaleVersion_ReturnsFalseWithoutSideEffect()
    {
        var stale = (await Table.ReadAllAsync()).Version.Next();
        Assert.True(await Table.InsertRowAsync(NewEntry(11111), stale));
        var before = await Table.ReadAllAsync();

        Assert.False(await Table.InsertRowAsync(NewEntry(11112), stale));

        var after = await Table.ReadAllAsync();
        Assert.Equal(before.Version.Version, after.Version.Version);
        Assert.Equal(before.Version.VersionEtag, after.Version.VersionEtag);
        Assert.Single(after.Members);
        Assert.Null(after.TryGet(Silo(11112)));
    }

    [Fact]
    public async Task InsertRow_Duplicate_ReturnsFalseWithoutSideEffect()
    {
        var entry = NewEntry(11111);
        Assert.True(await Table.InsertRowAsync(entry, (await Table.ReadAllAsync()).Version.Next()));
        var before = await Table.ReadAllAsync();
        var duplicate = NewEntry(11111, SiloStatus.Dead);
        duplicate.HostName = "intruder";

        // The version is fresh, so only the existing silo row can fail the batch: the version must not move either.
        Assert.False(await Table.InsertRowAsync(duplicate, before.Version.Next()));

        var after = await Table.ReadAllAsync();
        Assert.Equal(before.Version.Version, after.Version.Version);
        Assert.Equal(before.Version.VersionEtag, after.Version.VersionEtag);
        var (read, etag) = Assert.Single(after.Members);
        AssertSameEntry(entry, read);
        Assert.Equal(before.Members[0].Item2, etag);
    }

    [Fact]
    public async Task UpdateRow()
    {
        var entry = NewEntry(11111, SiloStatus.Joining);
        Assert.True(await Table.InsertRowAsync(entry, (await Table.ReadAllAsync()).Version.Next()));
        var row = await Table.ReadRowAsync(entry.SiloAddress);
        var (read, etag) = row.Members[0];

        read.Status = SiloStatus.Active;
        read.AddOrUpdateSuspector(Silo(22222), WholeMilliseconds(DateTime.UtcNow), 3);
        Assert.True(await Table.UpdateRowAsync(read, etag, row.Version.Next()));

        var updated = await Table.ReadRowAsync(entry.SiloAddress);
        Assert.Equal(2, updated.Version.Version);
        var (afterUpdate, newETag) = Assert.Single(updated.Members);
        AssertSameEntry(read, afterUpdate);
        Assert.NotEqual(etag, newETag);

        // A stale table version is refused and changes nothing, whatever the row's ETag: every membership change moves
        // the version, so its ETag alone orders the writes.
        afterUpdate.Status = SiloStatus.Dead;
        Assert.False(await Table.UpdateRowAsync(afterUpdate, newETag, row.Version.Next(), TestContext.Current.CancellationToken));
        var unchanged = await Table.ReadRowAsync(entry.SiloAddress);
        Assert.Equal(updated.Version.VersionEtag, unchanged.Version.VersionEtag);
        Assert.Equal(newETag, unchanged.Members[0].Item2);
        Assert.Equal(SiloStatus.Active, unchanged.Members[0].Item1.Status);
    }

    [Fact]
    public async Task UpdateRow_MissingRow_ReturnsFalse()
    {
        var version = (await Table.ReadAllAsync()).Version;
        var inserted = NewEntry(11111);
        Assert.True(await Table.InsertRowAsync(inserted, version.Next()));
        var data = await Table.ReadAllAsync();

        Assert.False(await Table.UpdateRowAsync(NewEntry(11112), data.Members[0].Item2, data.Version.Next()));

        var after = await Table.ReadAllAsync();
        Assert.Equal(data.Version.VersionEtag, after.Version.VersionEtag);
        Assert.Single(after.Members);
    }

    [Fact]
    public async Task UpdateRow_ParallelRacers_OneWinnerPerVersion()
    {
        const int Racers = 20;
        const int FinalVersion = 20;
        var entry = NewEntry(11111);
        Assert.True(await Table.InsertRowAsync(entry, (await Table.ReadAllAsync()).Version.Next()));
        var winners = new ConcurrentDictionary<int, int>();

        var racers = Enumerable.Range(0, Racers).Select(racer => Task.Run(async () =>
        {
            while (true)
            {
                var row = await Table.ReadRowAsync(entry.SiloAddress);
                if (row.Version.Version >= FinalVersion)
                {
                    return;
                }

                var (current, etag) = row.Members[0];
                var next = row.Version.Next();
                current.HostName = $"racer-{racer}-v{next.Version}";
                if (await Table.UpdateRowAsync(current, etag, next))
                {
                    Assert.True(winners.TryAdd(next.Version, racer), $"version {next.Version} was won twice");
                }
            }
        })).ToArray();
        await Task.WhenAll(racers);

        var data = await Table.ReadAllAsync();
        Assert.Equal(FinalVersion, data.Version.Version);
        Assert.Equal(Enumerable.Range(2, FinalVersion - 1), winners.Keys.Order());
        Assert.Equal($"racer-{winners[FinalVersion]}-v{FinalVersion}", Assert.Single(data.Members).Item1.HostName);
    }

    [Fact]
    public async Task UpdateIAmAlive_ChangesOnlyIAmAliveTimeAndKeepsVersion()
    {
        var entry = NewEntry(11111);
        Assert.True(await Table.InsertRowAsync(entry, (await Table.ReadAllAsync()).Version.Next()));
        var before = await Table.ReadAllAsync();

        var alive = NewEntry(11111, SiloStatus.Dead);
        alive.HostName = "not-written";
        alive.ProxyPort = 1;
        alive.IAmAliveTime = entry.IAmAliveTime.AddSeconds(42);
        await Table.UpdateIAmAliveAsync(alive);

        var after = await Table.ReadAllAsync();
        Assert.Equal(before.Version.Version, after.Version.Version);
        Assert.Equal(before.Version.VersionEtag, after.Version.VersionEtag);
        var read = Assert.Single(after.Members).Item1;
        Assert.Equal(alive.IAmAliveTime, read.IAmAliveTime);
        read.IAmAliveTime = entry.IAmAliveTime;
        AssertSameEntry(entry, read);
    }

    [Fact]
    public async Task CleanupDefunctSiloEntries_RemovesOnlyDeadRowsStrictlyOlder()
    {
        var cutoff = new DateTimeOffset(WholeMilliseconds(DateTime.UtcNow.AddHours(-1)));
        var deadOld = NewEntry(1, SiloStatus.Dead, cutoff.UtcDateTime.AddMilliseconds(-1));
        var deadAtCutoff = NewEntry(2, SiloStatus.Dead, cutoff.UtcDateTime);
        var deadRecent = NewEntry(3, SiloStatus.Dead, cutoff.UtcDateTime.AddMinutes(10));
        var activeOld = NewEntry(4, SiloStatus.Active, cutoff.UtcDateTime.AddDays(-3));
        var joiningOld = NewEntry(5, SiloStatus.Joining, cutoff.UtcDateTime.AddDays(-3));
        foreach (var entry in new[] { deadOld, deadAtCutoff, deadRecent, activeOld, joiningOld })
        {
            Assert.True(await Table.InsertRowAsync(entry, (await Table.ReadAllAsync()).Version.Next()));
        }

        var before = await Table.ReadAllAsync();

        await Table.CleanupDefunctSiloEntriesAsync(cutoff);

        var after = await Table.ReadAllAsync();
        Assert.Null(after.TryGet(deadOld.SiloAddress));
        Assert.Equal(
            new[] { deadAtCutoff, deadRecent, activeOld, joiningOld }.Select(e => e.SiloAddress).Order(),
            after.Members.Select(m => m.Item1.SiloAddress).Order());
        Assert.Equal(before.Version.Version, after.Version.Version);
    }

    [Fact]
    public async Task Clusters_SharingAStore_StayIsolated_AlsoWhenOneIdIsAPrefixOfTheOther()
    {
        var otherId = ClusterId + "0";
        var other = CreateTable(otherId);
        await other.InitializeMembershipTableAsync(true);
        var mine = NewEntry(11111, SiloStatus.Dead, DateTime.UtcNow.AddDays(-1));
        var theirs = NewEntry(11111, SiloStatus.Dead, DateTime.UtcNow.AddDays(-1));
        var theirsActive = NewEntry(11112);
        Assert.True(await Table.InsertRowAsync(mine, (await Table.ReadAllAsync()).Version.Next()));
        Assert.True(await other.InsertRowAsync(theirs, (await other.ReadAllAsync()).Version.Next()));
        Assert.True(await other.InsertRowAsync(theirsActive, (await other.ReadAllAsync()).Version.Next()));

        Assert.Single((await Table.ReadAllAsync()).Members);
        Assert.Equal(1, (await Table.ReadAllAsync()).Version.Version);
        Assert.Equal(2, (await other.ReadAllAsync()).Members.Count);
        Assert.Empty(await (await StartGatewayListProviderAsync(ClusterId)).GetGatewaysAsync());

        await Table.CleanupDefunctSiloEntriesAsync(DateTimeOffset.UtcNow);
        Assert.Empty((await Table.ReadAllAsync()).Members);
        Assert.Equal(2, (await other.ReadAllAsync()).Members.Count);

        Assert.True(await Table.InsertRowAsync(NewEntry(11113), (await Table.ReadAllAsync()).Version.Next()));
        await Table.DeleteMembershipTableEntriesAsync(ClusterId);
        var restarted = CreateTable(ClusterId);
        await restarted.InitializeMembershipTableAsync(true);
        Assert.Empty((await restarted.ReadAllAsync()).Members);
        var survivors = await other.ReadAllAsync();
        Assert.Equal(2, survivors.Members.Count);
        Assert.Equal(2, survivors.Version.Version);
    }

    [Fact]
    public async Task Gateways_ListOnlyActiveRowsWithAProxyPort()
    {
        var gateway = NewEntry(11111, SiloStatus.Active, proxyPort: 30001);
        var rows = new[]
        {
            gateway,
            NewEntry(11112, SiloStatus.Active, proxyPort: 0),
            NewEntry(11113, SiloStatus.Dead, proxyPort: 30003),
            NewEntry(11114, SiloStatus.Joining, proxyPort: 30004),
            NewEntry(11115, SiloStatus.ShuttingDown, proxyPort: 30005),
        };
        foreach (var entry in rows)
        {
            Assert.True(await Table.InsertRowAsync(entry, (await Table.ReadAllAsync()).Version.Next()));
        }

        var gateways = await (await StartGatewayListProviderAsync(ClusterId)).GetGatewaysAsync();

        var expected = SiloAddress.New(new IPEndPoint(IPAddress.Loopback, 30001), gateway.SiloAddress.Generation).ToGatewayUri();
        Assert.Equal(expected, Assert.Single(gateways));
    }

    [Fact]
    public async Task ReadAll_MoreRowsThanOneQueryPage()
    {
        const int Count = 1_050;
        var entries = Enumerable.Range(0, Count).Select(i => NewEntry(20_000 + i, i % 2 == 0 ? SiloStatus.Active : SiloStatus.Dead)).ToList();

        await SeedAsync(Table, entries);

        var data = await Table.ReadAllAsync(TestContext.Current.CancellationToken);
        Assert.Equal(Count, data.Members.Count);
        Assert.Equal(entries.Select(e => e.SiloAddress).Order(), data.Members.Select(m => m.Item1.SiloAddress).Order());
    }

    /// <summary>A gateway list provider for <paramref name="clusterId"/>, initialized as a client initializes it before use.</summary>
    protected async Task<IGatewayListProvider> StartGatewayListProviderAsync(string clusterId)
    {
        var provider = CreateGatewayListProvider(clusterId);
        await provider.InitializeGatewayListProviderAsync();
        return provider;
    }

    protected static DateTime WholeMilliseconds(DateTime time) => new(time.Ticks - (time.Ticks % TimeSpan.TicksPerMillisecond), time.Kind);

    protected static SiloAddress Silo(int port, int generation = 1) => SiloAddress.New(new IPEndPoint(IPAddress.Loopback, port), generation);

    /// <summary>An entry last heard of at <paramref name="iAmAlive"/> (now by default): it started and was suspected before.</summary>
    protected static MembershipEntry NewEntry(int port, SiloStatus status = SiloStatus.Active, DateTime? iAmAlive = null, int proxyPort = 30000)
    {
        var now = iAmAlive ?? WholeMilliseconds(DateTime.UtcNow);
        return new MembershipEntry
        {
            SiloAddress = Silo(port),
            Status = status,
            ProxyPort = proxyPort,
            HostName = "host-" + port,
            SiloName = "silo-" + port,
            RoleName = "role",
            UpdateZone = 2,
            FaultZone = 3,
            StartTime = now.AddMinutes(-5),
            IAmAliveTime = now,
            SuspectTimes = [Tuple.Create(Silo(port + 1), now.AddSeconds(-1))],
        };
    }

    protected static void AssertSameEntry(MembershipEntry expected, MembershipEntry actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        Assert.Equal(expected.SiloAddress, actual.SiloAddress);
        Assert.Equal(expected.Status, actual.Status);
        Assert.Equal(expected.ProxyPort, actual.ProxyPort);
        Assert.Equal(expected.HostName, actual.HostName);
        Assert.Equal(expected.SiloName, actual.SiloName);
        Assert.Equal(expected.RoleName, actual.RoleName);
        Assert.Equal(expected.UpdateZone, actual.UpdateZone);
        Assert.Equal(expected.FaultZone, actual.FaultZone);
        Assert.Equal(expected.StartTime, actual.StartTime);
        Assert.Equal(expected.IAmAliveTime, actual.IAmAliveTime);
        Assert.Equal(expected.SuspectTimes ?? [], actual.SuspectTimes ?? []);
    }
}
