using System.Net;
using System.Text.Json;
using Switchboard.Api.Tests.Support;

namespace Switchboard.Api.Tests;

/// <summary>Broadcasts, alerts and platform changes in the OpenAPI document.</summary>
public sealed class AlertsOpenApiTests(SwitchboardApiFactory factory)
{
    [Theory]
    [InlineData("/v1/broadcasts", "post", "Alerts", new[] { "401", "403", "422" })]
    [InlineData("/v1/broadcasts", "get", "Alerts", new[] { "400", "401", "403" })]
    [InlineData("/v1/broadcasts/{broadcastId}", "get", "Alerts", new[] { "401", "403", "404" })]
    [InlineData("/v1/agents/{agentId}/alerts", "get", "Alerts", new[] { "401", "403", "404" })]
    [InlineData("/v1/agents/{agentId}/alerts/{alertId}/read", "post", "Alerts", new[] { "401", "403", "404" })]
    [InlineData("/v1/platform-changes", "post", "Platform changes", new[] { "401", "403", "422" })]
    [InlineData("/v1/platform-changes", "get", "Platform changes", new[] { "400", "401", "403" })]
    [InlineData("/v1/platform-changes/{changeId}", "get", "Platform changes", new[] { "401", "403", "404" })]
    [InlineData("/v1/platform-changes/{changeId}/notices", "post", "Platform changes", new[] { "401", "403", "404", "409", "422" })]
    public async Task Every_endpoint_is_documented_with_its_problems(string path, string method, string tag, string[] statuses)
    {
        using var document = await ReadDocumentAsync();

        Assert.True(document.RootElement.GetProperty("paths").TryGetProperty(path, out var item), $"{path} is not documented");
        Assert.True(item.TryGetProperty(method, out var operation), $"{method.ToUpperInvariant()} {path} is not documented");
        Assert.Equal(tag, operation.GetProperty("tags")[0].GetString());
        Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()));
        var responses = operation.GetProperty("responses");
        foreach (var status in statuses)
        {
            Assert.True(responses.TryGetProperty(status, out var response), $"{method.ToUpperInvariant()} {path} does not document {status}");
            Assert.True(response.GetProperty("content").TryGetProperty(Problem.ContentType, out _), $"{status} is not a problem");
        }
    }

    [Theory]
    [InlineData("/v1/broadcasts", "text")]
    [InlineData("/v1/platform-changes", "message")]
    public async Task Request_bodies_have_examples(string path, string property)
    {
        using var document = await ReadDocumentAsync();
        var root = document.RootElement;
        var schema = root.GetProperty("paths").GetProperty(path).GetProperty("post")
            .GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        var name = schema.GetProperty("$ref").GetString()!["#/components/schemas/".Length..];

        var example = root.GetProperty("components").GetProperty("schemas").GetProperty(name).GetProperty("example");

        Assert.False(string.IsNullOrWhiteSpace(example.GetProperty(property).GetString()));
    }

    [Fact]
    public async Task Compliance_statuses_are_documented_by_their_wire_names()
    {
        using var document = await ReadDocumentAsync();

        var values = document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("ComplianceStatus").GetProperty("enum");

        Assert.Equal(["pending", "logged-out", "finishing-call", "logged-out-by-system", "not-logged-in", "removed"], values.EnumerateArray().Select(v => v.GetString()));
    }

    private async Task<JsonDocument> ReadDocumentAsync()
    {
        using var client = factory.ClientWith(null);
        using var response = await client.GetResponseAsync("/swagger/v1/swagger.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stream = await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken);
        return await JsonDocument.ParseAsync(stream, cancellationToken: TestContext.Current.CancellationToken);
    }
}
