using System.Net;
using System.Text;
using Switchboard.Api.Tests.Support;

namespace Switchboard.Api.Tests;

/// <summary>
/// Bodies are read exactly as documented: a field the request does not have (a typo, another case), a field given
/// twice, or a body sent where none is taken and over the limit is refused by name and changes nothing.
/// </summary>
public sealed class StrictBodyTests(SwitchboardApiFactory factory)
{
    [Theory]
    [InlineData("""{"offerTimeout":30}""", "offerTimeout")]
    [InlineData("""{"OfferTimeoutSeconds":30}""", "OfferTimeoutSeconds")]
    [InlineData("""{"wrapUp":{"maxSecond":30}}""", "wrapUp.maxSecond")]
    [InlineData("""{"name":"Support","overflowGiven":true}""", "overflowGiven")]
    public async Task An_unknown_or_miscased_field_of_a_queue_patch_is_400_naming_it(string body, string field)
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateQueueAsync("q1");
        using var admin = tenant.Admin();
        var before = await admin.GetOkJsonAsync("/v1/queues/q1");

        using var response = await admin.SendJsonAsync(HttpMethod.Patch, "/v1/queues/q1", body);

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
        Problem.AssertFields(problem, field);
        Assert.Contains($"'{field}'", Problem.Detail(problem), StringComparison.Ordinal);
        Assert.DoesNotContain("Switchboard.", Problem.Detail(problem), StringComparison.Ordinal);
        Assert.Equal(before.ToJsonString(), (await admin.GetOkJsonAsync("/v1/queues/q1")).ToJsonString());
    }

    [Theory]
    [InlineData("""{"state":"Break","reasoncode":"lunch"}""", "reasoncode")]
    [InlineData("""{"State":"Break"}""", "State")]
    [InlineData("""{"state":"Break","target":"Available"}""", "target")]
    public async Task A_miscased_or_unknown_field_of_a_state_change_is_400_and_the_state_stays(string body, string field)
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1");
        await tenant.SetStateAsync("a1", "Available");
        using var admin = tenant.Admin();

        using var response = await admin.SendJsonAsync(HttpMethod.Put, "/v1/agents/a1/state", body);

        Problem.AssertFields(await Problem.AssertAsync(response, HttpStatusCode.BadRequest), field);
        var state = await tenant.GetStateAsync("a1");
        Assert.Equal("Available", state.Text("state"));
        Assert.Equal(1, state.Number("version"));
    }

    [Theory]
    [InlineData("""{"state":"Available","state":"Offline"}""", "state")]
    [InlineData("""{"id":"a2","displayName":"Two","displayName":"Deux"}""", "displayName")]
    public async Task A_field_given_twice_is_400_naming_it(string body, string field)
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1");
        using var admin = tenant.Admin();
        var (method, path) = field == "state" ? (HttpMethod.Put, "/v1/agents/a1/state") : (HttpMethod.Post, "/v1/agents");

        using var response = await admin.SendJsonAsync(method, path, body);

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
        Problem.AssertFields(problem, field);
        Assert.Contains("more than once", Problem.Detail(problem), StringComparison.Ordinal);
        Assert.Equal(0, (await tenant.GetStateAsync("a1")).Number("version"));
        Assert.Single((await admin.GetOkJsonAsync("/v1/agents")).Items());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_over_the_limit_on_a_route_that_takes_none_is_413_and_pins_nothing(bool declareLength)
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1");
        await tenant.CreateQueueAsync("support");
        using var admin = tenant.Admin();
        var bytes = Encoding.UTF8.GetBytes(new string(' ', 10 * 1024 * 1024));
        HttpContent content = declareLength
            ? new ByteArrayContent(bytes) { Headers = { ContentType = new("application/json") } }
            : new UnknownLengthContent(bytes);

        using var response = await admin.SendAsync(HttpMethod.Put, "/v1/agents/a1/favorites/queue/support", content);

        Assert.Contains("65536", Problem.Detail(await Problem.AssertAsync(response, HttpStatusCode.RequestEntityTooLarge)), StringComparison.Ordinal);
        Assert.Empty((await admin.GetOkJsonAsync("/v1/agents/a1/favorites")).Items());
    }

    [Fact]
    public async Task A_small_body_on_a_route_that_takes_none_is_read_and_ignored()
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1");
        await tenant.CreateQueueAsync("support");
        using var admin = tenant.Admin();

        using var response = await admin.SendAsync(HttpMethod.Put, "/v1/agents/a1/favorites/queue/support",
            new UnknownLengthContent(Encoding.UTF8.GetBytes("{}")));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
