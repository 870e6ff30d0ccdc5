using System.Net;
using System.Text.Json;
using Switchboard.Api.Tests.Support;

namespace Switchboard.Api.Tests;

/// <summary>The queue endpoints in the OpenAPI document: paths, errors, wire names of the enums and request examples.</summary>
public sealed class QueueOpenApiTests(SwitchboardApiFactory factory)
{
    [Theory]
    [InlineData("/v1/queues", "get", new[] { "400", "401", "403" })]
    [InlineData("/v1/queues", "post", new[] { "401", "403", "409", "422" })]
    [InlineData("/v1/queues/{queueId}", "get", new[] { "401", "403", "404" })]
    [InlineData("/v1/queues/{queueId}", "patch", new[] { "401", "403", "404", "422" })]
    [InlineData("/v1/queues/{queueId}", "delete", new[] { "401", "403", "404" })]
    [InlineData("/v1/queues/{queueId}/members", "get", new[] { "401", "403", "404" })]
    [InlineData("/v1/queues/{queueId}/members/{agentId}", "put", new[] { "401", "403", "404", "422" })]
    [InlineData("/v1/queues/{queueId}/members/{agentId}", "delete", new[] { "401", "403", "404" })]
    public async Task Every_queue_endpoint_is_documented_with_its_problems(string path, string method, string[] statuses)
    {
        using var document = await ReadDocumentAsync();

        Assert.True(document.RootElement.GetProperty("paths").TryGetProperty(path, out var item), $"{path} is not documented");
        Assert.True(item.TryGetProperty(method, out var operation), $"{method.ToUpperInvariant()} {path} is not documented");
        Assert.Equal("Queues", operation.GetProperty("tags")[0].GetString());
        Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()));
        var responses = operation.GetProperty("responses");
        foreach (var status in statuses)
        {
            Assert.True(responses.TryGetProperty(status, out var response), $"{method.ToUpperInvariant()} {path} does not document {status}");
            Assert.True(response.GetProperty("content").TryGetProperty(Problem.ContentType, out _), $"{status} is not a problem");
        }
    }

    [Theory]
    [InlineData("MediaType", new[] { "voice", "chat", "email", "voicemail" })]
    [InlineData("RoutingStrategy", new[] { "longest-idle", "round-robin", "skill-level" })]
    [InlineData("AgentState", new[] { "LoggedOut", "Available", "Busy", "WrapUp", "Offline", "Break" })]
    public async Task Enums_are_documented_by_their_wire_names(string schema, string[] names)
    {
        using var document = await ReadDocumentAsync();

        var values = document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty(schema).GetProperty("enum");

        Assert.Equal(names, values.EnumerateArray().Select(v => v.GetString()));
    }

    [Theory]
    [InlineData("/v1/queues", "post", "strategy", "longest-idle")]
    [InlineData("/v1/queues/{queueId}", "patch", "strategy", "skill-level")]
    public async Task Queue_request_bodies_have_examples(string path, string method, string property, string value)
    {
        using var document = await ReadDocumentAsync();
        var root = document.RootElement;
        var schema = root.GetProperty("paths").GetProperty(path).GetProperty(method)
            .GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        var name = schema.GetProperty("$ref").GetString()!["#/components/schemas/".Length..];

        var example = root.GetProperty("components").GetProperty("schemas").GetProperty(name).GetProperty("example");

        Assert.Equal(value, example.GetProperty(property).GetString());
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
