using System.Net;
using System.Text.Json.Nodes;
using Switchboard.Api.Live;
using Switchboard.Api.Tests.Support;
using static Switchboard.Api.Tests.Support.PublicChatTestExtensions;

namespace Switchboard.Api.Tests;

/// <summary>
/// Screen pop: work offered carries the CRM customer matched by the caller's number (voice) or the chat's email, with its
/// newest open cases, in the offer event and GET; links by hand (and corrections) show in the interaction and the case;
/// click-to-dial places a linked outbound call; every refusal changes nothing.
/// </summary>
public sealed class CrmScreenPopTests(SwitchboardApiFactory factory)
{
    [Fact]
    public async Task A_call_from_a_known_number_pops_its_customer_and_newest_open_cases_on_the_offer_and_in_the_interaction()
    {
        var tenant = await factory.CreateCallCenterAsync("support", codeRequired: false, "a1");
        using var admin = tenant.Admin();
        await MariaWithCasesAsync(admin, open: 7, solved: 1);
        var (_, key) = await tenant.IssueKeyAsync("agent", "a1");
        await using var console = await LiveTestClient.ConnectAsync(factory, key);
        await console.SubscribeAsync("interactions:a1");
        await console.NextOfTypeAsync("snapshot", "interactions:a1");

        // The customer was given with the number spaced out; the carrier reports it in E.164: the same number.
        var call = (await admin.CreateInteractionAsync("""{"media":"voice","direction":"inbound","queueId":"support","from":"+390212345678"}""")).Text("id");
        var offered = (await console.NextAsync(m => m.TextOrNull("type") == LiveEventTypes.InteractionOffered && m["data"]!.Text("id") == call, "the offer"))["data"]!;
        AssertPop(offered, "maria", "Maria Rossi", byHand: false, caseId: null, openCases: ["7", "6", "5", "4", "3"]);
        Assert.Equal(["open", "pending"], offered["openCases"]!.AsArray().Select(c => c!.Text("status")).Distinct().Order());
        Assert.Equal("Caso 7", offered["openCases"]![0]!.Text("subject"));
        var read = await admin.GetInteractionAsync(call);
        AssertPop(read, "maria", "Maria Rossi", byHand: false, caseId: null, openCases: ["7", "6", "5", "4", "3"]);
        Assert.Contains("customer-matched", read.EventTypes());

        // A number nobody has, and internal work, pop nothing.
        var stranger = await admin.CreateInteractionAsync("""{"media":"voice","direction":"inbound","queueId":"support","from":"+390298765432"}""");
        Assert.Null(stranger["customer"]);
        Assert.Empty(stranger["openCases"]!.AsArray());
        Assert.DoesNotContain("customer-matched", stranger.EventTypes());
    }

    [Fact]
    public async Task A_web_chat_pops_the_customer_of_its_email()
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1");
        using var admin = tenant.Admin();
        await admin.CreatePlainChatQueueAsync("chat");
        await tenant.AddMemberAsync("chat", "a1");
        await tenant.SetStateAsync("a1", "Available");
        await admin.CreateEntryPointAsync(EntryPoint("web", "chat"));
        await MariaWithCasesAsync(admin, open: 1, solved: 0);

        using var browser = factory.ClientWith(null);
        var chat = await browser.OpenChatAsync(tenant.Id, "web", """{"name":"Maria","email":"Maria.Rossi@Example.com","message":"Ciao"}""", ShopOrigin);
        var offered = await admin.WaitForOfferAsync(chat.Id, "a1");
        AssertPop(offered, "maria", "Maria Rossi", byHand: false, caseId: null, openCases: ["1"]);
    }

    [Fact]
    public async Task Linking_by_hand_sets_the_customer_and_case_and_the_case_lists_the_interaction_until_corrected()
    {
        var tenant = await factory.CreateCallCenterAsync("support", codeRequired: false, "a1");
        using var admin = tenant.Admin();
        await MariaWithCasesAsync(admin, open: 2, solved: 0);
        await admin.PostAsync("/v1/crm/customers", """{"id":"luca","name":"Luca Verdi"}""", HttpStatusCode.Created);
        await admin.PostAsync("/v1/crm/cases", """{"subject":"Reso","customerId":"luca"}""", HttpStatusCode.Created);
        var (_, key) = await tenant.IssueKeyAsync("agent", "a1");
        using var agent = factory.ClientWith(key);
        var call = (await admin.CreateInteractionAsync(InteractionTestExtensions.Inbound("support"))).Text("id");
        await admin.WaitForOfferAsync(call, "a1");
        await agent.ActOkAsync(call, "accept");

        // The caller is Maria's number, but the agent learns it is Luca calling about his return.
        var linked = await LinkOkAsync(agent, call, """{"customerId":"luca","caseId":"3"}""");
        AssertPop(linked, "luca", "Luca Verdi", byHand: true, caseId: "3", openCases: ["3"]);
        Assert.Equal([call], (await admin.GetOkJsonAsync("/v1/crm/cases/3")).Strings("interactions"));
        var again = await LinkOkAsync(agent, call, """{"customerId":"luca","caseId":"3"}""");
        Assert.Equal(linked["timeline"]!.AsArray().Count, again["timeline"]!.AsArray().Count);

        // Corrected to Maria's case 2: case 3 lets it go, case 2 lists it, both histories say so.
        var corrected = await LinkOkAsync(admin, call, """{"customerId":"maria","caseId":"2"}""");
        AssertPop(corrected, "maria", "Maria Rossi", byHand: true, caseId: "2", openCases: ["2", "1"]);
        Assert.Empty((await admin.GetOkJsonAsync("/v1/crm/cases/3")).Strings("interactions"));
        Assert.Equal([call], (await admin.GetOkJsonAsync("/v1/crm/cases/2")).Strings("interactions"));
        var history = (await admin.GetOkJsonAsync("/v1/crm/cases/3/history")).Items();
        Assert.Equal([("interaction", null, call), ("interaction", call, null)],
            history.Skip(1).Select(e => (e!.Text("field"), e!["from"]?.GetValue<string>(), e!["to"]?.GetValue<string>())));
        Assert.Equal(2, corrected.EventTypes().Count(t => t == "customer-linked"));

        // Linked to a customer alone: no case.
        var customerOnly = await LinkOkAsync(admin, call, """{"customerId":"luca"}""");
        AssertPop(customerOnly, "luca", "Luca Verdi", byHand: true, caseId: null, openCases: ["3"]);
        Assert.Empty((await admin.GetOkJsonAsync("/v1/crm/cases/2")).Strings("interactions"));
    }

    [Theory]
    [InlineData("""{"customerId":"nobody"}""", HttpStatusCode.UnprocessableEntity, "customerId")]
    [InlineData("""{"caseId":"1"}""", HttpStatusCode.UnprocessableEntity, "customerId")]
    [InlineData("""{"customerId":"maria","caseId":"9"}""", HttpStatusCode.UnprocessableEntity, "caseId")]
    [InlineData("""{"customerId":"maria","caseId":"x"}""", HttpStatusCode.UnprocessableEntity, "caseId")]
    [InlineData("""{"customerId":"luca","caseId":"1"}""", HttpStatusCode.UnprocessableEntity, "caseId")]
    [InlineData("""{"customerId":"maria","other":1}""", HttpStatusCode.BadRequest, null)]
    public async Task Bad_links_are_refused_and_change_nothing(string json, HttpStatusCode status, string? field)
    {
        var tenant = await factory.CreateCallCenterAsync("support", codeRequired: false, "a1");
        using var admin = tenant.Admin();
        await MariaWithCasesAsync(admin, open: 1, solved: 0);
        await admin.PostAsync("/v1/crm/customers", """{"id":"luca","name":"Luca Verdi"}""", HttpStatusCode.Created);
        var call = (await admin.CreateInteractionAsync(InteractionTestExtensions.Inbound("support"))).Text("id");
        await admin.WaitForOfferAsync(call, "a1"); // routing settles first: only the refused link could change it now
        var before = (await admin.GetInteractionAsync(call)).ToJsonString();

        using var response = await admin.SendJsonAsync(HttpMethod.Post, $"/v1/interactions/{call}/link", json);
        var problem = await Problem.AssertAsync(response, status);
        if (field is not null)
        {
            Problem.AssertFields(problem, field);
        }

        Assert.Equal(before, (await admin.GetInteractionAsync(call)).ToJsonString());
        Assert.Empty((await admin.GetOkJsonAsync("/v1/crm/cases/1")).Strings("interactions"));
    }

    [Fact]
    public async Task An_agent_links_only_work_it_is_part_of_and_nobody_links_work_that_is_not_there()
    {
        var tenant = await factory.CreateCallCenterAsync("support", codeRequired: false, "a1");
        using var admin = tenant.Admin();
        await MariaWithCasesAsync(admin, open: 1, solved: 0);
        await tenant.CreateAgentAsync("a2");
        var (_, key) = await tenant.IssueKeyAsync("agent", "a2");
        using var outsider = factory.ClientWith(key);
        var call = (await admin.CreateInteractionAsync(InteractionTestExtensions.Inbound("support"))).Text("id");

        using (var refused = await outsider.SendJsonAsync(HttpMethod.Post, $"/v1/interactions/{call}/link", """{"customerId":"maria"}"""))
        {
            await Problem.AssertAsync(refused, HttpStatusCode.Forbidden);
        }

        Assert.False((await admin.GetInteractionAsync(call))["customer"]!["byHand"]!.GetValue<bool>());
        using var missing = await admin.SendJsonAsync(HttpMethod.Post, "/v1/interactions/i_nothing/link", """{"customerId":"maria"}""");
        await Problem.AssertAsync(missing, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Click_to_dial_calls_the_customers_first_or_chosen_number_for_the_agent_linked_to_the_customer()
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1");
        await tenant.SetStateAsync("a1", "Available");
        await tenant.CreateAgentAsync("a2");
        await tenant.SetStateAsync("a2", "Available");
        using var admin = tenant.Admin();
        await admin.PostAsync("/v1/crm/customers", """{"id":"maria","name":"Maria Rossi","phones":["+390212345678","+393331234567"]}""", HttpStatusCode.Created);
        await admin.PostAsync("/v1/crm/cases", """{"subject":"Ordine","customerId":"maria"}""", HttpStatusCode.Created);
        await admin.PostAsync("/v1/crm/customers", """{"id":"anonimo","name":"Senza Numero"}""", HttpStatusCode.Created);

        var (_, key) = await tenant.IssueKeyAsync("agent", "a1");
        using var agent = factory.ClientWith(key);
        var first = await CallOkAsync(agent, "maria", "{}");
        Assert.Equal(("outbound", "voice", "+390212345678", "a1"), (first.Text("direction"), first.Text("media"), first.Text("to"), first.Text("handler")));
        AssertPop(first, "maria", "Maria Rossi", byHand: true, caseId: null, openCases: ["1"]);
        Assert.Equal(first.ToJsonString(), (await admin.GetInteractionAsync(first.Text("id"))).ToJsonString());

        var chosen = await CallOkAsync(admin, "maria", """{"agentId":"a2","phone":"+39 333 123 4567"}""");
        Assert.Equal(("+393331234567", "a2"), (chosen.Text("to"), chosen.Text("handler")));

        // Refusals create no call.
        foreach (var (client, url, json, status) in new (HttpClient, string, string, HttpStatusCode)[]
        {
            (agent, "/v1/crm/customers/maria/call", """{"agentId":"a2"}""", HttpStatusCode.Forbidden),
            (admin, "/v1/crm/customers/maria/call", "{}", HttpStatusCode.UnprocessableEntity),
            (admin, "/v1/crm/customers/maria/call", """{"agentId":"ghost"}""", HttpStatusCode.UnprocessableEntity),
            (admin, "/v1/crm/customers/maria/call", """{"agentId":"a2","phone":"+390298765432"}""", HttpStatusCode.UnprocessableEntity),
            (admin, "/v1/crm/customers/maria/call", """{"agentId":"a2","phone":"12"}""", HttpStatusCode.UnprocessableEntity),
            (admin, "/v1/crm/customers/anonimo/call", """{"agentId":"a2"}""", HttpStatusCode.UnprocessableEntity),
            (admin, "/v1/crm/customers/nobody/call", """{"agentId":"a2"}""", HttpStatusCode.NotFound),
            (agent, "/v1/crm/customers/maria/call", "{}", HttpStatusCode.Conflict), // a1 is on its first call
        })
        {
            using var refused = await client.SendJsonAsync(HttpMethod.Post, url, json);
            await Problem.AssertAsync(refused, status);
        }

        Assert.Equal(2, (await admin.GetOkJsonAsync("/v1/interactions?limit=10")).Items().Count);
    }

    /// <summary>Customer maria (+390212345678, maria.rossi@example.com) with <paramref name="open"/> cases open or pending, then <paramref name="solved"/> solved.</summary>
    private static async Task MariaWithCasesAsync(HttpClient admin, int open, int solved)
    {
        await admin.PostAsync("/v1/crm/customers", """{"id":"maria","name":"Maria Rossi","phones":["+39 02 1234 5678"],"emails":["maria.rossi@example.com"]}""", HttpStatusCode.Created);
        for (var i = 1; i <= open; i++)
        {
            var status = i % 2 == 0 ? "pending" : "open";
            await admin.PostAsync("/v1/crm/cases", $$"""{"subject":"Caso {{i}}","customerId":"maria","status":"{{status}}"}""", HttpStatusCode.Created);
        }

        for (var i = 0; i < solved; i++)
        {
            await admin.PostAsync("/v1/crm/cases", """{"subject":"Risolto","customerId":"maria","status":"solved"}""", HttpStatusCode.Created);
        }
    }

    private static void AssertPop(JsonNode interaction, string customerId, string name, bool byHand, string? caseId, string[] openCases)
    {
        var customer = interaction["customer"]!;
        Assert.Equal(["id", "name", "byHand"], customer.AsObject().Select(p => p.Key));
        Assert.Equal((customerId, name, byHand), (customer.Text("id"), customer.Text("name"), customer["byHand"]!.GetValue<bool>()));
        Assert.Equal(caseId, interaction["caseId"]?.GetValue<string>());
        Assert.Equal(openCases, interaction["openCases"]!.AsArray().Select(c => c!.Text("id")));
    }

    private static async Task<JsonNode> LinkOkAsync(HttpClient client, string interactionId, string json)
    {
        using var response = await client.SendJsonAsync(HttpMethod.Post, $"/v1/interactions/{interactionId}/link", json);
        var body = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body.ToJsonString()}");
        return body;
    }

    private static async Task<JsonNode> CallOkAsync(HttpClient client, string customerId, string json)
    {
        using var response = await client.SendJsonAsync(HttpMethod.Post, $"/v1/crm/customers/{customerId}/call", json);
        var body = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {body.ToJsonString()}");
        Assert.Equal($"/v1/interactions/{body.Text("id")}", response.Headers.Location?.OriginalString);
        return body;
    }
}
