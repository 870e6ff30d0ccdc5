using System.Net;
using System.Text.Json.Nodes;

namespace Switchboard.Api.Tests.Support;

/// <summary>A web chat as its customer opened it: the chat's id, the customer token and when the token expires.</summary>
public sealed record CustomerChat(string Id, string Token, DateTimeOffset ExpiresAt);

/// <summary>
/// Web chat shortcuts: entry points (admin side) and the customer's routes, which take no API key but a customer token,
/// sent here per request (<c>Authorization: Bearer</c>) with an optional browser <c>Origin</c>.
/// </summary>
public static class PublicChatTestExtensions
{
    /// <summary>The site the test entry points allow first.</summary>
    public const string ShopOrigin = "https://shop.example";

    /// <summary>A second allowed site, with a port.</summary>
    public const string LocalOrigin = "http://localhost:8080";

    /// <summary>A site no test entry point allows.</summary>
    public const string EvilOrigin = "https://evil.example";

    public const string Welcome = "Ciao! Come possiamo aiutarti?";

    public const string EntryPointsUrl = "/v1/chat/entry-points";

    /// <summary>A create body for an entry point allowing <see cref="ShopOrigin"/> and <see cref="LocalOrigin"/>.</summary>
    public static string EntryPoint(string id, string queueId, string? welcome = Welcome) =>
        new JsonObject
        {
            ["id"] = id,
            ["queueId"] = queueId,
            ["allowedOrigins"] = new JsonArray(ShopOrigin, LocalOrigin),
            ["welcome"] = welcome,
        }.ToJsonString();

    /// <summary>POSTs an entry point with an admin client, checks 201 and returns it.</summary>
    public static async Task<JsonNode> CreateEntryPointAsync(this HttpClient admin, string json)
    {
        using var response = await admin.SendJsonAsync(HttpMethod.Post, EntryPointsUrl, json);
        var body = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {body.ToJsonString()}");
        return body;
    }

    /// <summary>A chat queue without transaction codes, so its agents' wrap-up completes as their chat ends.</summary>
    public static async Task CreatePlainChatQueueAsync(this HttpClient admin, string queueId)
    {
        using var response = await admin.SendJsonAsync(HttpMethod.Post, "/v1/queues", $$"""{"id":"{{queueId}}","name":"Chat {{queueId}}","media":"chat"}""");
        var body = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {body.ToJsonString()}");
    }

    public static string SessionsUrl(string tenantId, string entryPointId) => $"/v1/public/chat/{tenantId}/{entryPointId}/sessions";

    /// <summary>A customer route of the chat: its state (no <paramref name="action"/>), messages, typing or end.</summary>
    public static string SessionUrl(string interactionId, string? action = null) =>
        action is null ? $"/v1/public/chat/sessions/{interactionId}" : $"/v1/public/chat/sessions/{interactionId}/{action}";

    /// <summary>Opens a chat (no key); <paramref name="origin"/> null sends no Origin. The caller disposes the response.</summary>
    public static Task<HttpResponseMessage> OpenAsync(this HttpClient anonymous, string tenantId, string entryPointId, string json, string? origin = null) =>
        anonymous.SendJsonAsync(HttpMethod.Post, SessionsUrl(tenantId, entryPointId), json, r => WithOrigin(r, origin));

    /// <summary>Opens a chat that must open: checks 201, the Location and the token's shape.</summary>
    public static async Task<CustomerChat> OpenChatAsync(
        this HttpClient anonymous, string tenantId, string entryPointId, string json = """{"name":"Maria"}""", string? origin = null)
    {
        using var response = await anonymous.OpenAsync(tenantId, entryPointId, json, origin);
        var body = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {body.ToJsonString()}");
        var id = body.Text("interactionId");
        Assert.Equal($"/v1/public/chat/sessions/{id}", response.Headers.Location?.OriginalString);
        var token = body.Text("customerToken");
        Assert.StartsWith($"ct.{id}.", token, StringComparison.Ordinal);
        return new CustomerChat(id, token, body.Time("expiresAt"));
    }

    /// <summary>
    /// A customer request: <paramref name="authorization"/> is the whole Authorization header (null: none), <paramref name="json"/>
    /// the body (null: none), <paramref name="origin"/> the Origin (null: none). The caller disposes the response.
    /// </summary>
    public static Task<HttpResponseMessage> AsCustomerAsync(
        this HttpClient anonymous, HttpMethod method, string url, string? authorization, string? json = null, string? origin = null) =>
        anonymous.SendJsonAsync(method, url, json, r =>
        {
            if (authorization is not null)
            {
                Assert.True(r.Headers.TryAddWithoutValidation("Authorization", authorization));
            }

            WithOrigin(r, origin);
        });

    /// <summary>A customer request with <paramref name="chat"/>'s token.</summary>
    public static Task<HttpResponseMessage> AsCustomerAsync(
        this HttpClient anonymous, CustomerChat chat, HttpMethod method, string? action, string? json = null, string? origin = null) =>
        anonymous.AsCustomerAsync(method, SessionUrl(chat.Id, action), "Bearer " + chat.Token, json, origin);

    /// <summary>The customer's view of the chat (200 checked): waiting, connected or ended.</summary>
    public static async Task<JsonNode> CustomerStateAsync(this HttpClient anonymous, CustomerChat chat)
    {
        using var response = await anonymous.AsCustomerAsync(chat, HttpMethod.Get, null);
        var body = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body.ToJsonString()}");
        return body;
    }

    /// <summary>The customer sends a message that must be taken (201); returns it.</summary>
    public static async Task<JsonNode> CustomerSendsAsync(this HttpClient anonymous, CustomerChat chat, string text, string? origin = null)
    {
        using var response = await anonymous.AsCustomerAsync(chat, HttpMethod.Post, "messages", new JsonObject { ["text"] = text }.ToJsonString(), origin);
        var body = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {body.ToJsonString()}");
        Assert.Equal($"/v1/public/chat/sessions/{chat.Id}/messages", response.Headers.Location?.OriginalString);
        return body;
    }

    /// <summary>The customer's transcript, first page (200 checked).</summary>
    public static async Task<JsonNode> CustomerReadsAsync(this HttpClient anonymous, CustomerChat chat)
    {
        using var response = await anonymous.AsCustomerAsync(chat, HttpMethod.Get, "messages");
        var body = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body.ToJsonString()}");
        return body;
    }

    /// <summary>The customer leaves (200 checked); returns the state it answers.</summary>
    public static async Task<JsonNode> CustomerEndsAsync(this HttpClient anonymous, CustomerChat chat)
    {
        using var response = await anonymous.AsCustomerAsync(chat, HttpMethod.Post, "end");
        var body = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body.ToJsonString()}");
        return body;
    }

    /// <summary>A customer route's refusal of the token: 401, <c>WWW-Authenticate: Bearer</c>, a problem; returns it.</summary>
    public static async Task<JsonNode> AssertTokenRefusedAsync(HttpResponseMessage response)
    {
        var problem = await Problem.AssertAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal(["Bearer"], response.Headers.WwwAuthenticate.Select(h => h.ToString()));
        return problem;
    }

    /// <summary>The response header's values joined with ", " (content headers too), or null when it has none.</summary>
    public static string? Header(this HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : null;

    /// <summary>The senders of a transcript page's messages, in order.</summary>
    public static List<string> Senders(this JsonNode page) => [.. page.Items().Select(m => m!.Text("sender"))];

    /// <summary>The texts of a transcript page's messages, in order.</summary>
    public static List<string> Texts(this JsonNode page) => [.. page.Items().Select(m => m!.Text("text"))];

    /// <summary>
    /// The ids of the tenant's interactions created within an hour of <paramref name="now"/> (the list reads the
    /// business clock, so the window is explicit).
    /// </summary>
    public static async Task<List<string>> InteractionIdsAsync(this HttpClient admin, DateTimeOffset now)
    {
        var from = Uri.EscapeDataString(now.AddHours(-1).ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        var to = Uri.EscapeDataString(now.AddHours(1).ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        var page = await admin.GetOkJsonAsync($"/v1/interactions?limit=200&from={from}&to={to}");
        return [.. page.Items().Select(i => i!.Text("id"))];
    }

    private static void WithOrigin(HttpRequestMessage request, string? origin)
    {
        if (origin is not null)
        {
            Assert.True(request.Headers.TryAddWithoutValidation("Origin", origin));
        }
    }
}
