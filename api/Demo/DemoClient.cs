using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Switchboard.Api.Demo;

/// <summary>An answer of the API: its status and JSON body (null when it has none or it is not JSON).</summary>
internal sealed record DemoResponse(HttpStatusCode Status, JsonNode? Body)
{
    public bool Succeeded => (int)Status is >= 200 and < 300;

    /// <summary>The problem's detail, for logs.</summary>
    public string Detail => Body?["detail"]?.GetValue<string>() ?? Body?["title"]?.GetValue<string>() ?? "";
}

/// <summary>A call the demo needed that the API refused.</summary>
internal sealed class DemoApiException(string request, DemoResponse response)
    : Exception($"{request} answered {(int)response.Status}: {response.Detail}")
{
    public DemoResponse Response { get; } = response;
}

/// <summary>
/// The public REST API as a third party calls it: over loopback HTTP, with one key. The demo never calls grains, so it
/// shows (and tests) what an integrator and a console can do.
/// </summary>
internal sealed class DemoClient(HttpClient http, string key)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, // strict bodies: leave unset fields out rather than send null
    };

    public string Key => key;

    public Task<DemoResponse> GetAsync(string path, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, path, null, cancellationToken);

    public Task<DemoResponse> PostAsync(string path, object? body, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, path, body ?? new { }, cancellationToken);

    public Task<DemoResponse> PutAsync(string path, object body, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Put, path, body, cancellationToken);

    public async Task<DemoResponse> SendAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var content = body is null ? null : JsonContent(body);
        return await SendAsync(method, path, content, cancellationToken);
    }

    public async Task<DemoResponse> SendAsync(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await http.SendAsync(request, cancellationToken);
        JsonNode? node = null;
        if (response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true)
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            node = await JsonNode.ParseAsync(stream, cancellationToken: cancellationToken);
        }

        return new DemoResponse(response.StatusCode, node);
    }

    /// <summary>As <see cref="SendAsync(HttpMethod, string, object?, CancellationToken)"/>, but a refusal throws: for seeding, where every call must work.</summary>
    public async Task<JsonNode?> RequireAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        var response = await SendAsync(method, path, body, cancellationToken);
        return response.Succeeded ? response.Body : throw new DemoApiException($"{method} {path}", response);
    }

    private static StringContent JsonContent(object body) =>
        new(JsonSerializer.Serialize(body, body.GetType(), Json), System.Text.Encoding.UTF8, "application/json");
}
