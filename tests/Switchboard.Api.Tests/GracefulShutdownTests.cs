using System.Net;
using System.Net.WebSockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Switchboard.Api.Live;
using Switchboard.Api.Tests.Support;

namespace Switchboard.Api.Tests;

/// <summary>An API host told to stop (SIGTERM) lets its consoles go on elsewhere: sockets closed with 1001, new ones refused.</summary>
public sealed class GracefulShutdownTests
{
    [Fact]
    public async Task Stopping_the_host_closes_every_live_socket_with_1001_before_the_server_drains()
    {
        await using var api = KestrelApi.Start(null, null);
        var (_, adminKey, _) = await api.CreateTenantAsync();
        await using var following = await LiveTestClient.ConnectAsync(api.BaseAddress, adminKey);
        await following.SubscribeAsync("directory");
        await following.NextOfTypeAsync("subscribed");
        await using var idle = await LiveTestClient.ConnectAsync(api.BaseAddress, adminKey, keyInQuery: true);

        api.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication(); // what SIGTERM does

        var closed = await following.ExpectCloseAsync();
        Assert.Equal(1001, closed.Code);
        Assert.Contains("shutting down", closed.Reason, StringComparison.Ordinal);
        Assert.Equal(1001, (await idle.ExpectCloseAsync()).Code);
    }

    [Fact]
    public async Task While_the_host_stops_a_new_socket_is_refused_with_503_and_retry_after_and_other_requests_are_answered()
    {
        await using var api = KestrelApi.Start(null, null);
        var (_, adminKey, _) = await api.CreateTenantAsync();
        using var admin = api.ClientWith(adminKey);

        api.Services.GetRequiredService<LiveHub>().GoAway(); // the stop has begun; the server still takes requests

        using var late = new ClientWebSocket();
        late.Options.CollectHttpResponseDetails = true;
        late.Options.SetRequestHeader("Authorization", "Bearer " + adminKey);
        var refused = await Assert.ThrowsAsync<WebSocketException>(() => late.ConnectAsync(LiveTestClient.StreamUri(api.BaseAddress), TestContext.Current.CancellationToken));
        Assert.True(late.HttpStatusCode == HttpStatusCode.ServiceUnavailable, refused.ToString());
        Assert.Equal("1", late.HttpResponseHeaders!["Retry-After"].Single());

        using var agents = await admin.GetAsync(new Uri("/v1/agents", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, agents.StatusCode);
    }
}
