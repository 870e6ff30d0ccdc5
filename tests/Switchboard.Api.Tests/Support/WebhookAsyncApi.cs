using System.Net;
using System.Text.Json.Nodes;
using Json.Schema;
using Switchboard.TestSupport;

namespace Switchboard.Api.Tests.Support;

/// <summary>
/// The served <c>/asyncapi/webhooks.json</c> as a checker of real deliveries. Its data schemas refer to the live socket's
/// document (<c>/asyncapi.json#/components/schemas/…</c>), so both are registered under one base address, where those
/// references resolve as written.
/// </summary>
public sealed class WebhookAsyncApi
{
    private static readonly Uri Base = new("https://switchboard.test/");
    private static readonly Uri WebhooksUri = new(Base, "asyncapi/webhooks.json");

    private readonly EvaluationOptions options;

    private WebhookAsyncApi(JsonNode webhooks, JsonNode live)
    {
        Root = webhooks;
        options = new EvaluationOptions { EvaluateAs = SpecVersion.Draft7, RequireFormatValidation = true, OutputFormat = OutputFormat.List };
        options.SchemaRegistry.Register(WebhooksUri, new JsonNodeBaseDocument(webhooks, WebhooksUri));
        var liveUri = new Uri(Base, "asyncapi.json");
        options.SchemaRegistry.Register(liveUri, new JsonNodeBaseDocument(live, liveUri));
        Messages = webhooks["components"]!["messages"]!.AsObject().ToDictionary(m => m.Value!["name"]!.GetValue<string>(), m => m.Key, StringComparer.Ordinal);
    }

    public JsonNode Root { get; }

    /// <summary>Event type → the message that documents it.</summary>
    public IReadOnlyDictionary<string, string> Messages { get; }

    /// <summary>Reads both documents without a key (checking 200 and JSON).</summary>
    public static async Task<WebhookAsyncApi> ReadAsync(HttpClient anonymous)
    {
        ArgumentNullException.ThrowIfNull(anonymous);
        return new WebhookAsyncApi(await GetAsync(anonymous, "/asyncapi/webhooks.json"), await GetAsync(anonymous, "/asyncapi.json"));
    }

    /// <summary>Why a delivery does not match its event type's message (body and headers); empty when it does.</summary>
    public List<string> Violations(ReceivedWebhook webhook)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        if (!Messages.TryGetValue(webhook.Type, out var message))
        {
            return [$"{webhook.Type} is not documented"];
        }

        var headers = new JsonObject
        {
            ["webhook-id"] = webhook.Id,
            ["webhook-timestamp"] = webhook.Timestamp,
            ["webhook-signature"] = webhook.Signature,
        };
        return [.. Errors($"#/components/messages/{message}/payload", webhook.Json), .. Errors($"#/components/messages/{message}/headers", headers)];
    }

    private IEnumerable<string> Errors(string pointer, JsonNode instance)
    {
        var schema = JsonSchema.FromText(new JsonObject { ["$ref"] = WebhooksUri + pointer }.ToJsonString());
        var result = schema.Evaluate(instance, options);
        return result.IsValid
            ? []
            : (result.Details.Count > 0 ? result.Details : [result])
                .Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{pointer} {d.InstanceLocation} ({d.EvaluationPath}) {e.Key}: {e.Value}"));
    }

    private static async Task<JsonNode> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
    }
}
