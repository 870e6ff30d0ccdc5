using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace Switchboard.Api.Tests.Support;

/// <summary>The host <see cref="IsolatedApi"/> makes: its clients check every response against the OpenAPI document.</summary>
public sealed class IsolatedApiFactory(Action<IWebHostBuilder> configure) : WebApplicationFactory<Program>
{
    /// <summary>
    /// A client like the base class makes (redirects and cookies followed), with <see cref="OpenApiContractHandler"/>
    /// outermost so it sees the final response. Hides the base method so tests keep calling <c>CreateClient()</c>.
    /// </summary>
    public new HttpClient CreateClient() =>
        CreateDefaultClient(
            ClientOptions.BaseAddress,
            new OpenApiContractHandler(),
            new RedirectHandler(ClientOptions.MaxAutomaticRedirections),
            new CookieContainerHandler());

    protected override void ConfigureWebHost(IWebHostBuilder builder) => configure(builder);
}
