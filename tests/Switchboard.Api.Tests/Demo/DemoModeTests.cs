using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Api.Demo;
using Switchboard.Api.Tests.Support;
using Switchboard.Api.Tests.WebConsole;

namespace Switchboard.Api.Tests.Demo;

/// <summary>Demo mode end to end: what it seeds through the API, the traffic it simulates, and the agent it leaves to a person.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DemoModeTests(DemoFixture fixture) : IClassFixture<DemoFixture>
{
    private static readonly TimeSpan SeedWait = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan TrafficWait = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task Seeds_agents_in_two_groups_queues_of_four_media_codes_faqs_customers_with_cases_and_keys_that_work()
    {
        var tenant = await fixture.Session.Ready.WaitAsync(SeedWait, TestContext.Current.CancellationToken);
        using var admin = fixture.Api.ClientWith(tenant.AdminKey);

        var agents = (await admin.GetOkJsonAsync("/v1/agents?limit=200")).Items();
        Assert.Equal(["sales", "support"], agents.Select(a => a!.Text("group")).Distinct().Order());
        Assert.Equal(1 + tenant.SimulatedAgents.Count, agents.Count);
        Assert.True(tenant.SimulatedAgents.Count >= 5, $"only {tenant.SimulatedAgents.Count} simulated agents");
        var human = Assert.Single(agents, a => a!.Text("id") == tenant.HumanAgentId)!;
        Assert.Equal("Giulia Bianchi", human.Text("displayName"));
        Assert.Equal("support", human.Text("group"));

        var queues = (await admin.GetOkJsonAsync("/v1/queues?limit=200")).Items();
        Assert.Equal(["chat", "email", "voice", "voicemail"], queues.Select(q => q!.Text("media")).Distinct().Order());
        foreach (var queue in queues)
        {
            Assert.NotEmpty((await admin.GetOkJsonAsync($"/v1/queues/{queue!.Text("id")}"))["transactionCodes"]!.AsArray());
        }

        foreach (var queue in new[] { "support", "chat", "email", "voicemail" })
        {
            var members = (await admin.GetOkJsonAsync($"/v1/queues/{queue}/members")).Items();
            Assert.Contains(members, m => m!.Text("agentId") == tenant.HumanAgentId);
        }

        var statusCodes = (await admin.GetOkJsonAsync("/v1/status-codes")).Items();
        Assert.Contains(statusCodes, c => c!.Text("code") == "coffee" && c!["states"]!.AsArray().Any(s => s?.GetValue<string>() == "Break"));
        Assert.Contains(statusCodes, c => c!.Text("code") == "back-office" && c!["states"]!.AsArray().Any(s => s?.GetValue<string>() == "Offline"));
        var transactionCodes = (await admin.GetOkJsonAsync("/v1/transaction-codes")).Items().Select(c => c!.Text("code")).ToList();
        Assert.Contains("sale", transactionCodes);
        Assert.Contains("resolved", transactionCodes);

        var faqs = (await admin.GetOkJsonAsync("/v1/faqs?limit=200")).Items();
        Assert.Equal(["en", "it"], faqs.Select(f => f!.Text("language")).Distinct().Order());

        var customer = Assert.Single((await admin.GetOkJsonAsync($"/v1/crm/customers?phone={Uri.EscapeDataString("+390212345678")}")).Items())!;
        Assert.Equal("Maria Rossi", customer.Text("name"));
        var cases = (await admin.GetOkJsonAsync($"/v1/crm/cases?customerId={customer.Text("id")}")).Items();
        Assert.Contains(cases, c => c!.Text("status") == "open");

        var mailbox = await admin.GetOkJsonAsync("/v1/email/mailboxes/assistenza");
        Assert.Equal("email", mailbox.Text("queueId"));

        using (var agentConsole = fixture.Api.ClientWith(tenant.HumanAgentKey))
        {
            var me = await agentConsole.GetOkJsonAsync("/v1/me");
            Assert.Equal("agent", me.Text("role"));
            Assert.Equal(tenant.HumanAgentId, me.Text("agentId"));
            Assert.Equal(tenant.TenantId, me.Text("tenantId"));
        }

        using (var supervisorConsole = fixture.Api.ClientWith(tenant.SupervisorKey))
        {
            var me = await supervisorConsole.GetOkJsonAsync("/v1/me");
            Assert.Equal("supervisor", me.Text("role"));
            Assert.Null(me.TextOrNull("agentId"));
        }

        // The printed links open the console with the key in the fragment, which never reaches the server.
        Assert.Equal(new Uri(fixture.Api.BaseAddress, "/console/#key=" + Uri.EscapeDataString(tenant.HumanAgentKey)), tenant.AgentConsoleLink);
        Assert.Equal(new Uri(fixture.Api.BaseAddress, "/console/#key=" + Uri.EscapeDataString(tenant.SupervisorKey)), tenant.SupervisorConsoleLink);
        using var console = await new HttpClient().GetAsync(new Uri(tenant.AgentConsoleLink.GetLeftPart(UriPartial.Path)), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, console.StatusCode);
    }

    [Fact]
    public async Task Simulated_agents_take_and_wrap_up_every_medium_customers_answer_chats_and_the_human_agent_is_left_alone_until_she_is_Available()
    {
        var ct = TestContext.Current.CancellationToken;
        var tenant = await fixture.Session.Ready.WaitAsync(SeedWait, ct);
        using var admin = fixture.Api.ClientWith(tenant.AdminKey);
        var simulated = tenant.SimulatedAgents.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);

        foreach (var media in new[] { "voice", "chat", "email", "voicemail" })
        {
            var id = await fixture.Session.FirstWrappedUp(media).WaitAsync(TrafficWait, ct);
            var interaction = await admin.GetOkJsonAsync($"/v1/interactions/{id}");
            Assert.Equal(media, interaction.Text("media"));
            Assert.Equal("WrappedUp", interaction.Text("state"));
            var wrapUp = Assert.Single(interaction["wrapUps"]!.AsArray())!;
            Assert.Contains(wrapUp.Text("agentId"), simulated);
            Assert.NotNull(wrapUp.TextOrNull("completedAt"));
            Assert.Single(wrapUp["transactionCodes"]!.AsArray());
            Assert.Contains(interaction["timeline"]!.AsArray(), e => e!.Text("type") == "accepted" && e!.Text("actor") == "agent:" + wrapUp.Text("agentId"));
        }

        // The email was answered before it was closed: the reply went out to the demo's outbox, to the customer who wrote.
        var emailId = await fixture.Session.FirstWrappedUp("email").WaitAsync(TrafficWait, ct);
        var conversation = (await admin.GetOkJsonAsync($"/v1/interactions/{emailId}/emails")).Items();
        Assert.Contains(conversation, m => m!.Text("direction") == "outbound" && m!["delivery"]!.Text("status") is "sent" or "sending");
        var outbox = fixture.Api.Services.GetRequiredService<DemoOutbox>();
        Assert.Contains("@", await outbox.FirstDelivered.WaitAsync(TrafficWait, ct), StringComparison.Ordinal);

        // A chat where the customer answered an agent's message: the connector's customer line follows an agent's.
        var chatId = await fixture.Session.FirstCustomerReply.WaitAsync(TrafficWait, ct);
        var messages = (await admin.GetOkJsonAsync($"/v1/interactions/{chatId}/messages?limit=200")).Items().Select(m => m!).ToList();
        var firstAgentMessage = messages.FindIndex(m => m.Text("sender") == "agent");
        Assert.True(firstAgentMessage >= 0, "no agent message");
        Assert.Contains(messages.Skip(firstAgentMessage + 1), m => m.Text("sender") == "customer");
        Assert.Equal("customer", messages[0].Text("sender"));

        // All that traffic, and the human agent was never touched: never signed in, never offered, never acted as.
        Assert.Equal("LoggedOut", (await admin.GetOkJsonAsync($"/v1/agents/{tenant.HumanAgentId}/state")).Text("state"));
        var history = (await admin.GetOkJsonAsync($"/v1/agents/{tenant.HumanAgentId}/state-history?limit=200")).Items();
        Assert.DoesNotContain(history, h => h!.Text("actor") is "Agent" or "Supervisor");
        Assert.Empty((await admin.GetOkJsonAsync($"/v1/interactions?agentId={tenant.HumanAgentId}&limit=200")).Items());

        // The person signs in: as the senior agent of her queues she is offered the next piece of work.
        await using var live = await LiveTestClient.ConnectAsync(fixture.Api.BaseAddress, tenant.HumanAgentKey);
        await live.SubscribeAsync($"interactions:{tenant.HumanAgentId}");
        await live.NextOfTypeAsync("subscribed");
        using var console = fixture.Api.ClientWith(tenant.HumanAgentKey);
        using (var available = await console.SendJsonAsync(HttpMethod.Put, $"/v1/agents/{tenant.HumanAgentId}/state", """{"state":"Available"}"""))
        {
            Assert.Equal(HttpStatusCode.OK, available.StatusCode);
        }

        var offered = await live.NextAsync(m => m["type"]?.GetValue<string>() == "interaction.offered", "an offer to the human agent", TrafficWait);
        var offer = offered["data"]!;
        Assert.Equal(tenant.HumanAgentId, offer["offer"]!.Text("agentId"));
        Assert.Contains(offer.Text("queueId"), new[] { "support", "chat", "email", "voicemail" });
    }

    [Fact]
    public void The_bare_demo_switch_turns_Demo_Enabled_on()
    {
        var mapped = DemoMode.Arguments(["--urls", "http://127.0.0.1:5080", "--demo"]);
        var configuration = new ConfigurationBuilder().AddCommandLine(mapped).Build();
        Assert.Equal("true", configuration["Demo:Enabled"]);
        Assert.Equal("http://127.0.0.1:5080", configuration["urls"]);

        var without = new ConfigurationBuilder().AddCommandLine(DemoMode.Arguments(["--urls", "http://127.0.0.1:5080"])).Build();
        Assert.Null(without["Demo:Enabled"]);
    }
}
