using System.Net;
using System.Text.Json.Nodes;

namespace Switchboard.Api.Tests.Support;

/// <summary>Interaction shortcuts: create, act, report leg events, and wait for what routing does after a request returns.</summary>
public static class InteractionTestExtensions
{
    /// <summary>How many times <see cref="WaitForAsync"/> looks; with 10 ms between looks, about two seconds at most.</summary>
    private const int Checks = 200;

    public const string Caller = "+390212345678";
    public const string Callee = "+390698765432";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static string Inbound(string queueId, int? priority = null) =>
        $$"""{"media":"voice","direction":"inbound","queueId":"{{queueId}}","from":"{{Caller}}","to":"{{Callee}}"{{(priority is null ? "" : $",\"priority\":{priority}")}}}""";

    public static string Direct(string agentId) => $$"""{"media":"voice","direction":"inbound","agentId":"{{agentId}}","from":"{{Caller}}"}""";

    public static string Outbound(string agentId, string to = Callee) => $$"""{"media":"voice","direction":"outbound","agentId":"{{agentId}}","to":"{{to}}"}""";

    /// <summary>POSTs <paramref name="json"/> to /v1/interactions, checks 201 and the Location, and returns the interaction.</summary>
    public static async Task<JsonNode> CreateInteractionAsync(this HttpClient client, string json)
    {
        using var response = await client.SendJsonAsync(HttpMethod.Post, "/v1/interactions", json);
        var body = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {body.ToJsonString()}");
        Assert.Equal($"/v1/interactions/{body.Text("id")}", response.Headers.Location?.OriginalString);
        return body;
    }

    /// <summary>POSTs an action (<c>accept</c>, <c>consult/complete</c>, …) and returns the response (the caller disposes it).</summary>
    public static Task<HttpResponseMessage> ActAsync(this HttpClient client, string interactionId, string action, string? json = null) =>
        client.SendJsonAsync(HttpMethod.Post, $"/v1/interactions/{interactionId}/{action}", json);

    /// <summary>An action that must succeed: checks 200 and returns the interaction.</summary>
    public static async Task<JsonNode> ActOkAsync(this HttpClient client, string interactionId, string action, string? json = null)
    {
        using var response = await client.ActAsync(interactionId, action, json);
        var body = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{action}: {(int)response.StatusCode}: {body.ToJsonString()}");
        return body;
    }

    /// <summary>An action of an admin-like key on behalf of <paramref name="agentId"/>, with more body fields.</summary>
    public static Task<JsonNode> ActAsAsync(this HttpClient client, string agentId, string interactionId, string action, string? moreFields = null) =>
        client.ActOkAsync(interactionId, action, $$"""{"agentId":"{{agentId}}"{{(moreFields is null ? "" : "," + moreFields)}}}""");

    /// <summary>Reports a telephony leg event and checks 200.</summary>
    public static async Task<JsonNode> ReportLegAsync(this HttpClient client, string interactionId, string legId, string kind)
    {
        using var response = await client.SendJsonAsync(HttpMethod.Post, "/v1/telephony/events",
            $$"""{"interactionId":"{{interactionId}}","legId":"{{legId}}","event":"{{kind}}"}""");
        var body = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{kind} {legId}: {(int)response.StatusCode}: {body.ToJsonString()}");
        return body;
    }

    public static Task<JsonNode> GetInteractionAsync(this HttpClient client, string interactionId) =>
        client.GetOkJsonAsync($"/v1/interactions/{interactionId}");

    /// <summary>
    /// Reads the interaction until <paramref name="condition"/> holds: offers and telephony events happen after the
    /// request that caused them has returned. Fails with the last body seen if it never does.
    /// </summary>
    public static async Task<JsonNode> WaitForAsync(this HttpClient client, string interactionId, Func<JsonNode, bool> condition, string what)
    {
        JsonNode? last = null;
        for (var i = 0; i < Checks; i++)
        {
            last = await client.GetInteractionAsync(interactionId);
            if (condition(last))
            {
                return last;
            }

            await Task.Delay(10, Ct);
        }

        Assert.Fail($"The interaction never became {what}: {last?.ToJsonString()}");
        return last!;
    }

    /// <summary>Waits until the interaction is in <paramref name="state"/>.</summary>
    public static Task<JsonNode> WaitForStateAsync(this HttpClient client, string interactionId, string state) =>
        client.WaitForAsync(interactionId, i => i.Text("state") == state, state);

    /// <summary>Waits until the interaction is offered to <paramref name="agentId"/>.</summary>
    public static Task<JsonNode> WaitForOfferAsync(this HttpClient client, string interactionId, string agentId) =>
        client.WaitForAsync(interactionId, i => i["offer"]?.TextOrNull("agentId") == agentId, $"offered to {agentId}");

    /// <summary>Reads the agent's state until it is <paramref name="state"/> (agent effects also run after the response).</summary>
    public static async Task<JsonNode> WaitForAgentStateAsync(this TestTenant tenant, string agentId, string state)
    {
        JsonNode? last = null;
        for (var i = 0; i < Checks; i++)
        {
            last = await tenant.GetStateAsync(agentId);
            if (last.Text("state") == state)
            {
                return last;
            }

            await Task.Delay(10, Ct);
        }

        Assert.Fail($"Agent {agentId} never became {state}: {last?.ToJsonString()}");
        return last!;
    }

    /// <summary>
    /// A tenant with transaction codes sale and no-sale, queue <paramref name="queueId"/> (codes required at wrap-up when
    /// <paramref name="codeRequired"/>) with <paramref name="agents"/> as members, each created and Available.
    /// </summary>
    public static async Task<TestTenant> CreateCallCenterAsync(this SwitchboardApiFactory factory, string queueId = "support", bool codeRequired = true, params string[] agents)
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.SetTransactionCodesAsync("sale", "no-sale");
        var required = codeRequired ? "true" : "false";
        await tenant.CreateQueueAsync(queueId,
            $$$"""{"id":"{{{queueId}}}","name":"Support","offerTimeoutSeconds":15,"transactionCodes":["sale","no-sale"],"wrapUp":{"codeRequired":{{{required}}}}}""");
        foreach (var agentId in agents.Length == 0 ? ["a1"] : agents)
        {
            await tenant.CreateAgentAsync(agentId);
            Assert.True((await tenant.PutMemberAsync(queueId, agentId)) is HttpStatusCode.OK or HttpStatusCode.Created or HttpStatusCode.NoContent);
            await tenant.SetStateAsync(agentId, "Available");
        }

        return tenant;
    }

    /// <summary>See <see cref="CallCenter"/>.</summary>
    public static async Task<CallCenter> CallCenterWithAgentKeysAsync(this SwitchboardApiFactory factory)
    {
        var tenant = await factory.CreateCallCenterAsync("support", codeRequired: false, "a1");
        await tenant.CreateQueueAsync("empty");
        var keys = new Dictionary<string, string>(StringComparer.Ordinal) { ["a1"] = (await tenant.IssueKeyAsync("agent", "a1")).Key };
        foreach (var agentId in new[] { "a2", "a3" })
        {
            await tenant.CreateAgentAsync(agentId);
            await tenant.SetStateAsync(agentId, "Available");
            keys[agentId] = (await tenant.IssueKeyAsync("agent", agentId)).Key;
        }

        return new CallCenter(tenant, keys);
    }

    public static IEnumerable<string> Strings(this JsonNode node, string property) =>
        node[property]!.AsArray().Select(v => v!.GetValue<string>());

    /// <summary>The timeline's event types, oldest first.</summary>
    public static List<string> EventTypes(this JsonNode interaction) =>
        [.. interaction["timeline"]!.AsArray().Select(e => e!.Text("type"))];

    /// <summary>The leg with <paramref name="party"/> and <paramref name="address"/>.</summary>
    public static JsonNode Leg(this JsonNode interaction, string party, string address) =>
        interaction["legs"]!.AsArray().Single(l => l!.Text("party") == party && l!.Text("address") == address)!;
}
