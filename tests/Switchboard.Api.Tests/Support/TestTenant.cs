using System.Net;
using System.Text.Json.Nodes;

namespace Switchboard.Api.Tests.Support;

/// <summary>A tenant made for one test, with its first admin key.</summary>
public sealed class TestTenant(SwitchboardApiFactory factory, string id, string adminKey, string adminKeyId)
{
    public string Id { get; } = id;

    public string AdminKey { get; } = adminKey;

    public string AdminKeyId { get; } = adminKeyId;

    public HttpClient Admin() => factory.ClientWith(AdminKey);

    /// <summary>Creates an agent with the admin key and checks it was created.</summary>
    public async Task CreateAgentAsync(string agentId, string displayName = "Agent", string? group = null)
    {
        using var client = Admin();
        var body = new JsonObject { ["id"] = agentId, ["displayName"] = displayName, ["group"] = group };
        using var response = await client.SendJsonAsync(HttpMethod.Post, "/v1/agents", body.ToJsonString());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    /// <summary>Issues a key with the admin key; returns its id and the key.</summary>
    public async Task<(string Id, string Key)> IssueKeyAsync(string role, string? agentId = null)
    {
        using var client = Admin();
        var body = new JsonObject { ["role"] = role, ["agentId"] = agentId };
        using var response = await client.SendJsonAsync(HttpMethod.Post, "/v1/api-keys", body.ToJsonString());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var issued = await response.ReadJsonAsync();
        return (issued["id"]!.GetValue<string>(), issued["key"]!.GetValue<string>());
    }

    /// <summary>The agent's state as the admin reads it.</summary>
    public async Task<JsonNode> GetStateAsync(string agentId)
    {
        using var client = Admin();
        return await client.GetOkJsonAsync($"/v1/agents/{agentId}/state");
    }

    /// <summary>Changes the agent's state with the admin key and checks it answered 200.</summary>
    public async Task<JsonNode> SetStateAsync(string agentId, string state, string? reasonCode = null)
    {
        using var client = Admin();
        var body = new JsonObject { ["state"] = state, ["reasonCode"] = reasonCode };
        using var response = await client.SendJsonAsync(HttpMethod.Put, $"/v1/agents/{agentId}/state", body.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }
}
