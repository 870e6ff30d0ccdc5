using System.Net;
using Switchboard.Api.Tests.Support;

namespace Switchboard.Api.Tests;

/// <summary>Admin CRUD of queues: round trips, defaults, retries, merge patches and paging.</summary>
public sealed class QueueCrudTests(SwitchboardApiFactory factory)
{
    private const string Support = """
        {"id":"support","name":"Support","media":"voice","strategy":"longest-idle","offerTimeoutSeconds":15,
         "transactionCodes":["sale","no-sale"],"wrapUp":{"codeRequired":true,"maxSeconds":120},
         "overflow":{"queueId":"backup","afterSeconds":60},"rejectAgentState":"Break","serviceLevelSeconds":30,"abandonThresholdSeconds":0}
        """;

    private static async Task<TestTenant> WithCodesAndBackup(SwitchboardApiFactory factory)
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.SetTransactionCodesAsync("sale", "no-sale", "callback");
        await tenant.CreateQueueAsync("backup");
        return tenant;
    }

    [Fact]
    public async Task Create_returns_201_with_location_and_get_and_list_show_every_setting()
    {
        var tenant = await WithCodesAndBackup(factory);
        using var admin = tenant.Admin();

        using var response = await admin.SendJsonAsync(HttpMethod.Post, "/v1/queues", Support);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/v1/queues/support", response.Headers.Location?.OriginalString);
        var created = await response.ReadJsonAsync();
        var queue = await admin.GetOkJsonAsync("/v1/queues/support");
        foreach (var body in new[] { created, queue })
        {
            Assert.Equal("support", body.Text("id"));
            Assert.Equal("Support", body.Text("name"));
            Assert.Equal("voice", body.Text("media"));
            Assert.Equal("longest-idle", body.Text("strategy"));
            Assert.Equal(15, body.Number("offerTimeoutSeconds"));
            Assert.Equal(["sale", "no-sale"], body["transactionCodes"]!.AsArray().Select(c => c!.GetValue<string>()));
            Assert.True(body["wrapUp"]!["codeRequired"]!.GetValue<bool>());
            Assert.Equal(120, body["wrapUp"]!.Number("maxSeconds"));
            Assert.Equal("backup", body["overflow"]!.Text("queueId"));
            Assert.Equal(60, body["overflow"]!.Number("afterSeconds"));
            Assert.Equal("Break", body.Text("rejectAgentState"));
            Assert.Equal(30, body.Number("serviceLevelSeconds"));
            Assert.Equal(0, body.Number("abandonThresholdSeconds"));
            Assert.Equal(body.Time("createdAt"), body.Time("updatedAt"));
        }

        var listed = (await admin.GetOkJsonAsync("/v1/queues")).Items();
        Assert.Equal(["backup", "support"], listed.Select(q => q!.Text("id")));
        Assert.Equal("Support", listed[1]!.Text("name"));
        Assert.Equal("voice", listed[1]!.Text("media"));
        Assert.Equal("longest-idle", listed[1]!.Text("strategy"));
    }

    [Fact]
    public async Task A_queue_with_only_id_and_name_takes_the_defaults()
    {
        var tenant = await factory.CreateTenantAsync();

        var created = await tenant.CreateQueueAsync("q1", """{"id":"q1","name":"  First line  "}""");

        Assert.Equal("First line", created.Text("name"));
        Assert.Equal("voice", created.Text("media"));
        Assert.Equal("longest-idle", created.Text("strategy"));
        Assert.Equal(15, created.Number("offerTimeoutSeconds"));
        Assert.Empty(created["transactionCodes"]!.AsArray());
        Assert.False(created["wrapUp"]!["codeRequired"]!.GetValue<bool>());
        Assert.Null(created["wrapUp"]!["maxSeconds"]);
        Assert.Null(created["overflow"]);
        Assert.Equal("Break", created.Text("rejectAgentState"));
        Assert.Equal(20, created.Number("serviceLevelSeconds"));
        Assert.Equal(5, created.Number("abandonThresholdSeconds"));

        // Explicit nulls are the same as leaving the fields out.
        var nulls = await tenant.CreateQueueAsync("q2",
            """{"id":"q2","name":"Q2","media":null,"strategy":null,"offerTimeoutSeconds":null,"transactionCodes":null,"wrapUp":null,"overflow":null,"rejectAgentState":null,"serviceLevelSeconds":null,"abandonThresholdSeconds":null}""");
        Assert.Equal("voice", nulls.Text("media"));
        Assert.Null(nulls["overflow"]);
        Assert.Equal("Break", nulls.Text("rejectAgentState"));
        Assert.Equal(20, nulls.Number("serviceLevelSeconds"));
        Assert.Equal(5, nulls.Number("abandonThresholdSeconds"));
    }

    [Theory]
    [InlineData("chat", "round-robin", "Available")]
    [InlineData("email", "skill-level", "Offline")]
    [InlineData("voicemail", "longest-idle", "break")]
    [InlineData("VOICE", "Round-Robin", "OFFLINE")]
    public async Task Every_media_strategy_and_reject_state_is_accepted_and_shown_in_its_wire_form(string media, string strategy, string reject)
    {
        var tenant = await factory.CreateTenantAsync();

        var created = await tenant.CreateQueueAsync("q", $$"""{"id":"q","name":"Q","media":"{{media}}","strategy":"{{strategy}}","rejectAgentState":"{{reject}}"}""");

        Assert.Equal(media.ToLowerInvariant(), created.Text("media"));
        Assert.Equal(strategy.ToLowerInvariant(), created.Text("strategy"));
        Assert.Equal(reject, created.Text("rejectAgentState"), ignoreCase: true);
        Assert.Contains(created.Text("rejectAgentState"), new[] { "Available", "Offline", "Break" });
    }

    [Fact]
    public async Task Same_create_twice_is_201_then_200_and_other_settings_under_the_id_are_409()
    {
        var tenant = await WithCodesAndBackup(factory);
        using var admin = tenant.Admin();

        using (var first = await admin.SendJsonAsync(HttpMethod.Post, "/v1/queues", Support))
        {
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        }

        using (var second = await admin.SendJsonAsync(HttpMethod.Post, "/v1/queues", Support))
        {
            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
            Assert.Equal("Support", (await second.ReadJsonAsync()).Text("name"));
        }

        using (var conflict = await admin.SendJsonAsync(HttpMethod.Post, "/v1/queues", Support.Replace("\"offerTimeoutSeconds\":15", "\"offerTimeoutSeconds\":30", StringComparison.Ordinal)))
        {
            var problem = await Problem.AssertAsync(conflict, HttpStatusCode.Conflict);
            Assert.Contains("'support'", Problem.Detail(problem), StringComparison.Ordinal);
        }

        // Thresholds are settings like any other: a different one under the same id is a conflict too.
        using (var conflict = await admin.SendJsonAsync(HttpMethod.Post, "/v1/queues", Support.Replace("\"serviceLevelSeconds\":30", "\"serviceLevelSeconds\":20", StringComparison.Ordinal)))
        {
            await Problem.AssertAsync(conflict, HttpStatusCode.Conflict);
        }

        var stored = await admin.GetOkJsonAsync("/v1/queues/support");
        Assert.Equal(15, stored.Number("offerTimeoutSeconds"));
        Assert.Equal(30, stored.Number("serviceLevelSeconds"));
        Assert.Equal(2, (await admin.GetOkJsonAsync("/v1/queues")).Items().Count);
    }

    [Fact]
    public async Task Patch_changes_only_the_fields_given_and_null_overflow_removes_it()
    {
        var tenant = await WithCodesAndBackup(factory);
        await tenant.CreateQueueAsync("support", Support);
        using var admin = tenant.Admin();

        using (var patched = await admin.SendJsonAsync(HttpMethod.Patch, "/v1/queues/support",
            """{"name":"Support 2","strategy":"skill-level","wrapUp":{"maxSeconds":300},"overflow":{"afterSeconds":90}}"""))
        {
            Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        }

        var queue = await admin.GetOkJsonAsync("/v1/queues/support");
        Assert.Equal("Support 2", queue.Text("name"));
        Assert.Equal("skill-level", queue.Text("strategy"));
        Assert.Equal("voice", queue.Text("media"));
        Assert.Equal(15, queue.Number("offerTimeoutSeconds"));
        Assert.Equal(2, queue["transactionCodes"]!.AsArray().Count);
        Assert.True(queue["wrapUp"]!["codeRequired"]!.GetValue<bool>());
        Assert.Equal(300, queue["wrapUp"]!.Number("maxSeconds"));
        Assert.Equal("backup", queue["overflow"]!.Text("queueId"));
        Assert.Equal(90, queue["overflow"]!.Number("afterSeconds"));
        Assert.Equal(30, queue.Number("serviceLevelSeconds"));
        Assert.Equal(0, queue.Number("abandonThresholdSeconds"));
        Assert.Equal("Support 2", (await admin.GetOkJsonAsync("/v1/queues")).Items()[1]!.Text("name"));

        // Absent fields stay, explicit nulls on overflow and maxSeconds remove them.
        using (var removed = await admin.SendJsonAsync(HttpMethod.Patch, "/v1/queues/support", """{"overflow":null,"wrapUp":{"maxSeconds":null}}"""))
        {
            Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
            var body = await removed.ReadJsonAsync();
            Assert.Null(body["overflow"]);
            Assert.Null(body["wrapUp"]!["maxSeconds"]);
            Assert.True(body["wrapUp"]!["codeRequired"]!.GetValue<bool>());
            Assert.Equal("Support 2", body.Text("name"));
        }

        using (var empty = await admin.SendJsonAsync(HttpMethod.Patch, "/v1/queues/support", "{}"))
        {
            Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        }

        var after = await admin.GetOkJsonAsync("/v1/queues/support");
        Assert.Null(after["overflow"]);
        Assert.Equal("skill-level", after.Text("strategy"));
        Assert.Equal("Break", after.Text("rejectAgentState"));
    }

    [Fact]
    public async Task Patch_sets_the_service_level_and_abandon_threshold_and_other_patches_keep_them()
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateQueueAsync("q1");
        using var admin = tenant.Admin();

        using (var patched = await admin.SendJsonAsync(HttpMethod.Patch, "/v1/queues/q1", """{"serviceLevelSeconds":3600,"abandonThresholdSeconds":600}"""))
        {
            Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
            var body = await patched.ReadJsonAsync();
            Assert.Equal(3600, body.Number("serviceLevelSeconds"));
            Assert.Equal(600, body.Number("abandonThresholdSeconds"));
        }

        using (var one = await admin.SendJsonAsync(HttpMethod.Patch, "/v1/queues/q1", """{"abandonThresholdSeconds":0}"""))
        {
            Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        }

        using (var other = await admin.SendJsonAsync(HttpMethod.Patch, "/v1/queues/q1", """{"name":"Renamed","serviceLevelSeconds":null}"""))
        {
            Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        }

        var queue = await admin.GetOkJsonAsync("/v1/queues/q1");
        Assert.Equal("Renamed", queue.Text("name"));
        Assert.Equal(3600, queue.Number("serviceLevelSeconds"));
        Assert.Equal(0, queue.Number("abandonThresholdSeconds"));
    }

    [Fact]
    public async Task Patch_result_must_follow_the_rules_and_a_refused_patch_changes_nothing()
    {
        var tenant = await WithCodesAndBackup(factory);
        await tenant.CreateQueueAsync("support", Support);
        using var admin = tenant.Admin();
        var before = (await admin.GetOkJsonAsync("/v1/queues/support")).ToJsonString();

        // Dropping every code while codes are required, and overflowing to itself.
        using var response = await admin.SendJsonAsync(HttpMethod.Patch, "/v1/queues/support",
            """{"name":"Renamed","transactionCodes":[],"overflow":{"queueId":"support"}}""");

        Problem.AssertFields(await Problem.AssertAsync(response, HttpStatusCode.UnprocessableEntity), "wrapUp.codeRequired", "overflow.queueId");
        Assert.Equal(before, (await admin.GetOkJsonAsync("/v1/queues/support")).ToJsonString());

        // A new overflow needs both its parts.
        using var half = await admin.SendJsonAsync(HttpMethod.Patch, "/v1/queues/backup", """{"overflow":{"queueId":"support"}}""");
        Problem.AssertFields(await Problem.AssertAsync(half, HttpStatusCode.UnprocessableEntity), "overflow.afterSeconds");
    }

    [Fact]
    public async Task Delete_is_204_then_get_patch_and_delete_are_404_and_the_list_drops_it()
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateQueueAsync("q1");
        await tenant.CreateQueueAsync("q2");
        using var admin = tenant.Admin();

        using (var deleted = await admin.DeleteResponseAsync("/v1/queues/q1"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        using (var get = await admin.GetResponseAsync("/v1/queues/q1"))
        {
            Assert.Contains("'q1'", Problem.Detail(await Problem.AssertAsync(get, HttpStatusCode.NotFound)), StringComparison.Ordinal);
        }

        using (var patch = await admin.SendJsonAsync(HttpMethod.Patch, "/v1/queues/q1", """{"name":"X"}"""))
        {
            await Problem.AssertAsync(patch, HttpStatusCode.NotFound);
        }

        using (var again = await admin.DeleteResponseAsync("/v1/queues/q1"))
        {
            await Problem.AssertAsync(again, HttpStatusCode.NotFound);
        }

        using (var members = await admin.GetResponseAsync("/v1/queues/q1/members"))
        {
            await Problem.AssertAsync(members, HttpStatusCode.NotFound);
        }

        Assert.Equal(["q2"], (await admin.GetOkJsonAsync("/v1/queues")).Items().Select(q => q!.Text("id")));
    }

    [Fact]
    public async Task Queue_list_pages_through_every_queue_in_id_order()
    {
        var tenant = await factory.CreateTenantAsync();
        string[] ids = ["q5", "q2", "q7", "q1", "q4", "q6", "q3"];
        foreach (var id in ids)
        {
            await tenant.CreateQueueAsync(id);
        }

        using var admin = tenant.Admin();
        var seen = new List<string>();
        var sizes = new List<int>();
        string? cursor = null;
        do
        {
            var url = cursor is null ? "/v1/queues?limit=3" : $"/v1/queues?limit=3&cursor={Uri.EscapeDataString(cursor)}";
            var page = await admin.GetOkJsonAsync(url);
            sizes.Add(page.Items().Count);
            seen.AddRange(page.Items().Select(i => i!.Text("id")));
            Assert.All(page.Items(), i => Assert.Equal("Queue " + i!.Text("id"), i!.Text("name")));
            cursor = page.TextOrNull("nextCursor");
            Assert.True(sizes.Count <= 3, "more pages than queues allow");
        }
        while (cursor is not null);

        Assert.Equal([3, 3, 1], sizes);
        Assert.Equal(ids.Order(StringComparer.Ordinal), seen);
        Assert.Equal(7, (await admin.GetOkJsonAsync("/v1/queues")).Items().Count);
        var exact = await admin.GetOkJsonAsync("/v1/queues?limit=7");
        Assert.Null(exact.TextOrNull("nextCursor"));
    }

    [Theory]
    [InlineData("/v1/queues?limit=0", "limit")]
    [InlineData("/v1/queues?limit=201", "limit")]
    [InlineData("/v1/queues?cursor=garbage", "cursor")]
    public async Task Bad_paging_parameters_are_400_naming_the_parameter(string url, string field)
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = tenant.Admin();

        using var response = await admin.GetResponseAsync(url);

        Problem.AssertFields(await Problem.AssertAsync(response, HttpStatusCode.BadRequest), field);
    }

    [Fact]
    public async Task A_cursor_of_the_agent_list_is_refused_by_the_queue_list_and_back()
    {
        var tenant = await factory.CreateTenantAsync();
        foreach (var id in new[] { "x1", "x2" })
        {
            await tenant.CreateAgentAsync(id);
            await tenant.CreateQueueAsync(id);
        }

        using var admin = tenant.Admin();
        var agentCursor = (await admin.GetOkJsonAsync("/v1/agents?limit=1")).Text("nextCursor");
        var queueCursor = (await admin.GetOkJsonAsync("/v1/queues?limit=1")).Text("nextCursor");

        using var queues = await admin.GetResponseAsync($"/v1/queues?cursor={Uri.EscapeDataString(agentCursor)}");
        Problem.AssertFields(await Problem.AssertAsync(queues, HttpStatusCode.BadRequest), "cursor");
        using var agents = await admin.GetResponseAsync($"/v1/agents?cursor={Uri.EscapeDataString(queueCursor)}");
        Problem.AssertFields(await Problem.AssertAsync(agents, HttpStatusCode.BadRequest), "cursor");
    }

    [Fact]
    public async Task An_idempotency_key_replays_the_create()
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = tenant.Admin();
        const string body = """{"id":"q1","name":"Q1"}""";

        using var first = await admin.SendJsonAsync(HttpMethod.Post, "/v1/queues", body, r => r.Headers.Add("Idempotency-Key", "k-1"));
        using var replay = await admin.SendJsonAsync(HttpMethod.Post, "/v1/queues", body, r => r.Headers.Add("Idempotency-Key", "k-1"));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal("/v1/queues/q1", replay.Headers.Location?.OriginalString);
    }
}
