using Switchboard.Api.Tests.Support;

namespace Switchboard.Api.Tests;

/// <summary>Every time the API reports comes from the host's <see cref="TimeProvider"/>.</summary>
[Collection(ClockCollection.Name)]
public sealed class ClockTests(SwitchboardApiFactory factory)
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Since_and_history_times_follow_the_clock()
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1");
        var start = factory.Clock.GetUtcNow();

        var available = await tenant.SetStateAsync("a1", "Available");
        factory.Clock.Advance(Step);
        var offline = await tenant.SetStateAsync("a1", "Offline");

        Assert.Equal(start, available.Time("since"));
        Assert.Equal(start + Step, offline.Time("since"));
        Assert.Equal(Step, offline.Time("since") - available.Time("since"));
        Assert.Equal(start + Step, (await tenant.GetStateAsync("a1")).Time("since"));

        using var admin = tenant.Admin();
        var items = (await admin.GetOkJsonAsync("/v1/agents/a1/state-history")).Items();
        Assert.Equal(2, items.Count);
        Assert.Equal(Step, items[0]!.Time("at") - items[1]!.Time("at"));
        Assert.Equal(start, items[1]!.Time("at"));
    }

    [Fact]
    public async Task Agent_timestamps_follow_the_clock()
    {
        var tenant = await factory.CreateTenantAsync();
        var start = factory.Clock.GetUtcNow();
        await tenant.CreateAgentAsync("a1", "Ada");
        factory.Clock.Advance(Step);
        using var admin = tenant.Admin();

        using var patched = await admin.SendJsonAsync(HttpMethod.Patch, "/v1/agents/a1", """{"displayName":"Ada Lovelace"}""");
        var agent = await patched.ReadJsonAsync();

        Assert.Equal(start, agent.Time("createdAt"));
        Assert.Equal(start + Step, agent.Time("updatedAt"));
        Assert.Equal(start, (await tenant.GetStateAsync("a1")).Time("since"));
    }
}
