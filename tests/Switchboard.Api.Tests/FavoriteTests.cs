using System.Net;
using System.Text.Json.Nodes;
using Switchboard.Api.Tests.Support;

namespace Switchboard.Api.Tests;

/// <summary><c>/v1/agents/{agentId}/favorites</c>: pin, list with live status, unpin; who may; bad input and limits change nothing.</summary>
public sealed class FavoriteTests(SwitchboardApiFactory factory)
{
    private const string Favorites = "/v1/agents/a1/favorites";

    [Fact]
    public async Task An_agent_pins_agents_and_queues_lists_them_newest_first_with_live_status_and_unpins_them()
    {
        var center = await factory.CallCenterWithAgentKeysAsync();
        using var a1 = factory.ClientWith(center.Keys["a1"]);
        await center.Tenant.SetStateAsync("a2", "Offline");

        JsonNode first;
        using (var pinned = await a1.SendJsonAsync(HttpMethod.Put, Favorites + "/agent/a2", null))
        {
            Assert.Equal(HttpStatusCode.Created, pinned.StatusCode);
            Assert.Equal(Favorites + "/agent/a2", pinned.Headers.Location?.OriginalString);
            first = await pinned.ReadJsonAsync();
        }

        Assert.Equal(("agent", "a2"), (first.Text("kind"), first.Text("id")));
        Assert.Equal(("Offline", "working-offline"), (first["agent"]!.Text("state"), first["agent"]!.Text("icon")));
        Assert.Null(first["queue"]);
        using (var again = await a1.SendJsonAsync(HttpMethod.Put, Favorites + "/agent/a2", null))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.Equal(first.Time("addedAt"), (await again.ReadJsonAsync()).Time("addedAt"));
        }

        using (var queue = await a1.SendJsonAsync(HttpMethod.Put, Favorites + "/queue/support", null))
        {
            Assert.Equal(HttpStatusCode.Created, queue.StatusCode);
        }

        var list = (await a1.GetOkJsonAsync(Favorites)).Items();
        Assert.Equal([("queue", "support"), ("agent", "a2")], list.Select(f => (f!.Text("kind"), f!.Text("id"))));
        var support = list[0]!["queue"]!;
        Assert.Equal(("support", "Support"), (support.Text("queueId"), support.Text("name")));
        Assert.Equal(0, support["stats"]!.Number("waiting"));
        Assert.Equal(1, support["stats"]!["agents"]!.Number("available"));
        Assert.Null(list[0]!["agent"]);
        Assert.Equal("Offline", list[1]!["agent"]!.Text("state"));
        Assert.Equal("working-offline", (await a1.GetOkJsonAsync(Favorites + "/agent/a2"))["agent"]!.Text("icon"));

        using (var removed = await a1.DeleteResponseAsync(Favorites + "/agent/a2"))
        {
            Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        }

        using (var gone = await a1.DeleteResponseAsync(Favorites + "/agent/a2"))
        {
            await Problem.AssertAsync(gone, HttpStatusCode.NotFound);
        }

        using (var notAFavorite = await a1.GetResponseAsync(Favorites + "/agent/a2"))
        {
            await Problem.AssertAsync(notAFavorite, HttpStatusCode.NotFound);
        }

        Assert.Equal(["support"], (await a1.GetOkJsonAsync(Favorites)).Items().Ids("id"));
    }

    [Fact]
    public async Task A_favorite_deleted_since_stays_listed_without_status()
    {
        var center = await factory.CallCenterWithAgentKeysAsync();
        using var admin = center.Tenant.Admin();
        await center.Tenant.SetStateAsync("a3", "LoggedOut");
        using (var pinned = await admin.SendJsonAsync(HttpMethod.Put, Favorites + "/agent/a3", null))
        {
            Assert.Equal(HttpStatusCode.Created, pinned.StatusCode);
        }

        using (var deleted = await admin.DeleteResponseAsync("/v1/agents/a3"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        var favorite = Assert.Single((await admin.GetOkJsonAsync(Favorites)).Items())!;
        Assert.Equal("a3", favorite.Text("id"));
        Assert.Null(favorite["agent"]);
    }

    [Fact]
    public async Task Agent_keys_use_only_their_own_favorites_integrations_only_read_supervisors_and_admins_change_any()
    {
        var center = await factory.CallCenterWithAgentKeysAsync();
        using var a2 = factory.ClientWith(center.Keys["a2"]);
        using var integration = factory.ClientWith((await center.Tenant.IssueKeyAsync("integration")).Key);
        using var supervisor = factory.ClientWith((await center.Tenant.IssueKeyAsync("supervisor")).Key);
        using var admin = center.Tenant.Admin();

        foreach (var (method, url) in new[] { (HttpMethod.Get, Favorites), (HttpMethod.Get, Favorites + "/queue/support"), (HttpMethod.Put, Favorites + "/queue/support"), (HttpMethod.Delete, Favorites + "/queue/support") })
        {
            using var response = await a2.SendJsonAsync(method, url, null);
            await Problem.AssertAsync(response, HttpStatusCode.Forbidden);
        }

        foreach (var method in new[] { HttpMethod.Put, HttpMethod.Delete })
        {
            using var response = await integration.SendJsonAsync(method, Favorites + "/queue/support", null);
            await Problem.AssertAsync(response, HttpStatusCode.Forbidden);
        }

        Assert.Empty((await integration.GetOkJsonAsync(Favorites)).Items());
        using (var bySupervisor = await supervisor.SendJsonAsync(HttpMethod.Put, Favorites + "/queue/support", null))
        {
            Assert.Equal(HttpStatusCode.Created, bySupervisor.StatusCode);
        }

        using (var byAdmin = await admin.SendJsonAsync(HttpMethod.Put, Favorites + "/agent/a3", null))
        {
            Assert.Equal(HttpStatusCode.Created, byAdmin.StatusCode);
        }

        Assert.Equal(["a3", "support"], (await integration.GetOkJsonAsync(Favorites)).Items().Ids("id"));
        using (var bySupervisor = await supervisor.DeleteResponseAsync(Favorites + "/agent/a3"))
        {
            Assert.Equal(HttpStatusCode.NoContent, bySupervisor.StatusCode);
        }

        using var a1 = factory.ClientWith(center.Keys["a1"]);
        Assert.Equal(["support"], (await a1.GetOkJsonAsync(Favorites)).Items().Ids("id"));
    }

    [Theory]
    [InlineData("PUT", Favorites + "/team/support", HttpStatusCode.BadRequest)]
    [InlineData("PUT", Favorites + "/Agent/a2", HttpStatusCode.BadRequest)]
    [InlineData("PUT", Favorites + "/agent/bad%20id", HttpStatusCode.BadRequest)]
    [InlineData("PUT", Favorites + "/agent/nobody", HttpStatusCode.NotFound)]
    [InlineData("PUT", Favorites + "/queue/nothing", HttpStatusCode.NotFound)]
    [InlineData("PUT", "/v1/agents/ghost/favorites/queue/support", HttpStatusCode.NotFound)]
    [InlineData("PUT", "/v1/agents/bad%20agent/favorites/queue/support", HttpStatusCode.BadRequest)]
    [InlineData("DELETE", Favorites + "/queue/support", HttpStatusCode.NotFound)]
    [InlineData("DELETE", Favorites + "/team/support", HttpStatusCode.BadRequest)]
    [InlineData("GET", Favorites + "/queue/bad%20id", HttpStatusCode.BadRequest)]
    [InlineData("GET", "/v1/agents/ghost/favorites", HttpStatusCode.NotFound)]
    public async Task Bad_or_unknown_input_is_a_problem_and_changes_nothing(string method, string url, HttpStatusCode status)
    {
        var center = await factory.CallCenterWithAgentKeysAsync();
        using var admin = center.Tenant.Admin();
        using (var pinned = await admin.SendJsonAsync(HttpMethod.Put, Favorites + "/agent/a3", null))
        {
            Assert.Equal(HttpStatusCode.Created, pinned.StatusCode);
        }

        var before = (await admin.GetOkJsonAsync(Favorites)).ToJsonString();

        using (var response = await admin.SendJsonAsync(new HttpMethod(method), url, null))
        {
            await Problem.AssertAsync(response, status);
        }

        Assert.Equal(before, (await admin.GetOkJsonAsync(Favorites)).ToJsonString());
        using var ghost = await admin.GetResponseAsync("/v1/agents/ghost");
        Assert.Equal(HttpStatusCode.NotFound, ghost.StatusCode);
    }

    [Fact]
    public async Task One_favorite_past_the_limit_is_422_and_changes_nothing()
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1");
        using var a1 = factory.ClientWith((await tenant.IssueKeyAsync("agent", "a1")).Key);
        for (var i = 0; i <= 100; i++)
        {
            await tenant.CreateAgentAsync($"b{i:D3}");
        }

        for (var i = 0; i < 100; i++)
        {
            using var pinned = await a1.SendJsonAsync(HttpMethod.Put, $"{Favorites}/agent/b{i:D3}", null);
            Assert.Equal(HttpStatusCode.Created, pinned.StatusCode);
        }

        using (var tooMany = await a1.SendJsonAsync(HttpMethod.Put, Favorites + "/agent/b100", null))
        {
            Assert.Contains("100", Problem.Detail(await Problem.AssertAsync(tooMany, HttpStatusCode.UnprocessableEntity)), StringComparison.Ordinal);
        }

        // Pinning one again is still fine at the limit.
        using (var again = await a1.SendJsonAsync(HttpMethod.Put, Favorites + "/agent/b007", null))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }

        var list = (await a1.GetOkJsonAsync(Favorites)).Items();
        Assert.Equal(100, list.Count);
        Assert.Equal("b099", list[0]!.Text("id"));
        Assert.DoesNotContain("b100", list.Ids("id"));
    }
}
