using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Switchboard.Api.Demo;
using Switchboard.Api.Tests.Support;

namespace Switchboard.Api.Tests.Demo;

/// <summary>Demo mode is off unless asked, and never runs outside Development.</summary>
public sealed class DemoOffTests(SwitchboardApiFactory factory)
{
    [Fact]
    public async Task Without_the_switch_nothing_is_seeded_or_simulated()
    {
        Assert.Null(factory.Services.GetService<DemoSession>());
        Assert.DoesNotContain(factory.Services.GetServices<IHostedService>(), s => s is DemoSeeder or DemoSimulator);

        using var operatorClient = factory.ClientWith(SwitchboardApiFactory.OperatorKey);
        using var tenant = await operatorClient.GetResponseAsync("/v1/tenants/demo");
        Assert.Equal(HttpStatusCode.NotFound, tenant.StatusCode);
    }

    [Fact]
    public async Task Outside_Development_the_demo_refuses_to_start()
    {
        await using var api = IsolatedApi.Create("Production", ("Demo:Enabled", "true"), ("Auth:OperatorKey", SwitchboardApiFactory.OperatorKey));
        var refused = Assert.ThrowsAny<Exception>(() => api.Services);
        Assert.Contains("only in the Development environment", refused.ToString(), StringComparison.Ordinal);
        Assert.Contains("'Production'", refused.ToString(), StringComparison.Ordinal);
    }
}
