using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;

using Switchboard.TestSupport;

namespace Switchboard.Benchmarks;

/// <summary>
/// The real API host as deployed (Production environment, co-hosted silo, in-memory storage) on Kestrel at 127.0.0.1,
/// with a tenant made through the operator key, its admin key, and agents to toggle.
/// </summary>
public sealed class SwitchboardServer : IAsyncDisposable
{
    private const string OperatorKey = "benchmark-operator-key";
    private readonly WebApplicationFactory<Program> factory;
    private readonly int agents;

    private SwitchboardServer(WebApplicationFactory<Program> factory, HttpClient client, int agents, string adminKey)
    {
        this.factory = factory;
        this.agents = agents;
        Client = client;
        AdminKey = adminKey;
    }

    public HttpClient Client { get; }

    /// <summary>The benchmark tenant's admin key (its client sends it already).</summary>
    public string AdminKey { get; }

    public static async Task<SwitchboardServer> StartAsync(int agents, IReadOnlyDictionary<string, string>? settings = null)
    {
        var port = FreePorts.Next();
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Production");
            web.UseSetting("Auth:OperatorKey", OperatorKey);
            web.UseSetting("Api:RateLimitPerSecond", "0"); // measure the work, not the limiter's refusals
            web.UseSetting("Live:MaxSessionsPerKey", "100000"); // the live benchmark opens all its sockets with one key
            web.UseSetting("Orleans:SiloPort", FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
            web.UseSetting("Orleans:GatewayPort", FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
            web.ConfigureLogging(logging => logging.ClearProviders()); // console logging would cost the API, not the baseline
            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            {
                web.UseSetting(key, value);
            }
        });
        factory.UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, port));
        factory.StartServer();
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", OperatorKey);
        using (var tenant = await client.PostAsJsonAsync("/v1/tenants", new { id = "bench", name = "Benchmark" }))
        {
            tenant.EnsureSuccessStatusCode();
            var adminKey = (await tenant.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["adminKey"]!["key"]!.GetValue<string>();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", adminKey);
        }

        for (var i = 0; i < agents; i++)
        {
            using var created = await client.PostAsJsonAsync("/v1/agents", new { id = $"a{i}", displayName = $"Agent {i}", group = "bench" });
            created.EnsureSuccessStatusCode();
        }

        return new SwitchboardServer(factory, client, agents, client.DefaultRequestHeaders.Authorization!.Parameter!);
    }

    public HttpRequestMessage Request(int worker, long i) =>
        new(HttpMethod.Put, $"/v1/agents/a{worker % agents}/state")
        {
            Content = JsonContent.Create(new StateBody(i % 2 == 0 ? "Available" : "Offline", null)),
        };

    /// <summary>A read of the same state: auth, one read-only grain call, no storage write.</summary>
    public HttpRequestMessage ReadRequest(int worker, long i) => new(HttpMethod.Get, $"/v1/agents/a{worker % agents}/state");

    /// <summary>Stops the host as SIGTERM does (the server drains, then the embedded silo stops); disposing afterwards is safe.</summary>
    public async Task StopAsync() => await factory.DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await factory.DisposeAsync();
    }
}
