using System.Net;
using Switchboard.Api.Tests.Support;

namespace Switchboard.Api.Tests;

/// <summary>If-Match lists and weak tags, invisible characters, and the wording of body errors.</summary>
public sealed class EdgeInputTests(SwitchboardApiFactory factory)
{
    [Theory]
    [InlineData("\"7\", \"1\"", HttpStatusCode.OK)]
    [InlineData("\"7\", \"8\"", HttpStatusCode.PreconditionFailed)]
    [InlineData("W/\"1\"", HttpStatusCode.PreconditionFailed)]
    [InlineData("\" +1\"", HttpStatusCode.PreconditionFailed)]
    [InlineData("\"9\", *", HttpStatusCode.OK)]
    [InlineData("\"01\"", HttpStatusCode.PreconditionFailed)]
    [InlineData("\"7\", \"001\"", HttpStatusCode.PreconditionFailed)]
    public async Task If_match_takes_a_list_of_strong_tags(string ifMatch, HttpStatusCode expected)
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1");
        await tenant.SetStateAsync("a1", "Available"); // version 1
        using var admin = tenant.Admin();

        using var response = await admin.SendJsonAsync(HttpMethod.Put, "/v1/agents/a1/state", """{"state":"Offline"}""",
            r => r.Headers.TryAddWithoutValidation("If-Match", ifMatch));

        Assert.Equal(expected, response.StatusCode);
        var state = await tenant.GetStateAsync("a1");
        Assert.Equal(expected == HttpStatusCode.OK ? "Offline" : "Available", state.Text("state"));
        if (expected == HttpStatusCode.PreconditionFailed)
        {
            Assert.Contains("\"1\"", Problem.Detail(await response.ReadJsonAsync()), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("Ada\u202Eevil")]
    [InlineData("\u200BAda")]
    [InlineData("Ada\u2028")]
    public async Task Invisible_format_characters_in_names_are_refused(string displayName)
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = tenant.Admin();
        var body = new System.Text.Json.Nodes.JsonObject { ["id"] = "a1", ["displayName"] = displayName }.ToJsonString();

        using var response = await admin.SendJsonAsync(HttpMethod.Post, "/v1/agents", body);

        var problem = await Problem.AssertAsync(response, HttpStatusCode.UnprocessableEntity);
        Problem.AssertFields(problem, "displayName");
        Assert.Empty((await admin.GetOkJsonAsync("/v1/agents")).Items());
    }

    [Fact]
    public async Task A_wrong_type_is_described_by_its_json_path_not_by_server_types()
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1");
        using var admin = tenant.Admin();

        using var response = await admin.SendJsonAsync(HttpMethod.Put, "/v1/agents/a1/state", """{"state":5}""");

        var detail = Problem.Detail(await Problem.AssertAsync(response, HttpStatusCode.BadRequest));
        Assert.Contains("'$.state'", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Switchboard.", detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("null")]
    public async Task A_missing_body_says_a_body_is_required(string? body)
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = tenant.Admin();

        using var response = await admin.SendJsonAsync(HttpMethod.Post, "/v1/agents", body);

        var detail = Problem.Detail(await Problem.AssertAsync(response, HttpStatusCode.BadRequest));
        Assert.Equal("A JSON request body is required.", detail);
    }
}
