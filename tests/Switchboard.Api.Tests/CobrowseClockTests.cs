using System.Net;
using System.Text.Json.Nodes;
using Switchboard.Api.Tests.Support;
using Switchboard.TestSupport;

namespace Switchboard.Api.Tests;

/// <summary>
/// A co-browse join code works for ten minutes on the business clock; unused by then, its session ends by itself.
/// Webhooks hear each step (in this collection with the other webhook tests: deliveries wait on the business clock).
/// </summary>
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

    [Fact]
    public async Task Webhooks_hear_the_session_start_join_and_end_as_interaction_updated()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var receiver = await WebhookReceiver.StartAsync(ct);
        using var call = await factory.ConnectedCallAsync();
        using (var registered = await call.Admin.SendJsonAsync(HttpMethod.Post, "/v1/webhooks",
            new JsonObject { ["url"] = receiver.Url("cobrowse"), ["events"] = new JsonArray("interaction.updated") }.ToJsonString()))
        {
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        }

        var started = await call.Agent.StartCobrowseOkAsync(call.Id);
        var sessionId = started.Text("sessionId");
        using var customer = factory.CustomerAt();
        await customer.JoinOkAsync(started.Text("joinCode"));
        await call.Agent.EndCobrowseOkAsync(call.Id, sessionId);

        // Up to four deliveries are in flight to an endpoint at once: they may arrive in any order.
        foreach (var type in new[] { "cobrowse-started", "cobrowse-joined", "cobrowse-ended" })
        {
            bool Told(ReceivedWebhook w) => w.Type == "interaction.updated" && w.Json["data"]!["timeline"]!.AsArray()[^1]!.Text("type") == type;
            var delivered = receiver.All.FirstOrDefault(Told) ?? await receiver.NextAsync(Told, type, ct);
            var data = delivered.Json["data"]!;
            Assert.Equal(sessionId, data["timeline"]!.AsArray()[^1]!["details"]!.Text("sessionId"));
            Assert.Equal(sessionId, data.Cobrowse(sessionId).Text("sessionId"));
            Assert.DoesNotContain("joinCode", delivered.Body, StringComparison.Ordinal);
        }
    }
}
