using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Switchboard.Api.Tests.Support;

/// <summary>Request and response helpers; every call uses the test's cancellation token.</summary>
public static class HttpExtensions
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Sends <paramref name="json"/> as-is (null: no body at all) with <c>application/json</c>.</summary>
    public static Task<HttpResponseMessage> SendJsonAsync(
        this HttpClient client, HttpMethod method, string url, string? json, Action<HttpRequestMessage>? configure = null)
    {
        var content = json is null ? null : new StringContent(json, Encoding.UTF8, "application/json");
        return client.SendAsync(method, url, content, configure);
    }

    /// <summary>Sends <paramref name="content"/> (which the request then owns and disposes).</summary>
    public static async Task<HttpResponseMessage> SendAsync(
        this HttpClient client, HttpMethod method, string url, HttpContent? content, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        configure?.Invoke(request);
        return await client.SendAsync(request, Ct);
    }

    /// <summary>Sends a JSON POST that must answer <paramref name="expected"/>.</summary>
    public static async Task PostAsync(this HttpClient client, string url, string json, HttpStatusCode expected)
    {
        using var response = await client.SendJsonAsync(HttpMethod.Post, url, json);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == expected, $"POST {url}: {(int)response.StatusCode}: {body}");
    }

    public static Task<HttpResponseMessage> GetResponseAsync(this HttpClient client, string url) => client.GetAsync(url, Ct);

    public static Task<HttpResponseMessage> DeleteResponseAsync(this HttpClient client, string url) => client.DeleteAsync(url, Ct);

    /// <summary>GETs <paramref name="url"/>, checks 200 and returns the JSON body.</summary>
    public static async Task<JsonNode> GetOkJsonAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    public static async Task<JsonNode> ReadJsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        return JsonNode.Parse(text) ?? throw new InvalidOperationException("The response body is JSON null.");
    }

    public static string Text(this JsonNode node, string property) => node[property]!.GetValue<string>();

    public static string? TextOrNull(this JsonNode node, string property) => node[property]?.GetValue<string>();

    public static long Number(this JsonNode node, string property) => node[property]!.GetValue<long>();

    public static DateTimeOffset Time(this JsonNode node, string property) =>
        DateTimeOffset.Parse(node.Text(property), System.Globalization.CultureInfo.InvariantCulture);

    public static JsonArray Items(this JsonNode page) => page["items"]!.AsArray();
}
