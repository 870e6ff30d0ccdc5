using System.Net;
using Switchboard.Api.Tests.Support;

namespace Switchboard.Api.Tests;

/// <summary>Alerts and platform changes that need the business clock to move: expiry and the logout deadline.</summary>
[Collection(ClockCollection.Name)]
public sealed class AlertsClockTests(SwitchboardApiFactory factory)
{
    private static readonly TimeSpan LogoutTime = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task Expired_alerts_are_left_out_of_an_agents_alerts()
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1");
        using var admin = tenant.Admin();
        var expires = factory.Clock.GetUtcNow().AddMinutes(30);
        var shortLived = (await admin.BroadcastAsync($$"""{"text":"Coffee in the kitchen","audience":{"all":true},"expiresAt":"{{expires:O}}"}""")).Text("id");
        var lasting = (await admin.BroadcastAsync("""{"text":"New wrap-up codes","audience":{"all":true}}""")).Text("id");
        Assert.Equal([lasting, shortLived], await admin.AlertIdsAsync("a1"));

        factory.Clock.Advance(TimeSpan.FromMinutes(30));

        Assert.Equal([lasting], await admin.AlertIdsAsync("a1"));
        Assert.Equal(2, (await admin.GetOkJsonAsync("/v1/broadcasts")).Items().Count); // the sender still sees it
    }

    [Fact]
    public async Task After_the_final_notice_agents_log_out_in_time_finish_their_call_or_are_logged_out_by_the_system()
    {
        // a1 will log out (and in again) in time; a2 is on a call; a3 stays idle; a4 is logged out already.
        var tenant = await factory.CreateCallCenterAsync("support", codeRequired: true, "a2");
        await tenant.CreateAgentAsync("a1");
        await tenant.SetStateAsync("a1", "Available");
        await tenant.CreateAgentAsync("a3");
        await tenant.SetStateAsync("a3", "Break", null);
        await tenant.CreateAgentAsync("a4");
        using var admin = tenant.Admin();
        using var a1 = factory.ClientWith((await tenant.IssueKeyAsync("agent", "a1")).Key);
        var call = (await admin.CreateInteractionAsync(InteractionTestExtensions.Inbound("support"))).Text("id");
        await admin.WaitForOfferAsync(call, "a2");
        await admin.ActAsAsync("a2", call, "accept");
        await tenant.WaitForAgentStateAsync("a2", "Busy");

        var changeId = (await admin.CreateChangeAsync("The platform moves tonight.")).Text("id");
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        using var finalResponse = await admin.NoticeAsync(changeId, "Log out now, then log in again.", final: true);
        Assert.Equal(HttpStatusCode.Created, finalResponse.StatusCode);
        var deadline = (await finalResponse.ReadJsonAsync()).Time("logoutDeadline");
        Assert.Equal(factory.Clock.GetUtcNow() + LogoutTime, deadline);

        factory.Clock.Advance(TimeSpan.FromMinutes(3));
        await SetOwnStateAsync(a1, "LoggedOut");
        var loggedOutAt = factory.Clock.GetUtcNow();
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await SetOwnStateAsync(a1, "Available");

        var before = (await admin.GetOkJsonAsync($"/v1/platform-changes/{changeId}")).Compliance();
        Assert.Equal(("logged-out", (DateTimeOffset?)loggedOutAt), before["a1"]);
        Assert.Equal("pending", before["a2"].Status);
        Assert.Equal("pending", before["a3"].Status);
        Assert.Equal("not-logged-in", before["a4"].Status);

        factory.Clock.Advance(deadline - factory.Clock.GetUtcNow());

        var enforced = await admin.WaitForChangeAsync(changeId, c => c["enforced"]!.GetValue<bool>(), "enforced");
        var after = enforced.Compliance();
        Assert.Equal(("logged-out", (DateTimeOffset?)loggedOutAt), after["a1"]);
        Assert.Equal(("finishing-call", (DateTimeOffset?)null), after["a2"]);
        Assert.Equal(("logged-out-by-system", (DateTimeOffset?)deadline), after["a3"]);
        Assert.Equal(("not-logged-in", (DateTimeOffset?)null), after["a4"]);
        Assert.Equal("Available", (await tenant.GetStateAsync("a1")).Text("state"));
        var a2 = await tenant.GetStateAsync("a2");
        Assert.Equal(("Busy", "LoggedOut", "platform-change"), (a2.Text("state"), a2.Text("nextState"), a2.Text("nextReasonCode")));
        var a3 = await tenant.GetStateAsync("a3");
        Assert.Equal(("LoggedOut", "platform-change"), (a3.Text("state"), a3.Text("reasonCode")));

        // a2 finishes the call and its wrap-up: then the stored logout applies.
        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        await admin.ActAsAsync("a2", call, "end");
        await tenant.WaitForAgentStateAsync("a2", "WrapUp");
        var wrappedAt = factory.Clock.GetUtcNow();
        await admin.ActAsAsync("a2", call, "wrap-up", "\"transactionCodes\":[\"sale\"]");
        await tenant.WaitForAgentStateAsync("a2", "LoggedOut");

        var settled = (await admin.GetOkJsonAsync($"/v1/platform-changes/{changeId}")).Compliance();
        Assert.Equal(("logged-out-by-system", (DateTimeOffset?)wrappedAt), settled["a2"]);
        Assert.Equal(4, settled.Count);
    }

    private static async Task SetOwnStateAsync(HttpClient agent, string state)
    {
        using var response = await agent.SendJsonAsync(HttpMethod.Put, "/v1/agents/a1/state", $$"""{"state":"{{state}}"}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
