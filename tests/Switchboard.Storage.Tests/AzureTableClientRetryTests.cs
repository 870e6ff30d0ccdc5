using System.Net;
using Azure;
using Orleans.Runtime;
using Orleans.Storage;
using Switchboard.Hosting;
using Switchboard.Storage.Tests.Azurite;
using Switchboard.Storage.Tests.Conformance;
using Switchboard.Storage.Tests.Support;

namespace Switchboard.Storage.Tests;

/// <summary>
/// Orleans' grain storage retries no request itself: transient faults are retried with back-off by the client options
/// of <see cref="AzureTableClients"/>, and ETag conflicts never are. Faults are injected under the SDK's HTTP transport,
/// so the real Azure.Core retry policy does the work.
/// </summary>
public sealed class AzureTableClientRetryTests(AzuriteFixture fixture)
{
    private const string StateName = "state";
    private readonly string table = AzuriteFixture.NewTableName();

    [Fact]
    public async Task An_insert_answered_503_then_500_is_retried_and_succeeds()
    {
        var handler = new FaultInjectingHandler(r => FaultInjectingHandler.IsEntityWrite(r, table))
            .Respond(HttpStatusCode.ServiceUnavailable).Respond(HttpStatusCode.InternalServerError);
        var storage = await StartAsync(handler);
        var grainId = NewGrainId();
        var grainState = new GrainState<TestState1> { State = new TestState1 { A = "after faults" } };

        await storage.WriteStateAsync(StateName, grainId, grainState);

        Assert.Equal(3, handler.Selected);
        Assert.NotNull(grainState.ETag);
        Assert.Equal("after faults", (await ReadAsync(storage, grainId)).State!.A);
    }

    [Fact]
    public async Task A_conditional_update_hit_by_a_network_error_and_a_timeout_status_is_retried()
    {
        var handler = new FaultInjectingHandler(r => FaultInjectingHandler.IsEntityWrite(r, table));
        var storage = await StartAsync(handler);
        var grainId = NewGrainId();
        var grainState = new GrainState<TestState1> { State = new TestState1 { A = "first" } };
        await storage.WriteStateAsync(StateName, grainId, grainState);
        handler.FailConnection().Respond(HttpStatusCode.RequestTimeout);

        grainState.State = new TestState1 { A = "second" };
        await storage.WriteStateAsync(StateName, grainId, grainState);

        Assert.Equal(1 + 3, handler.Selected);
        var read = await ReadAsync(storage, grainId);
        Assert.Equal("second", read.State!.A);
        Assert.Equal(grainState.ETag, read.ETag);
    }

    [Fact]
    public async Task A_read_answered_503_is_retried()
    {
        var handler = new FaultInjectingHandler(r => FaultInjectingHandler.IsEntityRead(r, table));
        var storage = await StartAsync(handler);
        var grainId = NewGrainId();
        await storage.WriteStateAsync(StateName, grainId, new GrainState<TestState1> { State = new TestState1 { A = "stored" } });
        handler.Respond(HttpStatusCode.ServiceUnavailable, times: 2);

        var read = await ReadAsync(storage, grainId);

        Assert.Equal(3, handler.Selected);
        Assert.Equal("stored", read.State!.A);
    }

    [Fact]
    public async Task A_duplicate_insert_is_not_retried()
    {
        var handler = new FaultInjectingHandler(r => FaultInjectingHandler.IsEntityWrite(r, table));
        var storage = await StartAsync(handler);
        var grainId = NewGrainId();
        await storage.WriteStateAsync(StateName, grainId, new GrainState<TestState1> { State = new TestState1 { A = "first" } });

        await Assert.ThrowsAnyAsync<InconsistentStateException>(() =>
            storage.WriteStateAsync(StateName, grainId, new GrainState<TestState1> { State = new TestState1 { A = "duplicate" } }));

        Assert.Equal(2, handler.Selected);
    }

    [Fact]
    public async Task A_stale_update_and_a_stale_clear_are_not_retried()
    {
        var handler = new FaultInjectingHandler(r => FaultInjectingHandler.IsEntityWrite(r, table));
        var storage = await StartAsync(handler);
        var grainId = NewGrainId();
        var grainState = new GrainState<TestState1> { State = new TestState1 { A = "first" } };
        await storage.WriteStateAsync(StateName, grainId, grainState);
        var staleETag = grainState.ETag;
        await storage.WriteStateAsync(StateName, grainId, grainState);

        await Assert.ThrowsAnyAsync<InconsistentStateException>(() =>
            storage.WriteStateAsync(StateName, grainId, new GrainState<TestState1> { State = new TestState1(), ETag = staleETag }));
        await Assert.ThrowsAnyAsync<InconsistentStateException>(() =>
            storage.ClearStateAsync(StateName, grainId, new GrainState<TestState1> { State = new TestState1(), ETag = staleETag }));

        Assert.Equal(2 + 1 + 1, handler.Selected);
    }

    [Fact]
    public async Task A_lasting_outage_gives_up_after_a_few_attempts_with_the_service_error_and_keeps_the_row()
    {
        var handler = new FaultInjectingHandler(r => FaultInjectingHandler.IsEntityWrite(r, table));
        var storage = await StartAsync(handler);
        var grainId = NewGrainId();
        var grainState = new GrainState<TestState1> { State = new TestState1 { A = "kept" } };
        await storage.WriteStateAsync(StateName, grainId, grainState);
        var eTag = grainState.ETag;
        handler.Respond(HttpStatusCode.ServiceUnavailable, times: 100);

        grainState.State = new TestState1 { A = "lost" };
        var exception = await Assert.ThrowsAsync<RequestFailedException>(() => storage.WriteStateAsync(StateName, grainId, grainState));

        var attempts = 1 + AzureTableClients.CreateOptions().Retry.MaxRetries;
        Assert.Equal(503, exception.Status);
        Assert.Equal(1 + attempts, handler.Selected);
        Assert.Equal(eTag, grainState.ETag);
        Assert.Equal("kept", (await ReadAsync(storage, grainId)).State!.A);
    }

    [Fact]
    public async Task Table_creation_at_start_up_answered_503_is_retried()
    {
        var handler = new FaultInjectingHandler(FaultInjectingHandler.IsTableCreation).Respond(HttpStatusCode.ServiceUnavailable);

        var storage = await StartAsync(handler);
        await storage.WriteStateAsync(StateName, NewGrainId(), new GrainState<TestState1> { State = new TestState1() });

        Assert.Equal(2, handler.Selected);
        Assert.True(await RawTables.ExistsAsync(fixture, table));
    }

    [Fact]
    public async Task A_refused_table_creation_fails_the_start_up_and_leaves_the_provider_unusable()
    {
        // A silo whose start-up fails stops, and its host restarts it; the provider itself never tries again.
        var handler = new FaultInjectingHandler(FaultInjectingHandler.IsTableCreation).Respond(HttpStatusCode.Forbidden);
        var storage = OfficialProviders.CreateGrainStorage(OfficialProviders.Client(fixture, handler), table);

        var startUp = await Record.ExceptionAsync(() => OfficialProviders.StartAsync(storage));

        Assert.Equal(403, Assert.Single(Causes(startUp).OfType<RequestFailedException>()).Status);
        Assert.Equal(1, handler.Selected);
        await Assert.ThrowsAsync<NullReferenceException>(() =>
            storage.WriteStateAsync(StateName, NewGrainId(), new GrainState<TestState1> { State = new TestState1() }));
        Assert.False(await RawTables.ExistsAsync(fixture, table));
    }

    private static IEnumerable<Exception> Causes(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            yield return exception;
        }
    }

    private static GrainId NewGrainId() => GrainId.Create("test-grain", Guid.NewGuid().ToString("N"));

    private static async Task<GrainState<TestState1>> ReadAsync(IGrainStorage storage, GrainId grainId)
    {
        var read = new GrainState<TestState1> { State = new TestState1() };
        await storage.ReadStateAsync(StateName, grainId, read);
        return read;
    }

    private Task<AzureTableGrainStorage> StartAsync(FaultInjectingHandler handler) =>
        OfficialProviders.StartGrainStorageAsync(OfficialProviders.Client(fixture, handler), table);
}
