using Switchboard.Api.Tests.Support;

namespace Switchboard.Api.Tests;

/// <summary>The status-view endpoints in the OpenAPI document: paths, tag, summaries, problems, wire names and examples.</summary>
public sealed class StatusViewOpenApiTests(SwitchboardApiFactory factory)
{
    [Theory]
    [InlineData("/v1/directory/agents", "get", new[] { "400", "401", "403", "404" })]
    [InlineData("/v1/directory/queues", "get", new[] { "400", "401", "403", "404" })]
    [InlineData("/v1/agents/{agentId}/favorites", "get", new[] { "400", "401", "403", "404" })]
    [InlineData("/v1/agents/{agentId}/favorites/{kind}/{id}", "get", new[] { "400", "401", "403", "404" })]
    [InlineData("/v1/agents/{agentId}/favorites/{kind}/{id}", "put", new[] { "400", "401", "403", "404", "422" })]
    [InlineData("/v1/agents/{agentId}/favorites/{kind}/{id}", "delete", new[] { "400", "401", "403", "404" })]
    [InlineData("/v1/agents/{agentId}/recents", "get", new[] { "400", "401", "403", "404" })]
    public async Task Every_status_view_endpoint_is_documented_with_its_problems(string path, string method, string[] statuses)
    {
        using var document = await OpenApiDocument.ReadAsync(factory);

        Assert.True(document.RootElement.GetProperty("paths").TryGetProperty(path, out var item), $"{path} is not documented");
        Assert.True(item.TryGetProperty(method, out var operation), $"{method.ToUpperInvariant()} {path} is not documented");
        Assert.Equal("Status view", operation.GetProperty("tags")[0].GetString());
        Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("description").GetString()));
        var responses = operation.GetProperty("responses");
        foreach (var status in statuses)
        {
            Assert.True(responses.TryGetProperty(status, out var response), $"{method.ToUpperInvariant()} {path} does not document {status}");
            Assert.True(response.GetProperty("content").TryGetProperty(Problem.ContentType, out _), $"{status} is not a problem");
        }
    }

    [Theory]
    [InlineData("PresenceIcon", new[] { "available", "busy", "working-offline", "on-break", "reading-email", "wrap-up", "logged-out" })]
    [InlineData("DirectoryKind", new[] { "agent", "queue" })]
    public async Task Enums_are_documented_by_their_wire_names(string schema, string[] names)
    {
        using var document = await OpenApiDocument.ReadAsync(factory);

        var values = document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty(schema).GetProperty("enum");

        Assert.Equal(names, values.EnumerateArray().Select(v => v.GetString()));
    }

    [Theory]
    [InlineData("DirectoryAgent", "icon", "reading-email")]
    [InlineData("DirectoryQueue", "queueId", "support")]
    [InlineData("FavoriteResponse", "kind", "agent")]
    [InlineData("RecentAgent", "id", "a2")]
    [InlineData("RecentQueue", "id", "support")]
    public async Task Response_schemas_have_examples(string schema, string property, string value)
    {
        using var document = await OpenApiDocument.ReadAsync(factory);

        var example = document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty(schema).GetProperty("example");

        Assert.Equal(value, example.GetProperty(property).GetString());
    }
}
