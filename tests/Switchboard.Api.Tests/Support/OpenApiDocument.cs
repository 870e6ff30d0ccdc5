using System.Net;
using System.Text.Json;

namespace Switchboard.Api.Tests.Support;

/// <summary>The served OpenAPI document.</summary>
public static class OpenApiDocument
{
    /// <summary>GETs /swagger/v1/swagger.json without a key and parses it.</summary>
    public static async Task<JsonDocument> ReadAsync(SwitchboardApiFactory factory)
    {
        using var client = factory.ClientWith(null);
        using var response = await client.GetResponseAsync("/swagger/v1/swagger.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stream = await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken);
        return await JsonDocument.ParseAsync(stream, cancellationToken: TestContext.Current.CancellationToken);
    }
}
