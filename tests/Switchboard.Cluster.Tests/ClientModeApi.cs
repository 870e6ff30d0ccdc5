using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Switchboard.Cluster.Tests;

/// <summary>An API host in this process in client mode (Development, no rate limit) on a cluster of silo processes, with a dev admin key.</summary>
internal static class ClientModeApi
{
    public static WebApplicationFactory<Program> Start(string clusterId, string connectionString, string adminKey, params (string Key, string Value)[] settings) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Development");
            web.UseSetting("Orleans:Mode", "Client");
            web.UseSetting("Orleans:ClusterId", clusterId);
            web.UseSetting("Storage:Provider", "AzureTables");
            web.UseSetting("ConnectionStrings:AzureStorage", connectionString);
            web.UseSetting("Auth:DevAdminKey", adminKey);
            web.UseSetting("Api:RateLimitPerSecond", "0");
            foreach (var (key, value) in settings)
            {
                web.UseSetting(key, value);
            }
        });

    /// <summary>A client of <paramref name="api"/> that sends <paramref name="key"/>.</summary>
    public static HttpClient ClientWith(this WebApplicationFactory<Program> api, string key)
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }
}
