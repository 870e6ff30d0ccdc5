using System.Net;
using Switchboard.Api.Tests.Support;

namespace Switchboard.Api.Tests;

/// <summary>State changes the state machine refuses, and unknown agents.</summary>
public sealed class TransitionTests(SwitchboardApiFactory factory)
{
    [Theory]
    [InlineData("Busy")]
    [InlineData("WrapUp")]
    public async Task System_only_state_is_409_and_changes_nothing(string target)
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1");
        await tenant.SetStateAsync("a1", "Available");
        using var admin = tenant.Admin();

        using var response = await admin.SendJsonAsync(HttpMethod.Put, "/v1/agents/a1/state", $$"""{"state":"{{target}}"}""");

        var problem = await Problem.AssertAsync(response, HttpStatusCode.Conflict);
        Assert.Contains(target, Problem.Detail(problem), StringComparison.Ordinal);
        var state = await tenant.GetStateAsync("a1");
        Assert.Equal("Available", state.Text("state"));
        Assert.Equal(1, state.Number("version"));
    }

    [Theory]
    [InlineData("""{"state":"Sleeping"}""")]
    [InlineData("""{"state":""}""")]
    [InlineData("""{"state":null}""")]
    [InlineData("""{"reasonCode":"lunch"}""")]
    public async Task Unknown_or_missing_state_is_422_on_the_state_field(string body)
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1");
        using var admin = tenant.Admin();

        using var response = await admin.SendJsonAsync(HttpMethod.Put, "/v1/agents/a1/state", body);

        var problem = await Problem.AssertAsync(response, HttpStatusCode.UnprocessableEntity);
        Problem.AssertFields(problem, "state");
        Assert.Contains("Available", problem["errors"]!["state"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, (await tenant.GetStateAsync("a1")).Number("version"));
    }

    [Fact]
    public async Task Reason_code_not_defined_for_the_state_is_422()
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1");
        using var admin = tenant.Admin();

        using var response = await admin.SendJsonAsync(HttpMethod.Put, "/v1/agents/a1/state", """{"state":"Available","reasonCode":"lunch"}""");

        var problem = await Problem.AssertAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("'lunch'", Problem.Detail(problem), StringComparison.Ordinal);
        Assert.Equal(0, (await tenant.GetStateAsync("a1")).Number("version"));
    }

    [Theory]
    [InlineData("PUT", "/v1/agents/ghost/state", """{"state":"Available"}""")]
    [InlineData("GET", "/v1/agents/ghost/state", null)]
    [InlineData("GET", "/v1/agents/ghost/state-history", null)]
    [InlineData("GET", "/v1/agents/ghost", null)]
    [InlineData("PATCH", "/v1/agents/ghost", """{"displayName":"Ghost"}""")]
    [InlineData("DELETE", "/v1/agents/ghost", null)]
    public async Task Unknown_agent_is_404(string method, string path, string? body)
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = tenant.Admin();

        using var response = await admin.SendJsonAsync(new HttpMethod(method), path, body);

        var problem = await Problem.AssertAsync(response, HttpStatusCode.NotFound);
        Assert.Contains("'ghost'", Problem.Detail(problem), StringComparison.Ordinal);
        Assert.Empty((await admin.GetOkJsonAsync("/v1/agents")).Items());
    }
}
