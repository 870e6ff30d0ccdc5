using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Switchboard.TestSupport;

namespace Switchboard.Api.Client.Tests.Support;

/// <summary>The API host with its co-hosted silo on free loopback ports and a known operator key, shared by the assembly.</summary>
public sealed class ClientApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string OperatorKey = "operator-key-for-client-tests";

    public ValueTask InitializeAsync()
    {
        StartServer();
        return ValueTask.CompletedTask;
    }

    /// <summary>The generated client over an in-process connection, sending <paramref name="key"/> as <c>Authorization: Bearer</c>.</summary>
    public SwitchboardClient ClientWith(string key)
    {
        var http = CreateDefaultClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return new SwitchboardClient(http);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Orleans:SiloPort", FreePorts.NextText());
        builder.UseSetting("Orleans:GatewayPort", FreePorts.NextText());
        builder.UseSetting("Auth:OperatorKey", OperatorKey);
    }
}
