using Microsoft.AspNetCore.Hosting;

using Switchboard.TestSupport;

namespace Switchboard.Api.Tests.Support;

/// <summary>An API host of a test's own, with its own co-hosted silo on free ports, for settings the shared host must not have.</summary>
internal static class IsolatedApi
{
    public static IsolatedApiFactory Create(string environment, params (string Key, string Value)[] settings) =>
        Create(environment, _ => { }, settings);

    /// <summary>As above, with <paramref name="configure"/> for what settings cannot express (services, options of the server).</summary>
    public static IsolatedApiFactory Create(string environment, Action<IWebHostBuilder> configure, params (string Key, string Value)[] settings) =>
        new(web =>
        {
            web.UseEnvironment(environment);
            web.UseSetting("Orleans:SiloPort", FreePorts.NextText());
            web.UseSetting("Orleans:GatewayPort", FreePorts.NextText());
            foreach (var (key, value) in settings)
            {
                web.UseSetting(key, value);
            }

            configure(web);
        });

    /// <summary>Creates a tenant with the operator key (the host must have <see cref="SwitchboardApiFactory.OperatorKey"/>): its id, admin key and key id.</summary>
    public static async Task<(string TenantId, string AdminKey, string AdminKeyId)> CreateTenantAsync(IsolatedApiFactory api)
    {
        using var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", SwitchboardApiFactory.OperatorKey);
        var id = "t-" + Guid.NewGuid().ToString("N");
        using var response = await client.SendJsonAsync(HttpMethod.Post, "/v1/tenants", $$"""{"id":"{{id}}","name":"Isolated"}""");
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        var adminKey = (await response.ReadJsonAsync())["adminKey"]!;
        return (id, adminKey["key"]!.GetValue<string>(), adminKey["id"]!.GetValue<string>());
    }
}
