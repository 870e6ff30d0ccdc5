using System.Net;
using Switchboard.Api.Tests.Support;

namespace Switchboard.Api.Tests;

/// <summary>Errors raised before an endpoint runs (routing, content negotiation) are problems with a detail too.</summary>
public sealed class RoutingErrorTests(SwitchboardApiFactory factory)
{
    [Theory]
    [InlineData("GET", "/v1/no-such-resource", HttpStatusCode.NotFound)]
    [InlineData("DELETE", "/v1/status-codes", HttpStatusCode.MethodNotAllowed)]
    public async Task Unknown_route_or_method_is_a_problem_with_detail(string method, string path, HttpStatusCode status)
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = tenant.Admin();

        using var response = await admin.SendJsonAsync(new HttpMethod(method), path, null);

        await Problem.AssertAsync(response, status);
    }
}
