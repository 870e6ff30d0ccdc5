using Switchboard.Contracts.Agents;

namespace Switchboard.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class AgentRosterTests(ClusterFixture fixture)
{
    private readonly IClusterClient client = fixture.Client;

    [Fact]
    public async Task List_pages_through_agents_in_ordinal_id_order()
    {
        var tenant = TestIds.Tenant();
        // Created out of order; ordinal order puts upper case before lower case.
        foreach (var id in new[] { "b", "c-1", "A", "a", "B2" })
        {
            await client.CreateAgent(tenant, id);
        }

        var roster = client.GetGrain<IAgentRosterGrain>(tenant);

        var first = await roster.List(null, 2);
        Assert.Equal(["A", "B2"], first.Items.Select(a => a.Id));
        Assert.Equal("B2", first.NextAfter);

        var second = await roster.List(first.NextAfter, 2);
        Assert.Equal(["a", "b"], second.Items.Select(a => a.Id));
        Assert.Equal("b", second.NextAfter);

        var third = await roster.List(second.NextAfter, 2);
        Assert.Equal(["c-1"], third.Items.Select(a => a.Id));
        Assert.Null(third.NextAfter);

        var all = await roster.List(null, 5);
        Assert.Equal(["A", "B2", "a", "b", "c-1"], all.Items.Select(a => a.Id));
        Assert.Null(all.NextAfter);
        Assert.Equal(new AgentProfile("B2", "Agent B2", null), all.Items[1]);
    }

    [Fact]
    public async Task ListGroup_pages_through_one_group_or_the_agents_without_one()
    {
        var tenant = TestIds.Tenant();
        foreach (var (id, group) in new[] { ("s3", "sales"), ("n1", null), ("s1", "sales"), ("u1", "support"), ("s2", (string?)"sales"), ("n2", null) })
        {
            await client.CreateAgent(tenant, id, group);
        }

        var roster = client.GetGrain<IAgentRosterGrain>(tenant);

        var first = await roster.ListGroup("sales", null, 2);
        Assert.Equal(["s1", "s2"], first.Items.Select(a => a.Id));
        var second = await roster.ListGroup("sales", first.NextAfter, 2);
        Assert.Equal(["s3"], second.Items.Select(a => a.Id));
        Assert.Null(second.NextAfter);
        Assert.Equal(["n1", "n2"], (await roster.ListGroup(null, null, 10)).Items.Select(a => a.Id));
        Assert.Empty((await roster.ListGroup("nobody", null, 10)).Items);
        Assert.Equal(6, (await roster.List(null, 10)).Items.Count);
    }

    [Fact]
    public async Task A_page_of_zero_is_empty_and_keeps_the_position()
    {
        var tenant = TestIds.Tenant();
        await client.CreateAgent(tenant, "a1");
        await client.CreateAgent(tenant, "a2");

        var page = await client.GetGrain<IAgentRosterGrain>(tenant).List("a1", 0);

        Assert.Empty(page.Items);
        Assert.Equal("a1", page.NextAfter);
    }

    [Fact]
    public async Task A_deleted_agent_is_no_longer_listed()
    {
        var tenant = TestIds.Tenant();
        foreach (var id in new[] { "a1", "a2", "a3", "a4", "a5" })
        {
            await client.CreateAgent(tenant, id);
        }

        Assert.Equal(DeleteAgentOutcome.Deleted, await client.Agent(tenant, "a3").Delete("admin"));

        var roster = client.GetGrain<IAgentRosterGrain>(tenant);
        var first = await roster.List(null, 2);
        Assert.Equal(["a1", "a2"], first.Items.Select(a => a.Id));
        Assert.Equal("a2", first.NextAfter);

        // Exactly two left: the last full page says there is nothing more.
        var second = await roster.List(first.NextAfter, 2);
        Assert.Equal(["a4", "a5"], second.Items.Select(a => a.Id));
        Assert.Null(second.NextAfter);
    }

    [Fact]
    public async Task Each_tenant_has_its_own_roster_and_its_own_agents()
    {
        var tenantA = TestIds.Tenant();
        var tenantB = TestIds.Tenant();
        await client.CreateAgent(tenantA, "same-id", group: "a-group");
        await client.CreateAgent(tenantA, "only-a");

        // The same agent id in another tenant is another agent: no conflict with tenant A's profile.
        var inB = await client.Agent(tenantB, "same-id").Create(new AgentProfile("same-id", "Other person", "b-group"));
        Assert.Equal(CreateAgentOutcome.Created, inB.Outcome);

        var rosterA = await client.GetGrain<IAgentRosterGrain>(tenantA).List(null, 10);
        Assert.Equal(
            [new AgentProfile("only-a", "Agent only-a", null), new AgentProfile("same-id", "Agent same-id", "a-group")],
            rosterA.Items);

        var rosterB = await client.GetGrain<IAgentRosterGrain>(tenantB).List(null, 10);
        Assert.Equal([new AgentProfile("same-id", "Other person", "b-group")], rosterB.Items);

        Assert.Equal(DeleteAgentOutcome.Deleted, await client.Agent(tenantB, "same-id").Delete("admin"));
        Assert.Empty((await client.GetGrain<IAgentRosterGrain>(tenantB).List(null, 10)).Items);
        Assert.Equal(2, (await client.GetGrain<IAgentRosterGrain>(tenantA).List(null, 10)).Items.Count);
        Assert.NotNull(await client.Agent(tenantA, "same-id").Get());
    }
}
