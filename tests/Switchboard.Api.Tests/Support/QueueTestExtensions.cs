using System.Net;
using System.Text.Json.Nodes;

namespace Switchboard.Api.Tests.Support;

/// <summary>Queue shortcuts on a test tenant, all with its admin key.</summary>
public static class QueueTestExtensions
{
    /// <summary>Creates a queue from <paramref name="json"/> (default: just id and name) and checks it was created.</summary>
    public static async Task<JsonNode> CreateQueueAsync(this TestTenant tenant, string queueId, string? json = null)
    {
        using var client = tenant.Admin();
        using var response = await client.SendJsonAsync(HttpMethod.Post, "/v1/queues", json ?? $$"""{"id":"{{queueId}}","name":"Queue {{queueId}}"}""");
        var body = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{response.StatusCode}: {body.ToJsonString()}");
        return body;
    }

    /// <summary>Defines the tenant's transaction codes (label = code).</summary>
    public static async Task SetTransactionCodesAsync(this TestTenant tenant, params string[] codes)
    {
        using var client = tenant.Admin();
        var items = new JsonArray([.. codes.Select(c => (JsonNode)new JsonObject { ["code"] = c, ["label"] = c })]);
        using var response = await client.SendJsonAsync(HttpMethod.Put, "/v1/transaction-codes", new JsonObject { ["items"] = items }.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Adds or updates a member with the admin key; returns the status.</summary>
    public static async Task<HttpStatusCode> PutMemberAsync(this TestTenant tenant, string queueId, string agentId, int? skillLevel = null)
    {
        using var client = tenant.Admin();
        using var response = await client.SendJsonAsync(HttpMethod.Put, $"/v1/queues/{queueId}/members/{agentId}",
            skillLevel is null ? null : $$"""{"skillLevel":{{skillLevel}}}""");
        return response.StatusCode;
    }

    /// <summary>The queue's members as (agentId, skillLevel).</summary>
    public static async Task<List<(string AgentId, long SkillLevel)>> MembersAsync(this TestTenant tenant, string queueId)
    {
        using var client = tenant.Admin();
        var list = await client.GetOkJsonAsync($"/v1/queues/{queueId}/members");
        return [.. list.Items().Select(m => (m!.Text("agentId"), m!.Number("skillLevel")))];
    }
}
