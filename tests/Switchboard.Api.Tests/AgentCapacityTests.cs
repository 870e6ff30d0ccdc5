using System.Net;
using Switchboard.Api.Tests.Support;

namespace Switchboard.Api.Tests;

/// <summary>
/// An agent's capacity per medium: defaults on create, partial changes by PATCH (admin only), and every bad value refused
/// by name without changing anything.
/// </summary>
public sealed class AgentCapacityTests(SwitchboardApiFactory factory)
{
    [Fact]
    public async Task An_agent_created_without_capacity_has_the_defaults()
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = tenant.Admin();

        using var created = await admin.SendJsonAsync(HttpMethod.Post, "/v1/agents", """{"id":"a1","displayName":"Ada"}""");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal((1, 3, 2, 1), (await created.ReadJsonAsync())["capacity"]!.Capacity());
        Assert.Equal((1, 3, 2, 1), (await admin.GetOkJsonAsync("/v1/agents/a1"))["capacity"]!.Capacity());
    }

    [Theory]
    [InlineData("""{"voice":0,"chat":10,"email":0,"voicemail":10}""", 0, 10, 0, 10)]
    [InlineData("""{"chat":5}""", 1, 5, 2, 1)]
    [InlineData("""{"voice":0}""", 0, 3, 2, 1)]
    [InlineData("""{}""", 1, 3, 2, 1)]
    [InlineData("""null""", 1, 3, 2, 1)]
    public async Task An_agent_created_with_capacity_keeps_it_and_omitted_media_take_the_defaults(string capacity, int voice, int chat, int email, int voicemail)
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = tenant.Admin();

        using var created = await admin.SendJsonAsync(HttpMethod.Post, "/v1/agents", $$"""{"id":"a1","displayName":"Ada","capacity":{{capacity}}}""");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal((voice, chat, email, voicemail), (await created.ReadJsonAsync())["capacity"]!.Capacity());
        Assert.Equal((voice, chat, email, voicemail), (await admin.GetOkJsonAsync("/v1/agents/a1"))["capacity"]!.Capacity());
    }

    [Fact]
    public async Task The_same_create_with_capacity_twice_is_201_then_200_and_another_capacity_is_409()
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = tenant.Admin();
        const string body = """{"id":"a1","displayName":"Ada","capacity":{"chat":5}}""";

        using (var first = await admin.SendJsonAsync(HttpMethod.Post, "/v1/agents", body))
        {
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        }

        using (var second = await admin.SendJsonAsync(HttpMethod.Post, "/v1/agents", body))
        {
            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
            Assert.Equal((1, 5, 2, 1), (await second.ReadJsonAsync())["capacity"]!.Capacity());
        }

        using (var conflict = await admin.SendJsonAsync(HttpMethod.Post, "/v1/agents", """{"id":"a1","displayName":"Ada","capacity":{"chat":6}}"""))
        {
            Assert.Contains("'a1'", Problem.Detail(await Problem.AssertAsync(conflict, HttpStatusCode.Conflict)), StringComparison.Ordinal);
        }

        Assert.Equal((1, 5, 2, 1), (await admin.GetOkJsonAsync("/v1/agents/a1"))["capacity"]!.Capacity());
    }

    [Fact]
    public async Task Creating_again_with_the_default_capacity_spelled_out_is_the_same_agent()
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = tenant.Admin();
        using (var first = await admin.SendJsonAsync(HttpMethod.Post, "/v1/agents", """{"id":"a1","displayName":"Ada"}"""))
        {
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        }

        // The agent shows capacity 1/3/2/1 either way: asking for exactly that agent again is a repeat, not a conflict.
        using var again = await admin.SendJsonAsync(HttpMethod.Post, "/v1/agents",
            """{"id":"a1","displayName":"Ada","capacity":{"voice":1,"chat":3,"email":2,"voicemail":1}}""");

        var text = await again.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(again.StatusCode == HttpStatusCode.OK, $"{(int)again.StatusCode}: {text}");
    }

    [Fact]
    public async Task Patch_changes_only_the_media_given_and_get_shows_it()
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1", "Ada", "sales");
        using var admin = tenant.Admin();

        var chat = await tenant.PatchAgentAsync("a1", """{"capacity":{"chat":5}}""");
        Assert.Equal((1, 5, 2, 1), chat["capacity"]!.Capacity());
        Assert.Equal((1, 5, 2, 1), (await admin.GetOkJsonAsync("/v1/agents/a1"))["capacity"]!.Capacity());

        var two = await tenant.PatchAgentAsync("a1", """{"capacity":{"email":0,"voicemail":10}}""");
        Assert.Equal((1, 5, 0, 10), two["capacity"]!.Capacity());

        var voice = await tenant.PatchAgentAsync("a1", """{"capacity":{"voice":0}}""");
        Assert.Equal((0, 5, 0, 10), voice["capacity"]!.Capacity());

        // Other fields, an empty capacity and a null one leave it as it is.
        var renamed = await tenant.PatchAgentAsync("a1", """{"displayName":"Ada L."}""");
        Assert.Equal("Ada L.", renamed.Text("displayName"));
        Assert.Equal((0, 5, 0, 10), renamed["capacity"]!.Capacity());
        Assert.Equal((0, 5, 0, 10), (await tenant.PatchAgentAsync("a1", """{"capacity":{}}"""))["capacity"]!.Capacity());
        Assert.Equal((0, 5, 0, 10), (await tenant.PatchAgentAsync("a1", """{"capacity":null}"""))["capacity"]!.Capacity());

        var agent = await admin.GetOkJsonAsync("/v1/agents/a1");
        Assert.Equal("Ada L.", agent.Text("displayName"));
        Assert.Equal("sales", agent.Text("group"));
        Assert.Equal((0, 5, 0, 10), agent["capacity"]!.Capacity());
    }

    [Fact]
    public async Task An_agent_key_reads_its_own_capacity()
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1");
        await tenant.PatchAgentAsync("a1", """{"capacity":{"chat":7}}""");
        using var a1 = factory.ClientWith((await tenant.IssueKeyAsync("agent", "a1")).Key);

        Assert.Equal((1, 7, 2, 1), (await a1.GetOkJsonAsync("/v1/agents/a1"))["capacity"]!.Capacity());
    }

    [Theory]
    [InlineData("""{"chat":11}""", "capacity.chat")]
    [InlineData("""{"chat":-1}""", "capacity.chat")]
    [InlineData("""{"voice":2}""", "capacity.voice")]
    [InlineData("""{"voice":-1}""", "capacity.voice")]
    [InlineData("""{"email":11}""", "capacity.email")]
    [InlineData("""{"voicemail":-3}""", "capacity.voicemail")]
    [InlineData("""{"voice":2,"chat":11,"email":3}""", "capacity.voice", "capacity.chat")]
    public async Task A_capacity_out_of_range_is_422_naming_the_medium_and_changes_nothing(string capacity, params string[] fields)
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1", "Ada");
        using var admin = tenant.Admin();
        var before = await admin.GetOkJsonAsync("/v1/agents/a1");

        using (var patch = await admin.SendJsonAsync(HttpMethod.Patch, "/v1/agents/a1", $$"""{"displayName":"Changed","capacity":{{capacity}}}"""))
        {
            var problem = await Problem.AssertAsync(patch, HttpStatusCode.UnprocessableEntity);
            Problem.AssertFields(problem, fields);
            Assert.All(fields, f => Assert.Contains(f, problem["errors"]![f]![0]!.GetValue<string>(), StringComparison.Ordinal));
        }

        using (var create = await admin.SendJsonAsync(HttpMethod.Post, "/v1/agents", $$"""{"id":"a2","displayName":"Two","capacity":{{capacity}}}"""))
        {
            Problem.AssertFields(await Problem.AssertAsync(create, HttpStatusCode.UnprocessableEntity), fields);
        }

        Assert.Equal(before.ToJsonString(), (await admin.GetOkJsonAsync("/v1/agents/a1")).ToJsonString());
        Assert.Equal(["a1"], (await admin.GetOkJsonAsync("/v1/agents")).Items().Select(i => i!.Text("id")));
    }

    [Theory]
    [InlineData("""{"capacity":{"sms":1}}""", "capacity.sms")]
    [InlineData("""{"capacity":{"Chat":4}}""", "capacity.Chat")]
    [InlineData("""{"capacity":{"chat":4,"fax":1}}""", "capacity.fax")]
    public async Task An_unknown_or_miscased_capacity_field_is_400_naming_it_and_changes_nothing(string body, string field)
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1", "Ada");
        using var admin = tenant.Admin();
        var before = await admin.GetOkJsonAsync("/v1/agents/a1");

        using var response = await admin.SendJsonAsync(HttpMethod.Patch, "/v1/agents/a1", body);

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
        Problem.AssertFields(problem, field);
        Assert.Contains($"'{field}'", Problem.Detail(problem), StringComparison.Ordinal);
        Assert.Equal(before.ToJsonString(), (await admin.GetOkJsonAsync("/v1/agents/a1")).ToJsonString());
    }

    [Theory]
    [InlineData("""{"capacity":{"chat":1.5}}""", "$.capacity.chat")]
    [InlineData("""{"capacity":{"chat":"3"}}""", "$.capacity.chat")]
    [InlineData("""{"capacity":{"voice":true}}""", "$.capacity.voice")]
    [InlineData("""{"capacity":{"email":99999999999}}""", "$.capacity.email")]
    [InlineData("""{"capacity":3}""", "$.capacity")]
    [InlineData("""{"capacity":[1,3,2,1]}""", "$.capacity")]
    public async Task A_capacity_of_the_wrong_type_is_400_naming_where_and_changes_nothing(string body, string path)
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1", "Ada");
        using var admin = tenant.Admin();
        var before = await admin.GetOkJsonAsync("/v1/agents/a1");

        using (var patch = await admin.SendJsonAsync(HttpMethod.Patch, "/v1/agents/a1", body))
        {
            var detail = Problem.Detail(await Problem.AssertAsync(patch, HttpStatusCode.BadRequest));
            Assert.Contains($"'{path}'", detail, StringComparison.Ordinal);
            Assert.DoesNotContain("Switchboard.", detail, StringComparison.Ordinal);
        }

        using (var create = await admin.SendJsonAsync(HttpMethod.Post, "/v1/agents", """{"id":"a2","displayName":"Two",""" + body[1..]))
        {
            Assert.Contains($"'{path}'", Problem.Detail(await Problem.AssertAsync(create, HttpStatusCode.BadRequest)), StringComparison.Ordinal);
        }

        Assert.Equal(before.ToJsonString(), (await admin.GetOkJsonAsync("/v1/agents/a1")).ToJsonString());
        Assert.Single((await admin.GetOkJsonAsync("/v1/agents")).Items());
    }

    [Theory]
    [InlineData("supervisor")]
    [InlineData("integration")]
    [InlineData("agent")]
    public async Task Only_an_admin_key_changes_capacity(string role)
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1", "Ada");
        using var admin = tenant.Admin();
        var before = await admin.GetOkJsonAsync("/v1/agents/a1");
        using var client = factory.ClientWith((await tenant.IssueKeyAsync(role, role == "agent" ? "a1" : null)).Key);

        using var response = await client.SendJsonAsync(HttpMethod.Patch, "/v1/agents/a1", """{"capacity":{"chat":10}}""");

        await Problem.AssertAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal(before.ToJsonString(), (await admin.GetOkJsonAsync("/v1/agents/a1")).ToJsonString());
    }
}
