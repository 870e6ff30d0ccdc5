using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;

using Switchboard.TestSupport;

namespace Switchboard.Benchmarks;

/// <summary>The real API host (co-hosted silo, in-memory storage) on Kestrel at 127.0.0.1, with agents to toggle.</summary>
public sealed class SwitchboardServer : IAsyncDisposable
{
    public const string AdminKey = "benchmark-admin-key";
    private readonly WebApplicationFactory<Program> factory;
    private readonly int agents;

    private SwitchboardServer(WebApplicationFactory<Program> factory, HttpClient client, int agents)
    {
        this.factory = factory;
        this.agents = agents;
        Client = client;
    }

    public HttpClient Client { get; }

    public static async Task<SwitchboardServer> StartAsync(int agents)
    {
        var port = FreePorts.Next();
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Development");
            web.UseSetting("Auth:DevAdminKey", AdminKey);
            web.UseSetting("Api:RateLimitPerSecond", "0"); // measure the work, not the limiter's refusals
            web.UseSetting("Live:MaxSessionsPerKey", "100000"); // the live benchmark opens all its sockets with one key
            web.UseSetting("Orleans:SiloPort", FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
            web.UseSetting("Orleans:GatewayPort", FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
            web.ConfigureLogging(logging => logging.ClearProviders()); // console logging would cost the API, not the baseline
        });
        factory.UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, port));
        factory.StartServer();
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        for (var i = 0; i < agents; i++)
        {
            using var created = await client.PostAsJsonAsync("/v1/agents", new { id = $"a{i}", displayName = $"Agent {i}", group = "bench" });
            created.EnsureSuccessStatusCode();
        }

        return new SwitchboardServer(factory, client, agents);
    }

    public HttpRequestMessage Request(int worker, long i) =>
        new(HttpMethod.Put, $"/v1/agents/a{worker % agents}/state")
        {
            Content = JsonContent.Create(new StateBody(i % 2 == 0 ? "Available" : "Offline", null)),
        };

    /// <summary>A read of the same state: auth, one read-only grain call, no storage write.</summary>
    public HttpRequestMessage ReadRequest(int worker, long i) => new(HttpMethod.Get, $"/v1/agents/a{worker % agents}/state");

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await factory.DisposeAsync();
    }
}
