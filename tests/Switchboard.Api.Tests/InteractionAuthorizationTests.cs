using System.Net;
using Switchboard.Api.Tests.Support;

namespace Switchboard.Api.Tests;

/// <summary>Who may create, read, act on and report events for interactions; agent keys only on their own work.</summary>
public sealed class InteractionAuthorizationTests(SwitchboardApiFactory factory)
{
    private const string NoInteraction = "i_00000000000000000000000000000000";

    [Theory]
    [InlineData("POST", "/v1/interactions", """{"media":"voice","direction":"inbound","queueId":"support","from":"+390212345678"}""")]
    [InlineData("GET", "/v1/interactions/" + NoInteraction, null)]
    [InlineData("POST", "/v1/interactions/" + NoInteraction + "/accept", null)]
    [InlineData("POST", "/v1/interactions/" + NoInteraction + "/transfer", """{"target":{"type":"queue","id":"support"}}""")]
    [InlineData("POST", "/v1/telephony/events", """{"interactionId":"i_1","legId":"L1","event":"ended"}""")]
    public async Task Without_a_key_is_401_and_with_the_operator_key_403(string method, string path, string? body)
    {
        using (var anonymous = factory.ClientWith(null))
        using (var response = await anonymous.SendJsonAsync(new HttpMethod(method), path, body))
        {
            await Problem.AssertAsync(response, HttpStatusCode.Unauthorized);
        }

        using var operatorClient = factory.ClientWith(SwitchboardApiFactory.OperatorKey);
        using var forbidden = await operatorClient.SendJsonAsync(new HttpMethod(method), path, body);
        await Problem.AssertAsync(forbidden, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Agent_key_may_not_create_inbound_work()
    {
        var tenant = await factory.CallCenterWithAgentKeysAsync();
        using var a1 = factory.ClientWith(tenant.Keys["a1"]);

        foreach (var body in new[] { InteractionTestExtensions.Inbound("support"), InteractionTestExtensions.Direct("a1"), InteractionTestExtensions.Direct("a2") })
        {
            using var response = await a1.SendJsonAsync(HttpMethod.Post, "/v1/interactions", body);
            await Problem.AssertAsync(response, HttpStatusCode.Forbidden);
        }

        await AssertAvailableAndUntouchedAsync(tenant.Tenant, "a1", "a2");
    }

    [Fact]
    public async Task Agent_key_may_not_dial_for_another_agent()
    {
        var tenant = await factory.CallCenterWithAgentKeysAsync();
        using var a1 = factory.ClientWith(tenant.Keys["a1"]);

        using var response = await a1.SendJsonAsync(HttpMethod.Post, "/v1/interactions", InteractionTestExtensions.Outbound("a2"));

        var problem = await Problem.AssertAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains("'a1'", Problem.Detail(problem), StringComparison.Ordinal);
        await AssertAvailableAndUntouchedAsync(tenant.Tenant, "a2");
    }

    [Theory]
    [InlineData("""{"media":"voice","direction":"outbound","agentId":"a1","to":"+390698765432"}""")]
    [InlineData("""{"media":"voice","direction":"outbound","to":"+390698765432"}""")]
    public async Task Agent_key_dials_for_its_own_agent_with_or_without_naming_it(string body)
    {
        var tenant = await factory.CallCenterWithAgentKeysAsync();
        using var a1 = factory.ClientWith(tenant.Keys["a1"]);

        var call = await a1.CreateInteractionAsync(body);

        Assert.Equal("outbound", call.Text("direction"));
        Assert.Equal("Dialing", call.Text("state"));
        Assert.Equal("a1", call.Text("handler"));
        Assert.Equal("a1", call.Leg("agent", "a1").Text("address"));
        Assert.Equal("agent:a1", call["timeline"]![0]!.Text("actor"));
        Assert.Equal("Dialing", (await a1.GetInteractionAsync(call.Text("id"))).Text("state"));
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("supervisor")]
    [InlineData("integration")]
    public async Task Admin_supervisor_and_integration_keys_create_every_kind(string role)
    {
        var tenant = await factory.CallCenterWithAgentKeysAsync();
        var (keyId, key) = role == "admin" ? (tenant.Tenant.AdminKeyId, tenant.Tenant.AdminKey) : await tenant.Tenant.IssueKeyAsync(role);
        using var client = factory.ClientWith(key);

        var queued = await client.CreateInteractionAsync(InteractionTestExtensions.Inbound("support"));
        var direct = await client.CreateInteractionAsync(InteractionTestExtensions.Direct("a2"));
        var outbound = await client.CreateInteractionAsync(InteractionTestExtensions.Outbound("a3"));

        Assert.Equal("inbound", queued.Text("direction"));
        Assert.Equal("support", queued.Text("queueId"));
        Assert.Equal("a2", direct["offer"]!.Text("agentId"));
        Assert.Equal("outbound", outbound.Text("direction"));
        Assert.Equal($"api:{keyId}", queued["timeline"]![0]!.Text("actor"));
    }

    [Fact]
    public async Task Agent_key_reads_its_own_interactions_and_gets_403_for_others()
    {
        var tenant = await factory.CallCenterWithAgentKeysAsync();
        using var admin = tenant.Tenant.Admin();
        using var a1 = factory.ClientWith(tenant.Keys["a1"]);
        using var a2 = factory.ClientWith(tenant.Keys["a2"]);
        var offeredToA2 = await admin.CreateInteractionAsync(InteractionTestExtensions.Direct("a2"));
        var dialledByA1 = await a1.CreateInteractionAsync(InteractionTestExtensions.Outbound("a1"));
        var waiting = await admin.CreateInteractionAsync(InteractionTestExtensions.Inbound("empty"));

        // The offer makes a2 part of it; a1 has nothing to do with it.
        Assert.Equal(offeredToA2.Text("id"), (await a2.GetInteractionAsync(offeredToA2.Text("id"))).Text("id"));
        Assert.Equal(dialledByA1.Text("id"), (await a1.GetInteractionAsync(dialledByA1.Text("id"))).Text("id"));
        foreach (var (client, id) in new[] { (a1, offeredToA2.Text("id")), (a2, dialledByA1.Text("id")), (a1, waiting.Text("id")) })
        {
            using var response = await client.GetResponseAsync($"/v1/interactions/{id}");
            await Problem.AssertAsync(response, HttpStatusCode.Forbidden);
        }

        using var unknown = await a1.GetResponseAsync($"/v1/interactions/{NoInteraction}");
        await Problem.AssertAsync(unknown, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Agent_key_keeps_reading_a_call_it_handled_after_passing_it_on()
    {
        var tenant = await factory.CallCenterWithAgentKeysAsync();
        using var admin = tenant.Tenant.Admin();
        using var a2 = factory.ClientWith(tenant.Keys["a2"]);
        var id = (await admin.CreateInteractionAsync(InteractionTestExtensions.Direct("a2"))).Text("id");
        await a2.ActOkAsync(id, "accept");

        await a2.ActOkAsync(id, "transfer", """{"target":{"type":"queue","id":"empty"}}""");

        var read = await a2.GetInteractionAsync(id);
        Assert.Equal("Queued", read.Text("state"));
        Assert.Contains(read["wrapUps"]!.AsArray(), w => w!.Text("agentId") == "a2");
    }

    [Theory]
    [InlineData("accept", null)]
    [InlineData("hold", null)]
    [InlineData("end", null)]
    [InlineData("transfer", ""","target":{"type":"queue","id":"support"}""")]
    [InlineData("wrap-up", ""","transactionCodes":["sale"]""")]
    public async Task Agent_key_naming_another_agent_is_403(string action, string? more)
    {
        var tenant = await factory.CallCenterWithAgentKeysAsync();
        using var admin = tenant.Tenant.Admin();
        using var a1 = factory.ClientWith(tenant.Keys["a1"]);
        var id = (await admin.CreateInteractionAsync(InteractionTestExtensions.Direct("a2"))).Text("id");

        using var response = await a1.ActAsync(id, action, $$"""{"agentId":"a2"{{more}}}""");

        var problem = await Problem.AssertAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains("'a2'", Problem.Detail(problem), StringComparison.Ordinal);
        var after = await admin.GetInteractionAsync(id);
        Assert.Equal("Offered", after.Text("state"));
        Assert.Equal("a2", after["offer"]!.Text("agentId"));
    }

    [Fact]
    public async Task Agent_key_acting_on_an_interaction_it_is_not_part_of_is_403()
    {
        var tenant = await factory.CallCenterWithAgentKeysAsync();
        using var admin = tenant.Tenant.Admin();
        using var a1 = factory.ClientWith(tenant.Keys["a1"]);
        var id = (await admin.CreateInteractionAsync(InteractionTestExtensions.Direct("a2"))).Text("id");

        foreach (var action in new[] { "accept", "reject", "end", "wrap-up" })
        {
            using var response = await a1.ActAsync(id, action);
            await Problem.AssertAsync(response, HttpStatusCode.Forbidden);
        }

        Assert.Equal("a2", (await admin.GetInteractionAsync(id))["offer"]!.Text("agentId"));
    }

    [Theory]
    [InlineData("supervisor")]
    [InlineData("integration")]
    public async Task Supervisor_and_integration_keys_act_for_a_named_agent(string role)
    {
        var tenant = await factory.CallCenterWithAgentKeysAsync();
        using var admin = tenant.Tenant.Admin();
        var (_, key) = await tenant.Tenant.IssueKeyAsync(role);
        using var client = factory.ClientWith(key);
        var id = (await admin.CreateInteractionAsync(InteractionTestExtensions.Direct("a2"))).Text("id");

        var accepted = await client.ActAsAsync("a2", id, "accept");

        Assert.Equal("Connected", accepted.Text("state"));
        Assert.Equal("a2", accepted.Text("handler"));
    }

    [Theory]
    [InlineData("supervisor")]
    [InlineData("agent")]
    public async Task Only_integration_and_admin_keys_report_telephony_events(string role)
    {
        var tenant = await factory.CallCenterWithAgentKeysAsync();
        using var admin = tenant.Tenant.Admin();
        var id = (await admin.CreateInteractionAsync(InteractionTestExtensions.Inbound("empty"))).Text("id");
        var key = role == "agent" ? tenant.Keys["a1"] : (await tenant.Tenant.IssueKeyAsync(role)).Key;
        using var client = factory.ClientWith(key);

        using var response = await client.SendJsonAsync(HttpMethod.Post, "/v1/telephony/events", $$"""{"interactionId":"{{id}}","legId":"L1","event":"ended"}""");

        await Problem.AssertAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal("Queued", (await admin.GetInteractionAsync(id)).Text("state"));
        var (_, integrationKey) = await tenant.Tenant.IssueKeyAsync("integration");
        using var integration = factory.ClientWith(integrationKey);
        Assert.Equal("Abandoned", (await integration.ReportLegAsync(id, "L1", "ended")).Text("state"));
    }

    [Theory]
    [InlineData("GET", "", null)]
    [InlineData("POST", "/accept", """{"agentId":"a1"}""")]
    [InlineData("POST", "/end", """{"agentId":"a1"}""")]
    public async Task Key_of_another_tenant_does_not_see_the_interaction(string method, string suffix, string? body)
    {
        var owner = await factory.CallCenterWithAgentKeysAsync();
        using var ownerAdmin = owner.Tenant.Admin();
        var id = (await ownerAdmin.CreateInteractionAsync(InteractionTestExtensions.Direct("a1"))).Text("id");
        var stranger = await factory.CreateTenantAsync();
        await stranger.CreateAgentAsync("a1");
        using var client = stranger.Admin();

        using var response = await client.SendJsonAsync(new HttpMethod(method), $"/v1/interactions/{id}{suffix}", body);

        await Problem.AssertAsync(response, HttpStatusCode.NotFound);
        using var telephony = await client.SendJsonAsync(HttpMethod.Post, "/v1/telephony/events", $$"""{"interactionId":"{{id}}","legId":"L1","event":"ended"}""");
        await Problem.AssertAsync(telephony, HttpStatusCode.NotFound);
        Assert.Equal("Offered", (await ownerAdmin.GetInteractionAsync(id)).Text("state"));
    }

    private static async Task AssertAvailableAndUntouchedAsync(TestTenant tenant, params string[] agents)
    {
        foreach (var agentId in agents)
        {
            var state = await tenant.GetStateAsync(agentId);
            Assert.Equal("Available", state.Text("state"));
            Assert.Equal(1, state.Number("version"));
        }
    }
}
