using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Switchboard.Grains;

using Switchboard.TestSupport;

namespace Switchboard.Api.Tests.Support;

/// <summary>
/// The API host with its co-hosted silo on free loopback ports, known keys and a fake clock.
/// Shared by the whole assembly; each test makes its own tenant (<see cref="CreateTenantAsync"/>).
/// </summary>
public sealed class SwitchboardApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string OperatorKey = "operator-key-for-tests";
    public const string DevAdminKey = "dev-admin-key-for-tests";

    /// <summary>The one clock of the host and its silo. Only tests in <see cref="ClockCollection"/> move it.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));

    /// <summary>For a host of a test's own: services to change after the host's (the silo's are the same container).</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    public ValueTask InitializeAsync()
    {
        StartServer();
        return ValueTask.CompletedTask;
    }

    /// <summary>A client that sends <paramref name="key"/> as <c>Authorization: Bearer</c>, or no Authorization at all.</summary>
    /// <remarks>
    /// No redirect or cookie handlers: the redirect handler buffers request bodies, which would give a body of
    /// unknown length a Content-Length and hide the chunked case. Every response is checked against the OpenAPI
    /// document (<see cref="OpenApiContractHandler"/>).
    /// </remarks>
    public HttpClient ClientWith(string? key)
    {
        var client = CreateDefaultClient(new OpenApiContractHandler());
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    /// <summary>Creates a fresh tenant with the operator key and returns its first admin key.</summary>
    public async Task<TestTenant> CreateTenantAsync()
    {
        var id = "t-" + Guid.NewGuid().ToString("N");
        using var client = ClientWith(OperatorKey);
        using var response = await client.PostAsJsonAsync("/v1/tenants", new { id, name = "Test " + id }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.ReadJsonAsync();
        var adminKey = body["adminKey"]!;
        return new TestTenant(this, id, adminKey["key"]!.GetValue<string>(), adminKey["id"]!.GetValue<string>());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Orleans:SiloPort", FreePorts.NextText());
        builder.UseSetting("Orleans:GatewayPort", FreePorts.NextText());
        builder.UseSetting("Auth:OperatorKey", OperatorKey);
        builder.UseSetting("Auth:DevAdminKey", DevAdminKey);
        builder.UseSetting("Auth:KeyCacheSeconds", "5");
        builder.UseSetting("Webhooks:PollMilliseconds", "20"); // deliveries go out soon after they are due
        builder.ConfigureTestServices(services =>
        {
            // The business clock only: Orleans keeps the real one for its own timers and timeouts.
            services.AddKeyedSingleton<TimeProvider>(SwitchboardClock.ServiceKey, Clock);
            TestServices?.Invoke(services);
        });
    }
}
