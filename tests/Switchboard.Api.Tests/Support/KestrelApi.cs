using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Switchboard.Api.Tests.Support;

/// <summary>
/// An API host of its own (see <see cref="IsolatedApi"/>) on real Kestrel at 127.0.0.1, for what TestServer cannot
/// show: TCP, transport buffers, WebSocket pings. Has <see cref="SwitchboardApiFactory.OperatorKey"/> to create tenants.
/// </summary>
public sealed class KestrelApi : IAsyncDisposable
{
    private readonly IsolatedApiFactory factory;

    private KestrelApi(IsolatedApiFactory factory, Uri baseAddress)
    {
        this.factory = factory;
        BaseAddress = baseAddress;
    }

    /// <summary><c>http://127.0.0.1:{port}</c>.</summary>
    public Uri BaseAddress { get; }

    public IServiceProvider Services => factory.Services;

    /// <summary>Starts the host (and its silo); <paramref name="kestrel"/> and <paramref name="configure"/> may tune the server.</summary>
    public static KestrelApi Start(Action<KestrelServerOptions>? kestrel, Action<IWebHostBuilder>? configure, params (string Key, string Value)[] settings)
    {
        var factory = IsolatedApi.Create("Development", web => configure?.Invoke(web), [("Auth:OperatorKey", SwitchboardApiFactory.OperatorKey), .. settings]);
        factory.UseKestrel(options =>
        {
            options.Listen(IPAddress.Loopback, 0); // the port Kestrel bound is read back below: no window for another process to take it
            kestrel?.Invoke(options);
        });
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new KestrelApi(factory, new Uri(address));
    }

    /// <summary>A client over TCP that sends <paramref name="key"/> as <c>Authorization: Bearer</c>; its responses are checked against the OpenAPI document.</summary>
    public HttpClient ClientWith(string key)
    {
        var client = new HttpClient(new OpenApiContractHandler(new HttpClientHandler())) { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>Creates a tenant over TCP: its id, admin key and key id.</summary>
    public Task<(string TenantId, string AdminKey, string AdminKeyId)> CreateTenantAsync() => IsolatedApi.CreateTenantAsync(factory);

    public ValueTask DisposeAsync() => factory.DisposeAsync();
}
