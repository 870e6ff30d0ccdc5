using Switchboard.Api.Tests.Support;

namespace Switchboard.Api.Tests;

/// <summary>A co-browse join code works for ten minutes on the business clock; unused by then, its session ends by itself.</summary>
[Collection(ClockCollection.Name)]
public sealed class CobrowseClockTests(SwitchboardApiFactory factory)
{
    [Fact]
    public async Task A_code_unused_for_ten_minutes_no_longer_joins_and_its_session_ends()
    {
        using var call = await factory.ConnectedCallAsync();
        var started = await call.Agent.StartCobrowseOkAsync(call.Id);
        Assert.Equal(factory.Clock.GetUtcNow().AddMinutes(10), started.Time("expiresAt"));

        factory.Clock.Advance(TimeSpan.FromMinutes(10));
        using var customer = factory.CustomerAt();
        await customer.JoinRefusedAsync(started.Text("joinCode"));

        var sessionId = started.Text("sessionId");
        var interaction = await call.Admin.WaitForAsync(call.Id, i => i.Cobrowse(sessionId).Text("state") == "ended", "the session to expire");
        var session = interaction.Cobrowse(sessionId);
        Assert.Equal(("expired", null), (session.Text("endReason"), session["joinedAt"]));
        Assert.Equal(factory.Clock.GetUtcNow(), session.Time("endedAt"));

        // A new session may start at once, with a code that works.
        var next = await call.Agent.StartCobrowseOkAsync(call.Id);
        await customer.JoinOkAsync(next.Text("joinCode"));
    }
}
