using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Switchboard.Api.Tests.Support;

/// <summary>A call in progress: its tenant, an admin client, agent a1's client (and key) who handles it, and its id.</summary>
public sealed record CobrowseCall(TestTenant Tenant, HttpClient Admin, HttpClient Agent, string AgentKey, string Id) : IDisposable
{
    public void Dispose()
    {
        Admin.Dispose();
        Agent.Dispose();
    }
}

/// <summary>
/// Co-browse shortcuts: the agent's start and end, and the customer's join and read. Customers call from an address of
/// their own (the test server's requests otherwise all come from one), so that wrong codes of one test never lock out another.
/// </summary>
public static class CobrowseTestExtensions
{
    public const string JoinUrl = "/v1/public/cobrowse/join";
    public const string SessionUrl = "/v1/public/cobrowse/session";
    public const string NoSuchCode = "No co-browse session has this code.";

    /// <summary>A client without a key whose requests come from <paramref name="address"/> (default: a new random IPv6 address).</summary>
    public static HttpClient CustomerAt(this SwitchboardApiFactory factory, IPAddress? address = null)
    {
        var from = address ?? new IPAddress(RandomNumberGenerator.GetBytes(16));
        return new HttpClient(new OpenApiContractHandler(factory.Server.CreateHandler(http => http.Connection.RemoteIpAddress = from)))
        {
            BaseAddress = factory.Server.BaseAddress,
        };
    }

    /// <summary>Tenant with queue support and agent a1 (with a key), and an inbound call a1 accepted.</summary>
    public static async Task<CobrowseCall> ConnectedCallAsync(this SwitchboardApiFactory factory)
    {
        var tenant = await factory.CreateCallCenterAsync("support", codeRequired: false, "a1");
        var (_, key) = await tenant.IssueKeyAsync("agent", "a1");
        var admin = tenant.Admin();
        var agent = factory.ClientWith(key);
        var id = (await admin.CreateInteractionAsync(InteractionTestExtensions.Inbound("support"))).Text("id");
        await admin.WaitForOfferAsync(id, "a1");
        await agent.ActOkAsync(id, "accept");
        return new CobrowseCall(tenant, admin, agent, key, id);
    }

    public static Task<HttpResponseMessage> StartCobrowseAsync(this HttpClient client, string interactionId) =>
        client.SendJsonAsync(HttpMethod.Post, $"/v1/interactions/{interactionId}/cobrowse", null);

    /// <summary>A start that must succeed: checks 201 and the code's shape; returns the answer.</summary>
    public static async Task<JsonNode> StartCobrowseOkAsync(this HttpClient client, string interactionId)
    {
        using var response = await client.StartCobrowseAsync(interactionId);
        var body = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {body.ToJsonString()}");
        Assert.Matches("^[0-9]{6}$", body.Text("joinCode"));
        return body;
    }

    public static Task<HttpResponseMessage> EndCobrowseAsync(this HttpClient client, string interactionId, string sessionId) =>
        client.SendJsonAsync(HttpMethod.Post, $"/v1/interactions/{interactionId}/cobrowse/{sessionId}/end", null);

    /// <summary>An end that must succeed: checks 200 and returns the session.</summary>
    public static async Task<JsonNode> EndCobrowseOkAsync(this HttpClient client, string interactionId, string sessionId)
    {
        using var response = await client.EndCobrowseAsync(interactionId, sessionId);
        var body = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body.ToJsonString()}");
        return body;
    }

    public static Task<HttpResponseMessage> JoinAsync(this HttpClient customer, string json) => customer.SendJsonAsync(HttpMethod.Post, JoinUrl, json);

    /// <summary>A join that must succeed: checks 200 and the token's shape; returns the session id and token.</summary>
    public static async Task<(string SessionId, string Token)> JoinOkAsync(this HttpClient customer, string joinCode)
    {
        using var response = await customer.JoinAsync($$"""{"joinCode":"{{joinCode}}"}""");
        var body = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body.ToJsonString()}");
        var sessionId = body.Text("sessionId");
        var token = body.Text("token");
        Assert.StartsWith($"cb.{sessionId}.", token, StringComparison.Ordinal);
        return (sessionId, token);
    }

    /// <summary>A join that must be the one 404 every unusable code gets.</summary>
    public static async Task JoinRefusedAsync(this HttpClient customer, string joinCode)
    {
        using var response = await customer.JoinAsync($$"""{"joinCode":"{{joinCode}}"}""");
        Assert.Equal(NoSuchCode, Problem.Detail(await Problem.AssertAsync(response, HttpStatusCode.NotFound)));
    }

    /// <summary>GET the session with <paramref name="token"/>: the response (the caller disposes it).</summary>
    public static Task<HttpResponseMessage> ReadCobrowseAsync(this HttpClient customer, string? token) =>
        customer.SendAsync(HttpMethod.Get, SessionUrl, null, r =>
        {
            if (token is not null)
            {
                r.Headers.Authorization = new("Bearer", token);
            }
        });

    public static async Task<JsonNode> ReadCobrowseOkAsync(this HttpClient customer, string token)
    {
        using var response = await customer.ReadCobrowseAsync(token);
        var body = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body.ToJsonString()}");
        return body;
    }

    /// <summary>The interaction's co-browse session <paramref name="sessionId"/>.</summary>
    public static JsonNode Cobrowse(this JsonNode interaction, string sessionId) =>
        interaction["cobrowse"]!.AsArray().Single(s => s!.Text("sessionId") == sessionId)!;
}
