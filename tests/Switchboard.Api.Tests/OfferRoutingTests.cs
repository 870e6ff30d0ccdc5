using System.Text.Json.Nodes;
using Switchboard.Api.Tests.Support;

namespace Switchboard.Api.Tests;

/// <summary>GET /v1/interactions/{id} says why its queue offered the work to the agent: <c>offer.routing</c> and the offered event.</summary>
public sealed class OfferRoutingTests(SwitchboardApiFactory factory)
{
    [Fact]
    public async Task A_routed_call_shows_the_strategy_the_agents_facts_and_the_members_passed_over_with_why()
    {
        var tenant = await factory.CreateCallCenterAsync("support", codeRequired: false, "a1", "a2", "a3");
        await tenant.PutMemberAsync("support", "a1", skillLevel: 7);
        await tenant.SetStateAsync("a3", "Break");
        using var admin = tenant.Admin();

        var created = await admin.CreateInteractionAsync(InteractionTestExtensions.Inbound("support"));
        var offered = await admin.WaitForOfferAsync(created.Text("id"), "a1");

        var routing = offered["offer"]!["routing"]!;
        Assert.Equal("longest-idle", routing.Text("strategy"));
        Assert.Equal(2, routing.Number("eligible"));
        Assert.InRange(routing.Number("idleSeconds"), 0, int.MaxValue);
        Assert.Equal(7, routing.Number("skillLevel"));
        Assert.Equal(0, routing.Number("load"));
        Assert.Null(routing["position"]);
        Assert.False(routing["preferred"]!.GetValue<bool>());
        Assert.Equal("""[{"agentId":"a3","reason":"break"}]""", routing["skipped"]!.ToJsonString());
        Assert.Equal(0, routing.Number("skippedMore"));

        var details = offered["timeline"]!.AsArray().Single(e => e!.Text("type") == "offered")!["details"]!;
        Assert.Equal(
            ("a1", "support", "longest-idle", "2", routing.Number("idleSeconds").ToString(System.Globalization.CultureInfo.InvariantCulture), "7", "0", "a3:break"),
            (details.Text("agent"), details.Text("queue"), details.Text("strategy"), details.Text("eligible"), details.Text("idleSeconds"), details.Text("skillLevel"),
                details.Text("load"), details.Text("skipped")));
        Assert.Equal(8, ((JsonObject)details).Count); // nothing that does not apply: no position, preferred or skippedMore
    }

    [Fact]
    public async Task A_direct_call_no_queue_chose_has_no_routing()
    {
        var tenant = await factory.CreateCallCenterAsync("support", codeRequired: false, "a1");
        using var admin = tenant.Admin();

        var created = await admin.CreateInteractionAsync(InteractionTestExtensions.Direct("a1"));

        Assert.Equal("a1", created["offer"]!.Text("agentId"));
        Assert.True(((JsonObject)created["offer"]!).ContainsKey("routing"));
        Assert.Null(created["offer"]!["routing"]);
    }
}
