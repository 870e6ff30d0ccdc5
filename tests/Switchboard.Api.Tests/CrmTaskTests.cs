using System.Net;
using System.Text.Json.Nodes;
using Switchboard.Api.Live;
using Switchboard.Api.Tests.Support;

namespace Switchboard.Api.Tests;

/// <summary>
/// The local CRM's tasks: created for an agent about a case or customer, listed soonest due first by assignee, status,
/// case, customer and due time; bad input changes nothing; agent keys hold their own tasks only; when a task falls due its
/// assignee is alerted live and in its alerts, once per due time, and not when it is done or deleted first. In the clock
/// collection: it moves the business clock to make tasks fall due.
/// </summary>
[Collection(ClockCollection.Name)]
public sealed class CrmTaskTests(SwitchboardApiFactory factory)
{
    private const string Url = "/v1/crm/tasks";

    [Fact]
    public async Task A_task_is_created_read_changed_and_deleted()
    {
        var (tenant, agentKey) = await CrmAsync();
        using var admin = tenant.Admin();
        var due = factory.Clock.GetUtcNow().AddDays(1);
        using var response = await admin.SendJsonAsync(HttpMethod.Post, Url,
            $$"""{"title":"Richiamare Maria","dueAt":"{{due:O}}","assigneeAgentId":"a1","caseId":"1","customerId":"maria"}""");
        var created = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, created.ToJsonString());
        var id = created.Text("id");
        Assert.Equal($"{Url}/{id}", response.Headers.Location?.OriginalString);
        Assert.StartsWith("tk_", id, StringComparison.Ordinal);
        Assert.Equal(["id", "title", "dueAt", "assigneeAgentId", "caseId", "customerId", "status", "alerted", "createdBy", "createdAt", "updatedAt"],
            created.AsObject().Select(p => p.Key));
        Assert.Equal(("Richiamare Maria", due, "a1", "1", "maria", "open"),
            (created.Text("title"), created.Time("dueAt"), created.Text("assigneeAgentId"), created.Text("caseId"), created.Text("customerId"), created.Text("status")));
        Assert.False(created["alerted"]!.GetValue<bool>());
        Assert.StartsWith("api:", created.Text("createdBy"), StringComparison.Ordinal);

        using var agent = factory.ClientWith(agentKey);
        Assert.Equal(created.ToJsonString(), (await agent.GetOkJsonAsync($"{Url}/{id}")).ToJsonString());

        var changed = await PatchOkAsync(admin, id, """{"title":"Richiamare Maria Rossi","caseId":"","customerId":""}""");
        Assert.Equal(("Richiamare Maria Rossi", null, null), (changed.Text("title"), changed["caseId"]?.GetValue<string>(), changed["customerId"]?.GetValue<string>()));
        var done = await PatchOkAsync(agent, id, """{"status":"done"}""");
        Assert.Equal("done", done.Text("status"));

        using var deleted = await agent.DeleteAsync($"{Url}/{id}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var gone = await admin.GetAsync($"{Url}/{id}", TestContext.Current.CancellationToken);
        await Problem.AssertAsync(gone, HttpStatusCode.NotFound);
        Assert.Empty((await admin.GetOkJsonAsync(Url)).Items());
    }

    [Fact]
    public async Task Tasks_are_listed_soonest_due_first_and_filtered()
    {
        var (tenant, _) = await CrmAsync();
        await tenant.CreateAgentAsync("a2");
        using var admin = tenant.Admin();
        var now = factory.Clock.GetUtcNow();
        var ids = new Dictionary<string, string>();
        foreach (var (name, hours, assignee, extra) in new[]
        {
            ("third", 3, "a1", ",\"customerId\":\"maria\""),
            ("first", 1, "a2", ",\"caseId\":\"1\",\"status\":\"done\""),
            ("fourth", 4, "a1", ",\"caseId\":\"1\""),
            ("second", 2, "a1", ""),
        })
        {
            ids[name] = (await CreateOkAsync(admin, $$"""{"title":"{{name}}","dueAt":"{{now.AddHours(hours):O}}","assigneeAgentId":"{{assignee}}"{{extra}}}""")).Text("id");
        }

        string[] Names(IEnumerable<string> found) => [.. found.Select(id => ids.Single(p => p.Value == id).Key)];
        Assert.Equal(["first", "second", "third", "fourth"], Names(await AllIdsAsync(admin, Url, 1)));
        Assert.Equal(["second", "third", "fourth"], Names(await AllIdsAsync(admin, Url + "?assigneeAgentId=a1", 2)));
        Assert.Equal(["second", "third", "fourth"], Names(await AllIdsAsync(admin, Url + "?status=open")));
        Assert.Equal(["first", "fourth"], Names(await AllIdsAsync(admin, Url + "?caseId=1")));
        Assert.Equal(["third"], Names(await AllIdsAsync(admin, Url + "?customerId=maria")));
        Assert.Equal(["first", "second"], Names(await AllIdsAsync(admin, Url + "?dueBefore=" + Uri.EscapeDataString(now.AddHours(3).ToString("O")))));
        Assert.Empty(await AllIdsAsync(admin, Url + "?assigneeAgentId=nobody"));
    }

    [Theory]
    [InlineData("""{"dueAt":"2026-11-26T10:00:00+00:00","assigneeAgentId":"a1"}""", "title")]
    [InlineData("""{"title":"X","assigneeAgentId":"a1"}""", "dueAt")]
    [InlineData("""{"title":"X","dueAt":"2040-01-01T00:00:00+00:00","assigneeAgentId":"a1"}""", "dueAt")]
    [InlineData("""{"title":"X","dueAt":"2026-11-26T10:00:00+00:00"}""", "assigneeAgentId")]
    [InlineData("""{"title":"X","dueAt":"2026-11-26T10:00:00+00:00","assigneeAgentId":"ghost"}""", "assigneeAgentId")]
    [InlineData("""{"title":"X","dueAt":"2026-11-26T10:00:00+00:00","assigneeAgentId":"a1","caseId":"9"}""", "caseId")]
    [InlineData("""{"title":"X","dueAt":"2026-11-26T10:00:00+00:00","assigneeAgentId":"a1","caseId":"abc"}""", "caseId")]
    [InlineData("""{"title":"X","dueAt":"2026-11-26T10:00:00+00:00","assigneeAgentId":"a1","customerId":"nobody"}""", "customerId")]
    [InlineData("""{"title":"a\u0000b","dueAt":"2026-11-26T10:00:00+00:00","assigneeAgentId":"a1"}""", "title")]
    public async Task Bad_tasks_are_refused_naming_the_field(string json, string field)
    {
        var (tenant, _) = await CrmAsync();
        using var admin = tenant.Admin();
        using var response = await admin.SendJsonAsync(HttpMethod.Post, Url, json);
        Problem.AssertFields(await Problem.AssertAsync(response, HttpStatusCode.UnprocessableEntity), field);
        Assert.Empty((await admin.GetOkJsonAsync(Url)).Items());
    }

    [Theory]
    [InlineData("POST", "", """{"title":"X","dueAt":"2026-11-26T10:00:00+00:00","assigneeAgentId":"a1","status":"closed"}""", HttpStatusCode.BadRequest)]
    [InlineData("POST", "", """{"title":"X","dueAt":"tomorrow","assigneeAgentId":"a1"}""", HttpStatusCode.BadRequest)]
    [InlineData("PATCH", "/{id}", """{"status":"closed"}""", HttpStatusCode.BadRequest)]
    [InlineData("PATCH", "/{id}", """{"title":""}""", HttpStatusCode.UnprocessableEntity)]
    [InlineData("PATCH", "/{id}", """{"assigneeAgentId":"ghost"}""", HttpStatusCode.UnprocessableEntity)]
    [InlineData("PATCH", "/{id}", """{"caseId":"9"}""", HttpStatusCode.UnprocessableEntity)]
    [InlineData("PATCH", "/{id}", """{"dueAt":"2000-01-01T00:00:00+00:00"}""", HttpStatusCode.UnprocessableEntity)]
    [InlineData("PATCH", "/{id}", """{"priority":"high"}""", HttpStatusCode.BadRequest)]
    [InlineData("GET", "?status=closed", null, HttpStatusCode.BadRequest)]
    [InlineData("GET", "?caseId=x", null, HttpStatusCode.BadRequest)]
    [InlineData("GET", "?cursor=garbage", null, HttpStatusCode.BadRequest)]
    [InlineData("GET", "?dueBefore=soon", null, HttpStatusCode.BadRequest)]
    [InlineData("GET", "/tk_nothing", null, HttpStatusCode.NotFound)]
    [InlineData("GET", "/bad%20id", null, HttpStatusCode.BadRequest)]
    [InlineData("PATCH", "/tk_nothing", """{"status":"done"}""", HttpStatusCode.NotFound)]
    [InlineData("DELETE", "/tk_nothing", null, HttpStatusCode.NotFound)]
    public async Task Bad_requests_change_nothing(string method, string path, string? json, HttpStatusCode status)
    {
        var (tenant, _) = await CrmAsync();
        using var admin = tenant.Admin();
        var before = await CreateOkAsync(admin, $$"""{"title":"Uno","dueAt":"{{factory.Clock.GetUtcNow().AddDays(1):O}}","assigneeAgentId":"a1"}""");
        using var response = await admin.SendJsonAsync(new HttpMethod(method), Url + path.Replace("{id}", before.Text("id"), StringComparison.Ordinal), json);
        await Problem.AssertAsync(response, status);
        Assert.Equal(before.ToJsonString(), (await admin.GetOkJsonAsync($"{Url}/{before.Text("id")}")).ToJsonString());
        Assert.Single((await admin.GetOkJsonAsync(Url)).Items());
    }

    [Fact]
    public async Task Agent_keys_hold_their_own_tasks_only()
    {
        var (tenant, agentKey) = await CrmAsync();
        await tenant.CreateAgentAsync("a2");
        using var admin = tenant.Admin();
        using var agent = factory.ClientWith(agentKey);
        var due = factory.Clock.GetUtcNow().AddDays(1);
        var theirs = (await CreateOkAsync(admin, $$"""{"title":"Di a2","dueAt":"{{due:O}}","assigneeAgentId":"a2"}""")).Text("id");

        // Its own: created by itself (the author is the agent), listed without asking, changed.
        var own = await CreateOkAsync(agent, $$"""{"title":"Mio","dueAt":"{{due:O}}","assigneeAgentId":"a1"}""");
        Assert.Equal("agent:a1", own.Text("createdBy"));
        Assert.Equal([own.Text("id")], await AllIdsAsync(agent, Url, 10));
        Assert.Equal([own.Text("id")], await AllIdsAsync(agent, Url + "?assigneeAgentId=a1"));
        Assert.Equal("Mio!", (await PatchOkAsync(agent, own.Text("id"), """{"title":"Mio!"}""")).Text("title"));

        // Another agent's: not created, read, listed, changed, taken over or deleted; nor is its own given away.
        foreach (var (method, url, json) in new (string, string, string?)[]
        {
            ("POST", Url, $$"""{"title":"Per a2","dueAt":"{{due:O}}","assigneeAgentId":"a2"}"""),
            ("GET", $"{Url}/{theirs}", null),
            ("GET", $"{Url}?assigneeAgentId=a2", null),
            ("PATCH", $"{Url}/{theirs}", """{"status":"done"}"""),
            ("PATCH", $"{Url}/{theirs}", """{"assigneeAgentId":"a1"}"""),
            ("PATCH", $"{Url}/{own.Text("id")}", """{"assigneeAgentId":"a2"}"""),
            ("DELETE", $"{Url}/{theirs}", null),
        })
        {
            using var refused = await agent.SendJsonAsync(new HttpMethod(method), url, json);
            await Problem.AssertAsync(refused, HttpStatusCode.Forbidden);
        }

        var stillTheirs = await admin.GetOkJsonAsync($"{Url}/{theirs}");
        Assert.Equal(("a2", "open"), (stillTheirs.Text("assigneeAgentId"), stillTheirs.Text("status")));
        Assert.Equal("a1", (await admin.GetOkJsonAsync($"{Url}/{own.Text("id")}")).Text("assigneeAgentId"));
        Assert.Equal(2, (await admin.GetOkJsonAsync(Url)).Items().Count);

        // An integration writes any task.
        var (_, integrationKey) = await tenant.IssueKeyAsync("integration");
        using var integration = factory.ClientWith(integrationKey);
        Assert.Equal("a1", (await PatchOkAsync(integration, theirs, """{"assigneeAgentId":"a1"}""")).Text("assigneeAgentId"));
    }

    [Fact]
    public async Task A_task_falling_due_alerts_its_assignee_live_and_in_its_alerts_once()
    {
        var (tenant, agentKey) = await CrmAsync();
        await tenant.CreateAgentAsync("a2");
        var (_, otherKey) = await tenant.IssueKeyAsync("agent", "a2");
        var (_, supervisorKey) = await tenant.IssueKeyAsync("supervisor");
        using var admin = tenant.Admin();
        await using var live = await LiveTestClient.ConnectAsync(factory, agentKey);
        await using var other = await LiveTestClient.ConnectAsync(factory, otherKey);
        await using var supervisor = await LiveTestClient.ConnectAsync(factory, supervisorKey);
        foreach (var client in new[] { live, other, supervisor })
        {
            await client.SubscribeAsync("alerts");
            await client.NextOfTypeAsync("subscribed");
        }

        var due = factory.Clock.GetUtcNow().AddHours(2);
        var task = await CreateOkAsync(admin, $$"""{"title":"Richiamare Maria","dueAt":"{{due:O}}","assigneeAgentId":"a1","customerId":"maria"}""");
        var id = task.Text("id");
        factory.Clock.Advance(TimeSpan.FromHours(2) - TimeSpan.FromSeconds(1));
        Assert.False((await admin.GetOkJsonAsync($"{Url}/{id}"))["alerted"]!.GetValue<bool>());
        Assert.Empty(await admin.AlertIdsAsync("a1"));

        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var received = (await live.NextOfTypeAsync(LiveEventTypes.AlertReceived, "alerts"))["data"]!;
        Assert.Equal(("task", "Task due: Richiamare Maria", id, "a1"),
            (received.Text("kind"), received.Text("text"), received.Text("taskId"), received["audience"]!.Text("agentId")));
        Assert.Equal(due, received.Time("sentAt"));
        var alertId = received.Text("id");
        await admin.WaitForJsonAsync($"{Url}/{id}", t => t["alerted"]!.GetValue<bool>(), "alerted");
        Assert.Equal([alertId], await admin.AlertIdsAsync("a1"));
        Assert.Empty(await admin.AlertIdsAsync("a2"));

        // The agent reads it; neither another agent nor a supervisor was told of it.
        using var agent = factory.ClientWith(agentKey);
        using var read = await agent.SendJsonAsync(HttpMethod.Post, $"/v1/agents/a1/alerts/{alertId}/read", null);
        Assert.True((await read.ReadJsonAsync())["read"]!.GetValue<bool>());
        foreach (var client in new[] { other, supervisor })
        {
            await client.SendAsync("""{"op":"ping"}""");
            await client.NextOfTypeAsync("pong");
            Assert.DoesNotContain(client.Received, m => m.TextOrNull("type") == LiveEventTypes.AlertReceived);
        }

        // A new due time alerts again when it comes (a new alert); the old one stays read.
        await PatchOkAsync(admin, id, $$"""{"dueAt":"{{due.AddHours(1):O}}"}""");
        factory.Clock.Advance(TimeSpan.FromHours(1));
        var again = (await live.NextOfTypeAsync(LiveEventTypes.AlertReceived, "alerts"))["data"]!;
        Assert.NotEqual(alertId, again.Text("id"));
        var alerts = (await admin.GetOkJsonAsync("/v1/agents/a1/alerts")).Items();
        Assert.Equal([(again.Text("id"), false), (alertId, true)], alerts.Select(a => (a!.Text("id"), a!["read"]!.GetValue<bool>())));
    }

    [Fact]
    public async Task A_task_done_or_deleted_before_it_falls_due_alerts_nobody_and_one_due_already_alerts_at_once()
    {
        var (tenant, _) = await CrmAsync();
        using var admin = tenant.Admin();
        var now = factory.Clock.GetUtcNow();
        var done = (await CreateOkAsync(admin, $$"""{"title":"Fatto","dueAt":"{{now.AddMinutes(10):O}}","assigneeAgentId":"a1"}""")).Text("id");
        var deleted = (await CreateOkAsync(admin, $$"""{"title":"Cancellato","dueAt":"{{now.AddMinutes(10):O}}","assigneeAgentId":"a1"}""")).Text("id");
        var bornDone = (await CreateOkAsync(admin, $$"""{"title":"Già fatto","dueAt":"{{now.AddMinutes(-10):O}}","assigneeAgentId":"a1","status":"done"}""")).Text("id");
        await PatchOkAsync(admin, done, """{"status":"done"}""");
        await admin.DeleteAsync($"{Url}/{deleted}", TestContext.Current.CancellationToken);

        var late = await CreateOkAsync(admin, $$"""{"title":"In ritardo","dueAt":"{{now.AddMinutes(-5):O}}","assigneeAgentId":"a1"}""");
        Assert.True(late["alerted"]!.GetValue<bool>());
        factory.Clock.Advance(TimeSpan.FromMinutes(20));

        // Only the late one's alert: the others never rang (a later look sees the same).
        var alerts = (await admin.GetOkJsonAsync("/v1/agents/a1/alerts")).Items();
        Assert.Equal([late.Text("id")], alerts.Select(a => a!.Text("taskId")));
        Assert.False((await admin.GetOkJsonAsync($"{Url}/{done}"))["alerted"]!.GetValue<bool>());
        Assert.False((await admin.GetOkJsonAsync($"{Url}/{bornDone}"))["alerted"]!.GetValue<bool>());
    }

    /// <summary>A tenant with customer maria, case 1 about her and agent a1 (and its key).</summary>
    private async Task<(TestTenant Tenant, string AgentKey)> CrmAsync()
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = tenant.Admin();
        await admin.PostAsync("/v1/crm/customers", """{"id":"maria","name":"Maria Rossi","phones":["+390212345678"]}""", HttpStatusCode.Created);
        await admin.PostAsync("/v1/crm/cases", """{"subject":"Ordine 12345","customerId":"maria"}""", HttpStatusCode.Created);
        await tenant.CreateAgentAsync("a1");
        var (_, key) = await tenant.IssueKeyAsync("agent", "a1");
        return (tenant, key);
    }

    private static async Task<List<string>> AllIdsAsync(HttpClient client, string url, int limit = 50) =>
        [.. (await client.ReadAllPagesAsync(url, limit)).Select(t => t.Text("id"))];

    private static async Task<JsonNode> CreateOkAsync(HttpClient client, string json)
    {
        using var response = await client.SendJsonAsync(HttpMethod.Post, Url, json);
        var body = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {body.ToJsonString()}");
        return body;
    }

    private static async Task<JsonNode> PatchOkAsync(HttpClient client, string taskId, string json)
    {
        using var response = await client.SendJsonAsync(HttpMethod.Patch, $"{Url}/{taskId}", json);
        var body = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body.ToJsonString()}");
        return body;
    }
}
