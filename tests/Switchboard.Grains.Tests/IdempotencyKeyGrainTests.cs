using Switchboard.Contracts.Idempotency;
using Switchboard.Grains.Idempotency;

namespace Switchboard.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class IdempotencyKeyGrainTests(ClusterFixture fixture)
{
    private static readonly StoredResponse Created = new(201, "application/json", "/v1/agents/a1", [1, 2, 3]);
    private readonly IClusterClient client = fixture.Client;

    private IIdempotencyKeyGrain NewKey() => client.GetGrain<IIdempotencyKeyGrain>($"{TestIds.Tenant()}/key");

    [Fact]
    public async Task The_first_request_proceeds_and_its_response_is_replayed_to_the_same_request_only()
    {
        var key = NewKey();

        var first = await key.Begin("fp-1");
        Assert.Equal((IdempotencyOutcome.Proceed, null), (first.Outcome, first.Response));
        Assert.Equal(IdempotencyOutcome.InProgress, (await key.Begin("fp-1")).Outcome);
        Assert.Equal(IdempotencyOutcome.Mismatch, (await key.Begin("fp-2")).Outcome);

        await key.Complete("fp-1", Created);

        var replay = await key.Begin("fp-1");
        Assert.Equal(IdempotencyOutcome.Replay, replay.Outcome);
        Assert.Equal(Created.Status, replay.Response!.Status);
        Assert.Equal(Created.Location, replay.Response.Location);
        Assert.Equal(Created.Body, replay.Response.Body);
        Assert.Equal(IdempotencyOutcome.Mismatch, (await key.Begin("fp-2")).Outcome);
    }

    [Fact]
    public async Task An_abandoned_request_can_run_again()
    {
        var key = NewKey();
        await key.Begin("fp-1");

        await key.Abandon("fp-1");

        Assert.Equal(IdempotencyOutcome.Proceed, (await key.Begin("fp-2")).Outcome);
    }

    [Fact]
    public async Task A_retry_after_a_failure_keeps_the_use_of_the_key_and_a_reuse_after_the_retention_starts_a_new_one()
    {
        var key = NewKey();
        var first = (await key.Begin("fp-1")).UsedSince;
        Assert.Equal(fixture.Time.GetUtcNow(), first);

        await key.Abandon("fp-1");
        fixture.Time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(first, (await key.Begin("fp-1")).UsedSince); // retried after a failure

        fixture.Time.Advance(IdempotencyKeyGrain.ClaimTimeout + TimeSpan.FromSeconds(1));
        Assert.Equal(first, (await key.Begin("fp-1")).UsedSince); // retried after a claim that lapsed

        await key.Complete("fp-1", Created);
        fixture.Time.Advance(IdempotencyKeyGrain.Retention + TimeSpan.FromSeconds(1));
        var reused = await key.Begin("fp-1");
        Assert.Equal(IdempotencyOutcome.Proceed, reused.Outcome);
        Assert.Equal(fixture.Time.GetUtcNow(), reused.UsedSince);
    }

    [Fact]
    public async Task A_claim_that_never_completes_lapses_after_the_claim_timeout()
    {
        var key = NewKey();
        await key.Begin("fp-1");

        fixture.Time.Advance(IdempotencyKeyGrain.ClaimTimeout);
        Assert.Equal(IdempotencyOutcome.InProgress, (await key.Begin("fp-1")).Outcome);

        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(IdempotencyOutcome.Proceed, (await key.Begin("fp-1")).Outcome);
    }

    [Fact]
    public async Task A_completed_response_is_kept_for_the_retention_period_only()
    {
        var key = NewKey();
        await key.Begin("fp-1");
        await key.Complete("fp-1", Created);

        fixture.Time.Advance(IdempotencyKeyGrain.Retention);
        Assert.Equal(IdempotencyOutcome.Replay, (await key.Begin("fp-1")).Outcome);

        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(IdempotencyOutcome.Proceed, (await key.Begin("fp-2")).Outcome);
    }

    [Fact]
    public async Task Completing_or_abandoning_someone_else_s_claim_changes_nothing()
    {
        var key = NewKey();
        await key.Begin("fp-1");

        await key.Complete("fp-other", Created);
        await key.Abandon("fp-other");

        Assert.Equal(IdempotencyOutcome.InProgress, (await key.Begin("fp-1")).Outcome);
    }

    [Fact]
    public async Task The_stored_response_survives_deactivation()
    {
        var key = NewKey();
        await key.Begin("fp-1");
        await key.Complete("fp-1", Created);

        await fixture.Cluster.DeactivateAsync(key);
        Assert.False(fixture.Cluster.TryGetGrainContext(key.GetGrainId(), out _));

        Assert.Equal(IdempotencyOutcome.Replay, (await key.Begin("fp-1")).Outcome);
    }
}
