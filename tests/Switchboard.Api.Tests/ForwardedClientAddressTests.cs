using System.Net;
using Switchboard.Api.Tests.Support;

namespace Switchboard.Api.Tests;

/// <summary>
/// Behind a proxy (<c>Api:TrustForwardedFor</c>), per-address lockouts count the client the proxy names, so one client's
/// wrong co-browse codes lock out that client only; without the setting, the header is only a header.
/// </summary>
public sealed class ForwardedClientAddressTests
{
    [Fact]
    public async Task Behind_a_proxy_wrong_codes_lock_out_the_client_it_forwards_for_only()
    {
        await using var api = IsolatedApi.Create("Development", ("Api:TrustForwardedFor", "true"));
        using var client = api.CreateClient();
        await LockOutAsync(client, "198.51.100.1");

        Assert.Equal(HttpStatusCode.TooManyRequests, await JoinAsync(client, "198.51.100.1"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await JoinAsync(client, "203.0.113.9, 198.51.100.1")); // only the proxy's own entry counts
        Assert.Equal(HttpStatusCode.NotFound, await JoinAsync(client, "198.51.100.2"));
    }

    [Fact]
    public async Task Without_a_proxy_a_client_cannot_pose_as_another_address()
    {
        await using var api = IsolatedApi.Create("Development");
        using var client = api.CreateClient();
        await LockOutAsync(client, "198.51.100.1");

        Assert.Equal(HttpStatusCode.TooManyRequests, await JoinAsync(client, "198.51.100.2"));
    }

    private static async Task LockOutAsync(HttpClient client, string forwardedFor)
    {
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, await JoinAsync(client, forwardedFor));
        }
    }

    private static async Task<HttpStatusCode> JoinAsync(HttpClient client, string forwardedFor)
    {
        using var response = await client.SendJsonAsync(HttpMethod.Post, "/v1/public/cobrowse/join", """{"joinCode":"000000"}""",
            r => r.Headers.Add("X-Forwarded-For", forwardedFor));
        return response.StatusCode;
    }
}
