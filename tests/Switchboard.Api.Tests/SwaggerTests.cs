using System.Net;
using System.Text.Json;
using Switchboard.Api.Tests.Support;

namespace Switchboard.Api.Tests;

/// <summary>The OpenAPI document describes every endpoint, its errors and the bearer scheme.</summary>
public sealed class SwaggerTests(SwitchboardApiFactory factory)
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

    [Fact]
    public async Task Document_declares_the_bearer_scheme_and_requires_it()
    {
        using var document = await ReadDocumentAsync();
        var root = document.RootElement;

        var bearer = root.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer");
        Assert.Equal("http", bearer.GetProperty("type").GetString());
        Assert.Equal("bearer", bearer.GetProperty("scheme").GetString());
        var requirement = Assert.Single(root.GetProperty("security").EnumerateArray());
        Assert.True(requirement.TryGetProperty("bearer", out _), "the top-level security requirement names the bearer scheme");
    }

    [Fact]
    public async Task Every_v1_operation_has_summary_tags_operation_id_and_a_documented_401_problem_unless_it_takes_no_credentials()
    {
        using var document = await ReadDocumentAsync();
        var operations = Operations(document.RootElement).ToList();
        Assert.True(operations.Count >= 15, $"only {operations.Count} operations under /v1");

        var operationIds = new HashSet<string>(StringComparer.Ordinal);
        var failures = new List<string>();
        foreach (var (name, operation) in operations)
        {
            if (!operation.TryGetProperty("summary", out var summary) || string.IsNullOrWhiteSpace(summary.GetString()))
            {
                failures.Add($"{name}: no summary");
            }

            if (!operation.TryGetProperty("tags", out var tags) || tags.GetArrayLength() == 0)
            {
                failures.Add($"{name}: no tag");
            }

            if (!operation.TryGetProperty("operationId", out var id) || string.IsNullOrWhiteSpace(id.GetString()))
            {
                failures.Add($"{name}: no operationId");
            }
            else if (!operationIds.Add(id.GetString()!))
            {
                failures.Add($"{name}: duplicate operationId {id.GetString()}");
            }

            // An operation that takes no credentials at all (security: [], opening a web chat) can answer no 401.
            var anonymous = operation.TryGetProperty("security", out var security) && security.GetArrayLength() == 0;
            var has401 = operation.GetProperty("responses").TryGetProperty("401", out var unauthorized);
            if (anonymous)
            {
                if (has401)
                {
                    failures.Add($"{name}: takes no credentials but documents a 401");
                }
            }
            else if (!has401 || !unauthorized.TryGetProperty("content", out var content) || !content.TryGetProperty(Problem.ContentType, out _))
            {
                failures.Add($"{name}: no 401 with {Problem.ContentType}");
            }
        }

        Assert.Empty(failures);
    }

    [Theory]
    [InlineData("/v1/agents", "get")]
    [InlineData("/v1/agents", "post")]
    [InlineData("/v1/agents/{agentId}", "get")]
    [InlineData("/v1/agents/{agentId}", "patch")]
    [InlineData("/v1/agents/{agentId}", "delete")]
    [InlineData("/v1/agents/{agentId}/state", "get")]
    [InlineData("/v1/agents/{agentId}/state", "put")]
    [InlineData("/v1/agents/{agentId}/state-history", "get")]
    [InlineData("/v1/status-codes", "get")]
    [InlineData("/v1/status-codes", "put")]
    [InlineData("/v1/transaction-codes", "get")]
    [InlineData("/v1/transaction-codes", "put")]
    [InlineData("/v1/api-keys", "get")]
    [InlineData("/v1/api-keys", "post")]
    [InlineData("/v1/api-keys/{keyId}", "delete")]
    [InlineData("/v1/tenants", "post")]
    [InlineData("/v1/tenants/{tenantId}", "get")]
    public async Task Every_endpoint_of_the_issue_is_documented(string path, string method)
    {
        using var document = await ReadDocumentAsync();

        Assert.True(document.RootElement.GetProperty("paths").TryGetProperty(path, out var item), $"{path} is not documented");
        Assert.True(item.TryGetProperty(method, out _), $"{method.ToUpperInvariant()} {path} is not documented");
    }

    [Theory]
    [InlineData("/v1/agents", "post", "id", "a1")]
    [InlineData("/v1/agents/{agentId}/state", "put", "state", "Break")]
    [InlineData("/v1/status-codes", "put", null, null)]
    [InlineData("/v1/api-keys", "post", "role", "agent")]
    public async Task Request_bodies_have_schema_examples(string path, string method, string? property, string? value)
    {
        using var document = await ReadDocumentAsync();
        var root = document.RootElement;
        var operation = root.GetProperty("paths").GetProperty(path).GetProperty(method);

        var schema = Resolve(root, operation.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema"));

        Assert.True(schema.TryGetProperty("example", out var example), $"{method.ToUpperInvariant()} {path}: the body schema has no example");
        Assert.Equal(JsonValueKind.Object, example.ValueKind);
        if (property is not null)
        {
            Assert.Equal(value, example.GetProperty(property).GetString());
        }
    }

    [Theory]
    [InlineData("/v1/agents/{agentId}/state", "put", new[] { "404", "409", "412", "422" })]
    [InlineData("/v1/agents", "post", new[] { "409", "422" })]
    [InlineData("/v1/tenants", "post", new[] { "409", "422" })]
    public async Task State_change_and_create_document_their_specific_errors(string path, string method, string[] statuses)
    {
        using var document = await ReadDocumentAsync();
        var responses = document.RootElement.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("responses");

        foreach (var status in statuses)
        {
            Assert.True(responses.TryGetProperty(status, out var response), $"{method.ToUpperInvariant()} {path} does not document {status}");
            Assert.True(response.GetProperty("content").TryGetProperty(Problem.ContentType, out _), $"{status} is not a problem");
        }
    }

    [Theory]
    [InlineData("/swagger/index.html")]
    [InlineData("/swagger/v1/swagger.json")]
    public async Task Swagger_is_served_without_a_key(string path)
    {
        using var client = factory.ClientWith(null);

        using var response = await client.GetResponseAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<JsonDocument> ReadDocumentAsync()
    {
        using var client = factory.ClientWith(null);
        using var response = await client.GetResponseAsync("/swagger/v1/swagger.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stream = await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken);
        return await JsonDocument.ParseAsync(stream, cancellationToken: TestContext.Current.CancellationToken);
    }

    private static IEnumerable<(string Name, JsonElement Operation)> Operations(JsonElement root)
    {
        foreach (var path in root.GetProperty("paths").EnumerateObject().Where(p => p.Name.StartsWith("/v1/", StringComparison.Ordinal)))
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => Methods.Contains(o.Name)))
            {
                yield return ($"{operation.Name.ToUpperInvariant()} {path.Name}", operation.Value);
            }
        }
    }

    private static JsonElement Resolve(JsonElement root, JsonElement schema)
    {
        if (!schema.TryGetProperty("$ref", out var reference))
        {
            return schema;
        }

        var name = reference.GetString()!["#/components/schemas/".Length..];
        return root.GetProperty("components").GetProperty("schemas").GetProperty(name);
    }
}
