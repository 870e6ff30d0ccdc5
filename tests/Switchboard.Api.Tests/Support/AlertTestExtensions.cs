using System.Net;
using System.Text.Json.Nodes;

namespace Switchboard.Api.Tests.Support;

/// <summary>Broadcast, alert and platform-change shortcuts, and bounded waits for what one-way calls do after a response.</summary>
public static class AlertTestExtensions
{
    /// <summary>How many times a wait looks; with 10 ms between looks, about two seconds at most.</summary>
    private const int Checks = 200;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>POSTs a broadcast, checks 201 and the Location, and returns it.</summary>
    public static async Task<JsonNode> BroadcastAsync(this HttpClient client, string json)
    {
        using var response = await client.SendJsonAsync(HttpMethod.Post, "/v1/broadcasts", json);
        var body = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {body.ToJsonString()}");
        Assert.Equal($"/v1/broadcasts/{body.Text("id")}", response.Headers.Location?.OriginalString);
        return body;
    }

    /// <summary>The recipients' agent ids of a broadcast, in order.</summary>
    public static List<string> RecipientIds(this JsonNode broadcast) =>
        [.. broadcast["recipients"]!.AsArray().Select(r => r!.Text("agentId"))];

    /// <summary>The agent's alerts (its own key, or an admin or supervisor key): their ids, newest first.</summary>
    public static async Task<List<string>> AlertIdsAsync(this HttpClient client, string agentId) =>
        [.. (await client.GetOkJsonAsync($"/v1/agents/{agentId}/alerts")).Items().Select(a => a!.Text("id"))];

    /// <summary>Reads the broadcast until <paramref name="condition"/> holds (read receipts arrive one way).</summary>
    public static Task<JsonNode> WaitForBroadcastAsync(this HttpClient client, string broadcastId, Func<JsonNode, bool> condition, string what) =>
        WaitForAsync(client, $"/v1/broadcasts/{broadcastId}", condition, what);

    /// <summary>Reads the platform change until <paramref name="condition"/> holds (its deadline runs after the clock moves).</summary>
    public static Task<JsonNode> WaitForChangeAsync(this HttpClient client, string changeId, Func<JsonNode, bool> condition, string what) =>
        WaitForAsync(client, $"/v1/platform-changes/{changeId}", condition, what);

    /// <summary>POSTs a new platform change, checks 201, and returns it.</summary>
    public static async Task<JsonNode> CreateChangeAsync(this HttpClient client, string message, bool final = false)
    {
        var body = new JsonObject { ["message"] = message, ["final"] = final };
        using var response = await client.SendJsonAsync(HttpMethod.Post, "/v1/platform-changes", body.ToJsonString());
        var change = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {change.ToJsonString()}");
        Assert.Equal($"/v1/platform-changes/{change.Text("id")}", response.Headers.Location?.OriginalString);
        return change;
    }

    /// <summary>POSTs a notice of a change and returns the response (the caller disposes it).</summary>
    public static Task<HttpResponseMessage> NoticeAsync(this HttpClient client, string changeId, string message, bool? final = null)
    {
        var body = new JsonObject { ["message"] = message, ["final"] = final };
        return client.SendJsonAsync(HttpMethod.Post, $"/v1/platform-changes/{changeId}/notices", body.ToJsonString());
    }

    /// <summary>Each agent's compliance as (status, at) by agent id.</summary>
    public static Dictionary<string, (string Status, DateTimeOffset? At)> Compliance(this JsonNode change) =>
        change["compliance"]!.AsArray().ToDictionary(
            c => c!.Text("agentId"),
            c => (c!.Text("status"), c!.TextOrNull("at") is null ? (DateTimeOffset?)null : c!.Time("at")));

    private static async Task<JsonNode> WaitForAsync(HttpClient client, string url, Func<JsonNode, bool> condition, string what)
    {
        JsonNode? last = null;
        for (var i = 0; i < Checks; i++)
        {
            last = await client.GetOkJsonAsync(url);
            if (condition(last))
            {
                return last;
            }

            await Task.Delay(10, Ct);
        }

        Assert.Fail($"{url} never became {what}: {last?.ToJsonString()}");
        return last!;
    }
}
