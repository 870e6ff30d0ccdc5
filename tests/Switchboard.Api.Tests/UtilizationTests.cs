using System.Net;
using Switchboard.Api.Tests.Support;

namespace Switchboard.Api.Tests;

/// <summary><c>/v1/routing/utilization</c>: the tenant's rule of which work blocks which; any key reads it, only an admin sets it.</summary>
public sealed class UtilizationTests(SwitchboardApiFactory factory)
{
    private const string Url = "/v1/routing/utilization";

    [Theory]
    [InlineData("admin")]
    [InlineData("supervisor")]
    [InlineData("integration")]
    [InlineData("agent")]
    public async Task Any_key_reads_the_defaults_a_call_blocks_the_rest_and_the_rest_not_a_call(string role)
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1");
        using var client = factory.ClientWith((await tenant.IssueKeyAsync(role, role == "agent" ? "a1" : null)).Key);

        var rule = await client.GetOkJsonAsync(Url);

        Assert.True(rule["voiceBlocksOthers"]!.GetValue<bool>());
        Assert.False(rule["othersBlockVoice"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Put_sets_the_rule_get_shows_it_and_other_tenants_keep_theirs()
    {
        var tenant = await factory.CreateTenantAsync();
        var other = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1");
        using var admin = tenant.Admin();
        using var a1 = factory.ClientWith((await tenant.IssueKeyAsync("agent", "a1")).Key);

        var put = await tenant.SetUtilizationAsync(voiceBlocksOthers: false, othersBlockVoice: true);

        Assert.False(put["voiceBlocksOthers"]!.GetValue<bool>());
        Assert.True(put["othersBlockVoice"]!.GetValue<bool>());
        foreach (var client in new[] { admin, a1 })
        {
            var read = await client.GetOkJsonAsync(Url);
            Assert.False(read["voiceBlocksOthers"]!.GetValue<bool>());
            Assert.True(read["othersBlockVoice"]!.GetValue<bool>());
        }

        using var otherAdmin = other.Admin();
        var untouched = await otherAdmin.GetOkJsonAsync(Url);
        Assert.True(untouched["voiceBlocksOthers"]!.GetValue<bool>());
        Assert.False(untouched["othersBlockVoice"]!.GetValue<bool>());

        // And back: the defaults are a rule like any other.
        await tenant.SetUtilizationAsync(voiceBlocksOthers: true, othersBlockVoice: false);
        var back = await admin.GetOkJsonAsync(Url);
        Assert.True(back["voiceBlocksOthers"]!.GetValue<bool>());
        Assert.False(back["othersBlockVoice"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("""{"voiceBlocksOthers":false}""", "othersBlockVoice")]
    [InlineData("""{"othersBlockVoice":true}""", "voiceBlocksOthers")]
    [InlineData("""{"voiceBlocksOthers":null,"othersBlockVoice":true}""", "voiceBlocksOthers")]
    [InlineData("""{}""", "voiceBlocksOthers", "othersBlockVoice")]
    public async Task A_missing_field_is_422_naming_it_and_the_rule_stays(string body, params string[] fields)
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = tenant.Admin();

        using var response = await admin.SendJsonAsync(HttpMethod.Put, Url, body);

        Problem.AssertFields(await Problem.AssertAsync(response, HttpStatusCode.UnprocessableEntity), fields);
        await AssertDefaultsAsync(admin);
    }

    [Theory]
    [InlineData("""{"voiceBlocksOthers":"false","othersBlockVoice":true}""", "$.voiceBlocksOthers")]
    [InlineData("""{"voiceBlocksOthers":false,"othersBlockVoice":1}""", "$.othersBlockVoice")]
    public async Task A_field_of_the_wrong_type_is_400_naming_it_and_the_rule_stays(string body, string path)
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = tenant.Admin();

        using var response = await admin.SendJsonAsync(HttpMethod.Put, Url, body);

        Assert.Contains($"'{path}'", Problem.Detail(await Problem.AssertAsync(response, HttpStatusCode.BadRequest)), StringComparison.Ordinal);
        await AssertDefaultsAsync(admin);
    }

    [Fact]
    public async Task An_unknown_field_is_400_naming_it_and_the_rule_stays()
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = tenant.Admin();

        using var response = await admin.SendJsonAsync(HttpMethod.Put, Url, """{"voiceBlocksOthers":false,"othersBlockVoice":true,"chatBlocksEmail":true}""");

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
        Problem.AssertFields(problem, "chatBlocksEmail");
        await AssertDefaultsAsync(admin);
    }

    [Theory]
    [InlineData("agent")]
    [InlineData("supervisor")]
    [InlineData("integration")]
    public async Task Only_an_admin_key_sets_the_rule(string role)
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1");
        using var client = factory.ClientWith((await tenant.IssueKeyAsync(role, role == "agent" ? "a1" : null)).Key);

        using var response = await client.SendJsonAsync(HttpMethod.Put, Url, """{"voiceBlocksOthers":false,"othersBlockVoice":true}""");

        await Problem.AssertAsync(response, HttpStatusCode.Forbidden);
        using var admin = tenant.Admin();
        await AssertDefaultsAsync(admin);
        using var read = await client.GetResponseAsync(Url);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    private static async Task AssertDefaultsAsync(HttpClient client)
    {
        var rule = await client.GetOkJsonAsync(Url);
        Assert.True(rule["voiceBlocksOthers"]!.GetValue<bool>());
        Assert.False(rule["othersBlockVoice"]!.GetValue<bool>());
    }
}
