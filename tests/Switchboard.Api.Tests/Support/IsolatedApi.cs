using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

using Switchboard.TestSupport;

namespace Switchboard.Api.Tests.Support;

/// <summary>An API host of a test's own, with its own co-hosted silo on free ports, for settings the shared host must not have.</summary>
internal static class IsolatedApi
{
    public static WebApplicationFactory<Program> Create(string environment, params (string Key, string Value)[] settings) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment(environment);
            web.UseSetting("Orleans:SiloPort", FreePorts.NextText());
            web.UseSetting("Orleans:GatewayPort", FreePorts.NextText());
            foreach (var (key, value) in settings)
            {
                web.UseSetting(key, value);
            }
        });
}
