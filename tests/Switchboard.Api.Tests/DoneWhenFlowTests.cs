using System.Net;
using Switchboard.Api.Tests.Support;

namespace Switchboard.Api.Tests;

/// <summary>A first session as the README walks it: the seeded development key of tenant <c>dev</c>, agents, codes and states.</summary>
[Collection(ClockCollection.Name)]
public sealed class DoneWhenFlowTests(SwitchboardApiFactory factory)
{
    [Fact]
    public async Task Dev_key_creates_an_agent_makes_it_available_is_refused_break_without_code_then_takes_a_break()
    {
        using var dev = factory.ClientWith(SwitchboardApiFactory.DevAdminKey);

        using (var created = await dev.SendJsonAsync(HttpMethod.Post, "/v1/agents", """{"id":"a1","displayName":"Ada","group":"sales"}"""))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            Assert.Equal("/v1/agents/a1", created.Headers.Location?.OriginalString);
            var agent = await created.ReadJsonAsync();
            Assert.Equal("a1", agent.Text("id"));
            Assert.Equal("Ada", agent.Text("displayName"));
            Assert.Equal("sales", agent.Text("group"));
        }

        using (var codes = await dev.SendJsonAsync(HttpMethod.Put, "/v1/status-codes",
                   """{"items":[{"code":"lunch","label":"Lunch","states":["Break"]}]}"""))
        {
            Assert.Equal(HttpStatusCode.OK, codes.StatusCode);
            var item = (await codes.ReadJsonAsync()).Items().Single()!;
            Assert.Equal("lunch", item.Text("code"));
            Assert.Equal("Break", item["states"]!.AsArray().Single()!.GetValue<string>());
        }

        using (var available = await dev.SendJsonAsync(HttpMethod.Put, "/v1/agents/a1/state", """{"state":"Available"}"""))
        {
            Assert.Equal(HttpStatusCode.OK, available.StatusCode);
            Assert.Equal("\"1\"", available.Headers.ETag?.ToString());
            var state = await available.ReadJsonAsync();
            Assert.Equal("Available", state.Text("state"));
            Assert.Equal(1, state.Number("version"));
            Assert.Equal("Applied", state.Text("outcome"));
        }

        using (var refused = await dev.SendJsonAsync(HttpMethod.Put, "/v1/agents/a1/state", """{"state":"Break"}"""))
        {
            var problem = await Problem.AssertAsync(refused, HttpStatusCode.UnprocessableEntity);
            Assert.Contains("lunch", Problem.Detail(problem), StringComparison.Ordinal);
        }

        Assert.Equal(1, (await dev.GetOkJsonAsync("/v1/agents/a1/state")).Number("version"));

        using (var onBreak = await dev.SendJsonAsync(HttpMethod.Put, "/v1/agents/a1/state", """{"state":"Break","reasonCode":"lunch"}"""))
        {
            Assert.Equal(HttpStatusCode.OK, onBreak.StatusCode);
            Assert.Equal("\"2\"", onBreak.Headers.ETag?.ToString());
            var state = await onBreak.ReadJsonAsync();
            Assert.Equal("Break", state.Text("state"));
            Assert.Equal("lunch", state.Text("reasonCode"));
            Assert.Equal(2, state.Number("version"));
        }

        var now = factory.Clock.GetUtcNow();
        using (var read = await dev.GetResponseAsync("/v1/agents/a1/state"))
        {
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
            Assert.Equal("\"2\"", read.Headers.ETag?.ToString());
            var state = await read.ReadJsonAsync();
            Assert.Equal("a1", state.Text("agentId"));
            Assert.Equal("Break", state.Text("state"));
            Assert.Equal("lunch", state.Text("reasonCode"));
            Assert.Equal(now, state.Time("since"));
            Assert.Null(state.TextOrNull("nextState"));
            Assert.Equal(2, state.Number("version"));
        }

        var history = await dev.GetOkJsonAsync("/v1/agents/a1/state-history");
        Assert.Null(history.TextOrNull("nextCursor"));
        var items = history.Items();
        Assert.Equal(2, items.Count);
        var (latest, first) = (items[0]!, items[1]!);
        Assert.Equal(2, latest.Number("sequence"));
        Assert.Equal("Available", latest.Text("from"));
        Assert.Equal("Break", latest.Text("to"));
        Assert.Equal("lunch", latest.Text("reasonCode"));
        Assert.Equal("Supervisor", latest.Text("actor"));
        Assert.Equal(now, latest.Time("at"));
        Assert.Equal(1, first.Number("sequence"));
        Assert.Equal("LoggedOut", first.Text("from"));
        Assert.Equal("Available", first.Text("to"));
        Assert.Null(first.TextOrNull("reasonCode"));
        Assert.Equal("Supervisor", first.Text("actor"));
    }
}
