using System.Net;
using System.Text.Json.Nodes;
using Switchboard.Api.Tests.Support;
using Switchboard.Domain.Webhooks;
using Switchboard.TestSupport;

namespace Switchboard.Api.Tests;

/// <summary>
/// <c>/asyncapi/webhooks.json</c> documents exactly the event types an endpoint may subscribe to, and real deliveries of
/// each (telephony ones in <see cref="CarrierTelephonyTests"/>) match their message: body, data and headers.
/// </summary>
public sealed class WebhookAsyncApiTests(SwitchboardApiFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_document_is_AsyncAPI_3_with_one_message_per_event_type_all_sent_to_the_endpoint()
    {
        using var anonymous = factory.ClientWith(null);
        var document = await WebhookAsyncApi.ReadAsync(anonymous);
        var root = document.Root;

        Assert.Equal("3.0.0", root["asyncapi"]!.GetValue<string>());
        Assert.Contains("webhook-signature", root["info"]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(WebhookRules.EventTypes.Order(StringComparer.Ordinal), document.Messages.Keys.Order(StringComparer.Ordinal));
        foreach (var (type, message) in document.Messages)
        {
            Assert.Equal(type, root["components"]!["messages"]![message]!["payload"]!["properties"]!["type"]!["const"]!.GetValue<string>());
        }

        var operation = root["operations"]!["deliverEvent"]!;
        Assert.Equal("send", operation["action"]!.GetValue<string>());
        Assert.Equal(
            document.Messages.Values.Order(StringComparer.Ordinal),
            operation["messages"]!.AsArray().Select(m => m!["$ref"]!.GetValue<string>().Split('/')[^1]).Order(StringComparer.Ordinal));
        Assert.Equal(
            document.Messages.Values.Order(StringComparer.Ordinal),
            root["channels"]!["endpoint"]!["messages"]!.AsObject().Select(m => m.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_delivery_that_breaks_its_message_is_caught_down_to_the_socket_schemas_it_refers_to()
    {
        using var anonymous = factory.ClientWith(null);
        var document = await WebhookAsyncApi.ReadAsync(anonymous);
        const string Signature = "v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=";

        Assert.Empty(document.Violations(Fake("evt_" + new string('a', 32), """{"type":"telephony.hangup","timestamp":"2026-12-07T09:00:00+00:00","data":{"interactionId":"i_1","sequence":3,"legId":"L1"}}""", Signature)));
        Assert.NotEmpty(document.Violations(Fake("evt_" + new string('a', 32), """{"type":"interaction.created","timestamp":"2026-12-07T09:00:00+00:00","data":{"id":"i_1"}}""", Signature)));
        Assert.NotEmpty(document.Violations(Fake("evt_" + new string('a', 32), """{"type":"telephony.hangup","timestamp":"2026-12-07T09:00:00+00:00","data":{"interactionId":"i_1","sequence":3,"legId":"L1"},"extra":1}""", Signature)));
        Assert.NotEmpty(document.Violations(Fake("not-an-event-id", """{"type":"telephony.hangup","timestamp":"2026-12-07T09:00:00+00:00","data":{"interactionId":"i_1","sequence":3,"legId":"L1"}}""", Signature)));
        Assert.NotEmpty(document.Violations(Fake("evt_" + new string('a', 32), """{"type":"telephony.ring","timestamp":"2026-12-07T09:00:00+00:00","data":{}}""", Signature)));
    }

    private static ReceivedWebhook Fake(string id, string body, string signature) =>
        new("/all", id, "1796634000", signature, body, new Microsoft.AspNetCore.Http.HeaderDictionary());

    [Fact]
    public async Task Every_delivery_of_calls_chats_agents_and_cases_matches_its_documented_message()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        using var anonymous = factory.ClientWith(null);
        var document = await WebhookAsyncApi.ReadAsync(anonymous);
        var tenant = await factory.CreateCallCenterAsync("support", codeRequired: false, "a1");
        using var admin = tenant.Admin();
        using (var registered = await admin.SendJsonAsync(HttpMethod.Post, "/v1/webhooks", $$"""{"url":"{{receiver.Url("all")}}","events":["*"]}"""))
        {
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        }

        // A call through its whole life, a chat message, an agent's state, a case opened and changed.
        var call = (await admin.CreateInteractionAsync(InteractionTestExtensions.Inbound("support"))).Text("id");
        await admin.WaitForOfferAsync(call, "a1");
        await admin.ActAsAsync("a1", call, "accept");
        await admin.ActAsAsync("a1", call, "end");
        await admin.ActAsAsync("a1", call, "wrap-up", """ "transactionCodes":["sale"]""");
        var chat = (await admin.CreateInteractionAsync(ChatTestExtensions.DirectChat("a1"))).Text("id");
        using (var said = await admin.SendJsonAsync(HttpMethod.Post, $"/v1/interactions/{chat}/messages", """{"sender":"customer","text":"Buongiorno"}"""))
        {
            Assert.Equal(HttpStatusCode.Created, said.StatusCode);
        }

        await tenant.CreateAgentAsync("a2");
        await admin.PostAsync("/v1/crm/customers", """{"id":"maria","name":"Maria Rossi"}""", HttpStatusCode.Created);
        using (var opened = await admin.SendJsonAsync(HttpMethod.Post, "/v1/crm/cases", """{"subject":"Ordine 12345","customerId":"maria"}"""))
        {
            var body = await opened.ReadJsonAsync();
            Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
            using var changed = await admin.SendJsonAsync(HttpMethod.Patch, $"/v1/crm/cases/{body.Text("id")}", """{"status":"pending"}""");
            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        }

        var expected = WebhookRules.EventTypes.Where(t => !t.StartsWith("telephony.", StringComparison.Ordinal)).ToList();
        foreach (var type in expected)
        {
            if (!receiver.All.Any(w => w.Type == type))
            {
                await receiver.NextAsync(w => w.Type == type, type, Ct);
            }
        }

        var received = receiver.All.ToList();
        Assert.All(received, w => Assert.True(document.Violations(w) is [], $"{w.Body}: {string.Join("; ", document.Violations(w))}"));
        Assert.Equal(expected.Order(StringComparer.Ordinal), received.Select(w => w.Type).Distinct().Order(StringComparer.Ordinal));
    }
}
