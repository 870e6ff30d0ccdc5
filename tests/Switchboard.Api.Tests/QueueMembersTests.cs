using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Api.Tests.Support;
using Switchboard.Contracts;
using Switchboard.Contracts.Agents;
using Switchboard.Contracts.Queues;
using Switchboard.Domain.Queues;

namespace Switchboard.Api.Tests;

/// <summary>Queue members: add, update, remove, and both sides kept in step when agents or queues are deleted.</summary>
public sealed class QueueMembersTests(SwitchboardApiFactory factory)
{
    private IGrainFactory Grains => factory.Services.GetRequiredService<IGrainFactory>();

    private Task<IReadOnlyList<QueueMembership>?> AgentQueuesAsync(TestTenant tenant, string agentId) =>
        Grains.GetGrain<IAgentGrain>(GrainKeys.Agent(tenant.Id, agentId)).GetQueues(TestContext.Current.CancellationToken);

    [Fact]
    public async Task Put_adds_with_201_updates_with_200_and_get_lists_every_member()
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1");
        await tenant.CreateAgentAsync("a2");
        await tenant.CreateQueueAsync("support");
        using var admin = tenant.Admin();

        using (var added = await admin.SendJsonAsync(HttpMethod.Put, "/v1/queues/support/members/a1", """{"skillLevel":5}"""))
        {
            Assert.Equal(HttpStatusCode.Created, added.StatusCode);
            Assert.Equal("/v1/queues/support/members/a1", added.Headers.Location?.OriginalString);
            var body = await added.ReadJsonAsync();
            Assert.Equal("a1", body.Text("agentId"));
            Assert.Equal(5, body.Number("skillLevel"));
        }

        using (var updated = await admin.SendJsonAsync(HttpMethod.Put, "/v1/queues/support/members/a1", """{"skillLevel":10}"""))
        {
            Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
            Assert.Equal(10, (await updated.ReadJsonAsync()).Number("skillLevel"));
        }

        // No body, an empty object and a null level all mean the default level 1.
        Assert.Equal(HttpStatusCode.Created, await tenant.PutMemberAsync("support", "a2"));
        using (var empty = await admin.SendJsonAsync(HttpMethod.Put, "/v1/queues/support/members/a1", "{}"))
        {
            Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
            Assert.Equal(1, (await empty.ReadJsonAsync()).Number("skillLevel"));
        }

        using (var nullLevel = await admin.SendJsonAsync(HttpMethod.Put, "/v1/queues/support/members/a2", """{"skillLevel":null}"""))
        {
            Assert.Equal(HttpStatusCode.OK, nullLevel.StatusCode);
        }

        Assert.Equal([("a1", 1L), ("a2", 1L)], await tenant.MembersAsync("support"));
        Assert.Equal([new QueueMembership("support", 1)], await AgentQueuesAsync(tenant, "a1"));
    }

    [Theory]
    [InlineData("""{"skillLevel":0}""", HttpStatusCode.UnprocessableEntity)]
    [InlineData("""{"skillLevel":11}""", HttpStatusCode.UnprocessableEntity)]
    [InlineData("""{"skillLevel":-3}""", HttpStatusCode.UnprocessableEntity)]
    [InlineData("""{"skillLevel":"5"}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"skillLevel":5.5}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"skillLevel":""", HttpStatusCode.BadRequest)]
    public async Task A_bad_skill_level_is_refused_and_adds_nothing(string body, HttpStatusCode status)
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1");
        await tenant.CreateQueueAsync("support");
        using var admin = tenant.Admin();

        using var response = await admin.SendJsonAsync(HttpMethod.Put, "/v1/queues/support/members/a1", body);

        var problem = await Problem.AssertAsync(response, status);
        if (status == HttpStatusCode.UnprocessableEntity)
        {
            Problem.AssertFields(problem, "skillLevel");
        }
        else
        {
            Assert.Contains("skillLevel", Problem.Detail(problem), StringComparison.Ordinal);
        }

        Assert.Empty(await tenant.MembersAsync("support"));
        Assert.Empty((await AgentQueuesAsync(tenant, "a1"))!);
    }

    [Fact]
    public async Task Unknown_queue_or_agent_is_404_and_removing_a_non_member_is_404()
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1");
        await tenant.CreateQueueAsync("support");
        using var admin = tenant.Admin();

        using (var noAgent = await admin.SendJsonAsync(HttpMethod.Put, "/v1/queues/support/members/nobody", null))
        {
            Assert.Contains("'nobody'", Problem.Detail(await Problem.AssertAsync(noAgent, HttpStatusCode.NotFound)), StringComparison.Ordinal);
        }

        using (var noQueue = await admin.SendJsonAsync(HttpMethod.Put, "/v1/queues/nothing/members/a1", null))
        {
            Assert.Contains("'nothing'", Problem.Detail(await Problem.AssertAsync(noQueue, HttpStatusCode.NotFound)), StringComparison.Ordinal);
        }

        using (var notMember = await admin.DeleteResponseAsync("/v1/queues/support/members/a1"))
        {
            Assert.Contains("not a member", Problem.Detail(await Problem.AssertAsync(notMember, HttpStatusCode.NotFound)), StringComparison.Ordinal);
        }

        using (var removeFromNothing = await admin.DeleteResponseAsync("/v1/queues/nothing/members/a1"))
        {
            await Problem.AssertAsync(removeFromNothing, HttpStatusCode.NotFound);
        }

        using (var badAgent = await admin.SendJsonAsync(HttpMethod.Put, "/v1/queues/support/members/a%20b", null))
        {
            Assert.Contains("not a valid agent id", Problem.Detail(await Problem.AssertAsync(badAgent, HttpStatusCode.BadRequest)), StringComparison.Ordinal);
        }

        Assert.Empty(await tenant.MembersAsync("support"));
        Assert.Empty((await AgentQueuesAsync(tenant, "a1"))!);
    }

    [Fact]
    public async Task Delete_member_is_204_and_takes_the_queue_off_the_agent()
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1");
        await tenant.CreateAgentAsync("a2");
        await tenant.CreateQueueAsync("support");
        await tenant.CreateQueueAsync("sales");
        Assert.Equal(HttpStatusCode.Created, await tenant.PutMemberAsync("support", "a1", 3));
        Assert.Equal(HttpStatusCode.Created, await tenant.PutMemberAsync("support", "a2", 4));
        Assert.Equal(HttpStatusCode.Created, await tenant.PutMemberAsync("sales", "a1", 7));
        using var admin = tenant.Admin();

        using (var removed = await admin.DeleteResponseAsync("/v1/queues/support/members/a1"))
        {
            Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        }

        using (var again = await admin.DeleteResponseAsync("/v1/queues/support/members/a1"))
        {
            await Problem.AssertAsync(again, HttpStatusCode.NotFound);
        }

        Assert.Equal([("a2", 4L)], await tenant.MembersAsync("support"));
        Assert.Equal([new QueueMembership("sales", 7)], await AgentQueuesAsync(tenant, "a1"));
    }

    [Fact]
    public async Task Deleting_an_agent_takes_it_out_of_its_queues()
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1");
        await tenant.CreateAgentAsync("a2");
        await tenant.CreateQueueAsync("support");
        await tenant.CreateQueueAsync("sales");
        foreach (var queue in new[] { "support", "sales" })
        {
            Assert.Equal(HttpStatusCode.Created, await tenant.PutMemberAsync(queue, "a1", 2));
            Assert.Equal(HttpStatusCode.Created, await tenant.PutMemberAsync(queue, "a2", 8));
        }

        using var admin = tenant.Admin();
        using (var deleted = await admin.DeleteResponseAsync("/v1/agents/a1"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        Assert.Equal([("a2", 8L)], await tenant.MembersAsync("support"));
        Assert.Equal([("a2", 8L)], await tenant.MembersAsync("sales"));

        // The same id created again is a new agent in no queue.
        await tenant.CreateAgentAsync("a1");
        Assert.Empty((await AgentQueuesAsync(tenant, "a1"))!);
        Assert.Equal([("a2", 8L)], await tenant.MembersAsync("support"));
    }

    [Fact]
    public async Task Deleting_a_queue_takes_it_off_its_agents()
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1");
        await tenant.CreateAgentAsync("a2");
        await tenant.CreateQueueAsync("support");
        await tenant.CreateQueueAsync("sales");
        Assert.Equal(HttpStatusCode.Created, await tenant.PutMemberAsync("support", "a1", 2));
        Assert.Equal(HttpStatusCode.Created, await tenant.PutMemberAsync("support", "a2"));
        Assert.Equal(HttpStatusCode.Created, await tenant.PutMemberAsync("sales", "a2", 6));
        using var admin = tenant.Admin();

        using (var deleted = await admin.DeleteResponseAsync("/v1/queues/support"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        Assert.Empty((await AgentQueuesAsync(tenant, "a1"))!);
        Assert.Equal([new QueueMembership("sales", 6)], await AgentQueuesAsync(tenant, "a2"));

        // Created again, the queue starts with no members.
        await tenant.CreateQueueAsync("support");
        Assert.Empty(await tenant.MembersAsync("support"));
    }

    [Fact]
    public async Task A_queue_with_2000_members_refuses_another_with_422_but_updates_existing_ones()
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateQueueAsync("big");
        await tenant.CreateAgentAsync("one-more");
        var ct = TestContext.Current.CancellationToken;

        // Straight to the grains: 2,000 HTTP round trips would add nothing to what is tested here.
        var queue = Grains.GetGrain<IQueueGrain>(GrainKeys.Queue(tenant.Id, "big"));
        var ids = Enumerable.Range(0, QueueMemberRules.MaxMembers).Select(i => $"m{i:D4}").ToList();
        await Task.WhenAll(ids.Select(id => Grains.GetGrain<IAgentGrain>(GrainKeys.Agent(tenant.Id, id)).Create(new AgentProfile(id, id, null), ct)));
        await Task.WhenAll(ids.Select(id => queue.SetMember(id, 1, ct)));

        using var admin = tenant.Admin();
        using (var full = await admin.SendJsonAsync(HttpMethod.Put, "/v1/queues/big/members/one-more", null))
        {
            Assert.Contains("2000", Problem.Detail(await Problem.AssertAsync(full, HttpStatusCode.UnprocessableEntity)), StringComparison.Ordinal);
        }

        Assert.Empty((await AgentQueuesAsync(tenant, "one-more"))!);
        using (var update = await admin.SendJsonAsync(HttpMethod.Put, "/v1/queues/big/members/m0000", """{"skillLevel":9}"""))
        {
            Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        }

        var members = await tenant.MembersAsync("big");
        Assert.Equal(QueueMemberRules.MaxMembers, members.Count);
        Assert.Equal(("m0000", 9L), members[0]);
    }
}
