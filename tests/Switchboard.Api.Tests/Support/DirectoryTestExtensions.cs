using System.Text.Json.Nodes;

namespace Switchboard.Api.Tests.Support;

/// <summary>Status-view shortcuts: read a directory list or an agent's recents, waiting for what one-way calls do.</summary>
public static class DirectoryTestExtensions
{
    /// <summary>How many times <see cref="WaitForJsonAsync"/> looks; with 10 ms between looks, about two seconds at most.</summary>
    private const int Checks = 200;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>GETs <paramref name="url"/> (200 each time) until <paramref name="condition"/> holds; fails with the last body if it never does.</summary>
    public static async Task<JsonNode> WaitForJsonAsync(this HttpClient client, string url, Func<JsonNode, bool> condition, string what)
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

        Assert.Fail($"{url} never showed {what}: {last?.ToJsonString()}");
        return last!;
    }

    /// <summary>The ids of a directory page's items (<c>agentId</c> or <c>queueId</c>) or a favorites or recents list (<c>id</c>).</summary>
    public static List<string> Ids(this JsonArray items, string property) => [.. items.Select(i => i!.Text(property))];

    /// <summary>All items of a paged list, following <c>nextCursor</c> with pages of <paramref name="limit"/>.</summary>
    public static async Task<List<JsonNode>> ReadAllPagesAsync(this HttpClient client, string url, int limit)
    {
        var all = new List<JsonNode>();
        string? cursor = null;
        var separator = url.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        do
        {
            var page = await client.GetOkJsonAsync($"{url}{separator}limit={limit}{(cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor))}");
            Assert.True(page.Items().Count <= limit);
            all.AddRange(page.Items().Select(i => i!));
            cursor = page.TextOrNull("nextCursor");
        }
        while (cursor is not null);

        return all;
    }
}
