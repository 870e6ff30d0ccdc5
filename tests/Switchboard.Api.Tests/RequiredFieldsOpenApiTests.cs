using System.Text.Json;
using Switchboard.Api.Tests.Support;

namespace Switchboard.Api.Tests;

/// <summary>Fields a queue, interaction or telephony body always needs are listed as required in the OpenAPI document.</summary>
public sealed class RequiredFieldsOpenApiTests(SwitchboardApiFactory factory)
{
    [Theory]
    [InlineData("/v1/queues", "post", new[] { "id", "name" })]
    [InlineData("/v1/queues/{queueId}", "patch", new string[0])]
    [InlineData("/v1/queues/{queueId}/members/{agentId}", "put", new string[0])]
    [InlineData("/v1/interactions", "post", new[] { "direction", "media" })]
    [InlineData("/v1/interactions/{interactionId}/accept", "post", new string[0])]
    [InlineData("/v1/interactions/{interactionId}/transfer", "post", new[] { "target" })]
    [InlineData("/v1/interactions/{interactionId}/consult", "post", new[] { "target" })]
    [InlineData("/v1/interactions/{interactionId}/wrap-up", "post", new string[0])]
    [InlineData("/v1/telephony/events", "post", new string[0])] // leg or voicemail.recorded: each type needs its own fields
    public async Task Request_bodies_list_the_fields_they_always_need(string path, string method, string[] required)
    {
        using var document = await OpenApiDocument.ReadAsync(factory);
        var root = document.RootElement;

        var schema = Resolve(root, root.GetProperty("paths").GetProperty(path).GetProperty(method)
            .GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema"));

        Assert.Equal(required, Required(schema));
    }

    [Fact]
    public async Task A_transfer_target_always_needs_its_type()
    {
        using var document = await OpenApiDocument.ReadAsync(factory);

        var target = document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("InteractionTargetRequest");

        Assert.Equal(["type"], Required(target));
    }

    private static JsonElement Resolve(JsonElement root, JsonElement schema) =>
        schema.TryGetProperty("$ref", out var reference)
            ? root.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!["#/components/schemas/".Length..])
            : schema;

    private static string[] Required(JsonElement schema) =>
        schema.TryGetProperty("required", out var required) ? [.. required.EnumerateArray().Select(r => r.GetString()!).Order(StringComparer.Ordinal)] : [];
}
