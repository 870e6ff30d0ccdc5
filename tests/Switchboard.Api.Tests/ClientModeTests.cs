using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Switchboard.Api.Tests.Support;
using Switchboard.Hosting;

using Switchboard.TestSupport;

namespace Switchboard.Api.Tests;

/// <summary>The API host as an Orleans client of a separate silo (Orleans:Mode=Client), as in the README.</summary>
public sealed class ClientModeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_api_host_in_client_mode_serves_the_api_through_a_separate_silo_and_reports_when_it_is_gone()
    {
        var siloPort = FreePorts.NextText();
        var gatewayPort = FreePorts.NextText();
        var siloBuilder = Host.CreateApplicationBuilder();
        siloBuilder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Orleans:SiloPort"] = siloPort,
            ["Orleans:GatewayPort"] = gatewayPort,
            ["Orleans:ClusterId"] = "client-mode-test",
        });
        siloBuilder.UseOrleans(silo => silo.AddSwitchboardSilo(siloBuilder.Configuration));
        using var silo = siloBuilder.Build();
        await silo.StartAsync(Ct);

        await using var api = new IsolatedApiFactory(web =>
        {
            web.UseEnvironment("Development");
            web.UseSetting("Orleans:Mode", "Client");
            web.UseSetting("Orleans:GatewayPort", gatewayPort);
            web.UseSetting("Orleans:ClusterId", "client-mode-test");
            web.UseSetting("Auth:DevAdminKey", SwitchboardApiFactory.DevAdminKey);
        });
        using var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", SwitchboardApiFactory.DevAdminKey);

        using (var created = await client.SendJsonAsync(HttpMethod.Post, "/v1/agents", """{"id":"a1","displayName":"Ada","group":"sales"}"""))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        using (var changed = await client.SendJsonAsync(HttpMethod.Put, "/v1/agents/a1/state", """{"state":"Available"}"""))
        {
            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        }

        var state = await client.GetOkJsonAsync("/v1/agents/a1/state");
        Assert.Equal("Available", state.Text("state"));
        Assert.Equal(1, state.Number("version"));
        using (var ready = await client.GetResponseAsync("/health/ready"))
        {
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }

        // The silo goes away: the API host stays up and says it is not ready, and requests fail with a problem, not a hang.
        await silo.StopAsync(Ct);
        using (var notReady = await client.GetResponseAsync("/health/ready"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
        }

        // A key this host has not seen must be checked by the cluster, which is gone: a 503 problem with Retry-After.
        using var stranger = api.CreateClient();
        stranger.DefaultRequestHeaders.Authorization = new("Bearer", "sb.dev.never-seen-before");
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        using (var failed = await stranger.GetResponseAsync("/v1/agents/a1/state"))
        {
            await Problem.AssertAsync(failed, HttpStatusCode.ServiceUnavailable);
            Assert.True(failed.Headers.Contains("Retry-After"));
        }

        // Bounded by Orleans' response timeout, not a hang (a generous bound: this is not a timing test).
        Assert.True(System.Diagnostics.Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(60));

        using var live = await client.GetResponseAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);

        // Even with a key nobody can check now: liveness never looks a key up.
        using var strangerLive = await stranger.GetResponseAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, strangerLive.StatusCode);
    }
}
