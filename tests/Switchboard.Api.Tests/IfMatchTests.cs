using System.Net;
using Switchboard.Api.Tests.Support;

namespace Switchboard.Api.Tests;

/// <summary><c>If-Match</c> on state changes: a stale ETag is refused and changes nothing.</summary>
public sealed class IfMatchTests(SwitchboardApiFactory factory)
{
    [Theory]
    [InlineData("\"0\"")]
    [InlineData("\"7\"")]
    [InlineData("W/\"0\"")]
    [InlineData("not-an-etag")]
    public async Task Stale_or_unreadable_etag_is_412_and_changes_nothing(string ifMatch)
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1");
        await tenant.SetStateAsync("a1", "Available");
        using var admin = tenant.Admin();

        using var response = await admin.SendJsonAsync(HttpMethod.Put, "/v1/agents/a1/state", """{"state":"Offline"}""",
            r => r.Headers.TryAddWithoutValidation("If-Match", ifMatch));

        await Problem.AssertAsync(response, HttpStatusCode.PreconditionFailed);
        var state = await tenant.GetStateAsync("a1");
        Assert.Equal("Available", state.Text("state"));
        Assert.Equal(1, state.Number("version"));
    }

    [Fact]
    public async Task Current_etag_and_star_are_honoured()
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1");
        using var admin = tenant.Admin();
        string etag;
        using (var read = await admin.GetResponseAsync("/v1/agents/a1/state"))
        {
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
            etag = read.Headers.ETag!.ToString();
            Assert.Equal("\"0\"", etag);
        }

        using (var current = await admin.SendJsonAsync(HttpMethod.Put, "/v1/agents/a1/state", """{"state":"Available"}""",
                   r => r.Headers.TryAddWithoutValidation("If-Match", etag)))
        {
            Assert.Equal(HttpStatusCode.OK, current.StatusCode);
            Assert.Equal("\"1\"", current.Headers.ETag?.ToString());
            Assert.Equal(1, (await current.ReadJsonAsync()).Number("version"));
        }

        using (var star = await admin.SendJsonAsync(HttpMethod.Put, "/v1/agents/a1/state", """{"state":"Offline"}""",
                   r => r.Headers.TryAddWithoutValidation("If-Match", "*")))
        {
            Assert.Equal(HttpStatusCode.OK, star.StatusCode);
            Assert.Equal("\"2\"", star.Headers.ETag?.ToString());
        }

        var state = await tenant.GetStateAsync("a1");
        Assert.Equal("Offline", state.Text("state"));
        Assert.Equal(2, state.Number("version"));
    }
}
