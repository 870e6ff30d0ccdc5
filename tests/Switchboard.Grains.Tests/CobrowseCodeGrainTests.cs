using Switchboard.Contracts;
using Switchboard.Contracts.Cobrowse;
using Switchboard.Domain.Interactions;

namespace Switchboard.Grains.Tests;

/// <summary>
/// A co-browse join code's grain: it works once, even for two customers at the same moment, and the use is stored;
/// until it expires it is not issued to another session; an unknown, used or expired code answers alike.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class CobrowseCodeGrainTests(ClusterFixture fixture)
{
    private readonly IClusterClient client = fixture.Client;

    [Fact]
    public async Task Two_joins_at_once_exactly_one_gets_the_session_and_the_use_outlives_a_deactivation()
    {
        var code = NewCode();
        var target = Target("cb_1");
        Assert.True(await code.TryIssue(target));

        var joins = await Task.WhenAll(code.Redeem(), code.Redeem());
        Assert.Equal(target, Assert.Single(joins, j => j is not null));
        Assert.Single(joins, j => j is null);

        await fixture.DeactivateAllAsync(code);
        Assert.Null(await code.Redeem());
    }

    [Fact]
    public async Task A_used_code_works_again_only_when_restored_for_its_own_session()
    {
        var code = NewCode();
        var target = Target("cb_1");
        Assert.True(await code.TryIssue(target));
        Assert.Equal(target, await code.Redeem());

        await code.Restore("cb_other");
        Assert.Null(await code.Redeem());
        await code.Restore("cb_1");
        await fixture.DeactivateAllAsync(code);
        Assert.Equal(target, await code.Redeem());
        Assert.Null(await code.Redeem());
    }

    [Fact]
    public async Task An_unexpired_code_is_not_issued_to_another_session_and_expires_after_ten_minutes()
    {
        var code = NewCode();
        Assert.Null(await code.Redeem());
        var target = Target("cb_1");
        Assert.True(await code.TryIssue(target));
        Assert.True(await code.TryIssue(target)); // the same session again: harmless
        Assert.False(await code.TryIssue(Target("cb_2")));

        fixture.Time.Advance(CobrowseRules.CodeLifetime);
        Assert.Null(await code.Redeem());
        var next = Target("cb_2");
        Assert.True(await code.TryIssue(next));
        Assert.Equal(next, await code.Redeem());
    }

    private CobrowseCodeTarget Target(string sessionId) => new(TestIds.Tenant(), "i1", sessionId, fixture.Time.GetUtcNow() + CobrowseRules.CodeLifetime);

    private ICobrowseCodeGrain NewCode() => client.GetGrain<ICobrowseCodeGrain>(GrainKeys.CobrowseCode(Guid.NewGuid().ToString("N")));
}
