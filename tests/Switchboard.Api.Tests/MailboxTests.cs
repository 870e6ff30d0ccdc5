using System.Net;
using Switchboard.Api.Tests.Support;

namespace Switchboard.Api.Tests;

/// <summary>
/// Mailboxes over HTTP: created and replaced with PUT, read, listed a page at a time and deleted; an address belongs to
/// one mailbox of a tenant (any case); the queue must exist and carry email; admins write, readers read, agents neither.
/// </summary>
public sealed class MailboxTests(SwitchboardApiFactory factory)
{
    private const string Url = "/v1/email/mailboxes";

    private async Task<TestTenant> WithEmailQueueAsync()
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateQueueAsync("support", """{"id":"support","name":"Support","media":"email"}""");
        await tenant.CreateQueueAsync("calls", """{"id":"calls","name":"Calls"}""");
        return tenant;
    }

    private static async Task PutCreatedAsync(HttpClient client, string url, string json)
    {
        using var response = await client.SendJsonAsync(HttpMethod.Put, url, json);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"PUT {url}: {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
    }

    [Fact]
    public async Task A_mailbox_is_created_replaced_read_listed_and_deleted()
    {
        var tenant = await WithEmailQueueAsync();
        using var admin = tenant.Admin();
        await tenant.CreateQueueAsync("billing", """{"id":"billing","name":"Billing","media":"email"}""");

        using (var created = await admin.SendJsonAsync(HttpMethod.Put, $"{Url}/acme-support", """{"address":"Support@Acme.example","queueId":"support","displayName":"Acme Support"}"""))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            Assert.Equal($"{Url}/acme-support", created.Headers.Location!.OriginalString);
            var body = await created.ReadJsonAsync();
            Assert.Equal(("acme-support", "support@acme.example", "support", "Acme Support"), (body.Text("id"), body.Text("address"), body.Text("queueId"), body.Text("displayName")));
        }

        using (var replaced = await admin.SendJsonAsync(HttpMethod.Put, $"{Url}/acme-support", """{"address":"help@acme.example","queueId":"billing","displayName":"Acme Help"}"""))
        {
            Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        }

        var read = await admin.GetOkJsonAsync($"{Url}/acme-support");
        Assert.Equal(("help@acme.example", "billing", "Acme Help"), (read.Text("address"), read.Text("queueId"), read.Text("displayName")));

        await admin.PostAsync("/v1/queues", """{"id":"x","name":"X","media":"email"}""", HttpStatusCode.Created);
        foreach (var id in new[] { "m-a", "m-b", "m-c" })
        {
            using var more = await admin.SendJsonAsync(HttpMethod.Put, $"{Url}/{id}", $$"""{"address":"{{id}}@acme.example","queueId":"x","displayName":"{{id}}"}""");
            Assert.Equal(HttpStatusCode.Created, more.StatusCode);
        }

        var first = await admin.GetOkJsonAsync($"{Url}?limit=2");
        Assert.Equal(["acme-support", "m-a"], first["items"]!.AsArray().Select(i => i!.Text("id")));
        var second = await admin.GetOkJsonAsync($"{Url}?limit=2&cursor={Uri.EscapeDataString(first.Text("nextCursor"))}");
        Assert.Equal(["m-b", "m-c"], second["items"]!.AsArray().Select(i => i!.Text("id")));
        Assert.Null(second.TextOrNull("nextCursor"));

        using (var deleted = await admin.DeleteAsync($"{Url}/acme-support", TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        await Problem.AssertAsync(await admin.GetAsync($"{Url}/acme-support", TestContext.Current.CancellationToken), HttpStatusCode.NotFound);
        await Problem.AssertAsync(await admin.DeleteAsync($"{Url}/acme-support", TestContext.Current.CancellationToken), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_address_belongs_to_one_mailbox_and_a_refused_write_changes_nothing()
    {
        var tenant = await WithEmailQueueAsync();
        using var admin = tenant.Admin();
        await PutCreatedAsync(admin, $"{Url}/first", """{"address":"support@acme.example","queueId":"support","displayName":"Acme"}""");
        var before = (await admin.GetOkJsonAsync(Url)).ToJsonString();

        using (var taken = await admin.SendJsonAsync(HttpMethod.Put, $"{Url}/second", """{"address":"SUPPORT@acme.example","queueId":"support","displayName":"Acme"}"""))
        {
            var problem = await Problem.AssertAsync(taken, HttpStatusCode.Conflict);
            Assert.Contains("'first'", Problem.Detail(problem), StringComparison.Ordinal);
        }

        using (var missing = await admin.SendJsonAsync(HttpMethod.Put, $"{Url}/first", """{"address":"support@acme.example","queueId":"nowhere","displayName":"Acme"}"""))
        {
            Problem.AssertFields(await Problem.AssertAsync(missing, HttpStatusCode.UnprocessableEntity), "queueId");
        }

        using (var voice = await admin.SendJsonAsync(HttpMethod.Put, $"{Url}/first", """{"address":"support@acme.example","queueId":"calls","displayName":"Acme"}"""))
        {
            Problem.AssertFields(await Problem.AssertAsync(voice, HttpStatusCode.UnprocessableEntity), "queueId");
        }

        Assert.Equal(before, (await admin.GetOkJsonAsync(Url)).ToJsonString());

        // Another tenant may have the same address.
        var other = await WithEmailQueueAsync();
        using var otherAdmin = other.Admin();
        await PutCreatedAsync(otherAdmin, $"{Url}/first", """{"address":"support@acme.example","queueId":"support","displayName":"Acme"}""");
    }

    [Theory]
    [InlineData("""{"queueId":"support","displayName":"Acme"}""", "address")]
    [InlineData("""{"address":"not an address","queueId":"support","displayName":"Acme"}""", "address")]
    [InlineData("""{"address":"Acme <support@acme.example>","queueId":"support","displayName":"Acme"}""", "address")]
    [InlineData("""{"address":"support@acme.example","queueId":"sup port","displayName":"Acme"}""", "queueId")]
    [InlineData("""{"address":"support@acme.example","queueId":"support","displayName":""}""", "displayName")]
    [InlineData("""{"address":"support@acme.example","queueId":"support","displayName":"two\nlines"}""", "displayName")]
    public async Task Bad_mailboxes_are_refused_with_the_field_named(string json, string field)
    {
        var tenant = await WithEmailQueueAsync();
        using var admin = tenant.Admin();
        using var response = await admin.SendJsonAsync(HttpMethod.Put, $"{Url}/m1", json);
        Problem.AssertFields(await Problem.AssertAsync(response, HttpStatusCode.UnprocessableEntity), field);
        Assert.Empty((await admin.GetOkJsonAsync(Url))["items"]!.AsArray());
    }

    [Fact]
    public async Task A_mailbox_with_a_field_it_does_not_have_or_no_body_is_a_400_and_changes_nothing()
    {
        var tenant = await WithEmailQueueAsync();
        using var admin = tenant.Admin();
        await Problem.AssertAsync(
            await admin.SendJsonAsync(HttpMethod.Put, $"{Url}/m1", """{"address":"support@acme.example","queueId":"support","displayName":"Acme","signature":"x"}"""),
            HttpStatusCode.BadRequest);
        await Problem.AssertAsync(await admin.SendJsonAsync(HttpMethod.Put, $"{Url}/m1", "not json"), HttpStatusCode.BadRequest);
        Assert.Empty((await admin.GetOkJsonAsync(Url))["items"]!.AsArray());
    }

    [Fact]
    public async Task Admins_write_readers_read_and_agents_do_neither()
    {
        var tenant = await WithEmailQueueAsync();
        await tenant.CreateAgentAsync("a1");
        var (_, agentKey) = await tenant.IssueKeyAsync("agent", "a1");
        var (_, supervisorKey) = await tenant.IssueKeyAsync("supervisor");
        using var admin = tenant.Admin();
        using var agent = factory.ClientWith(agentKey);
        using var supervisor = factory.ClientWith(supervisorKey);
        const string Body = """{"address":"support@acme.example","queueId":"support","displayName":"Acme"}""";

        await Problem.AssertAsync(await supervisor.SendJsonAsync(HttpMethod.Put, $"{Url}/m1", Body), HttpStatusCode.Forbidden);
        await Problem.AssertAsync(await agent.SendJsonAsync(HttpMethod.Put, $"{Url}/m1", Body), HttpStatusCode.Forbidden);
        await PutCreatedAsync(admin, $"{Url}/m1", Body);
        Assert.Equal("m1", (await supervisor.GetOkJsonAsync($"{Url}/m1")).Text("id"));
        await Problem.AssertAsync(await agent.GetAsync($"{Url}/m1", TestContext.Current.CancellationToken), HttpStatusCode.Forbidden);
        await Problem.AssertAsync(await supervisor.DeleteAsync($"{Url}/m1", TestContext.Current.CancellationToken), HttpStatusCode.Forbidden);
        await Problem.AssertAsync(await admin.GetAsync($"{Url}/bad%20id", TestContext.Current.CancellationToken), HttpStatusCode.BadRequest);
    }
}
