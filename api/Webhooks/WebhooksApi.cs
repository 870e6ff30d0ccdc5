using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Switchboard.Api.Auth;
using Switchboard.Contracts;
using Switchboard.Contracts.Webhooks;
using Switchboard.Domain.Tenancy;
using Switchboard.Domain.Webhooks;

namespace Switchboard.Api.Webhooks;

/// <summary>
/// Webhooks (<c>/v1/webhooks</c>): endpoints a CRM registers to be told of events, signed per Standard Webhooks and
/// delivered at least once, retried for a day; each endpoint's deliveries can be read and sent again. Admin and
/// integration keys.
/// </summary>
public static class WebhooksApi
{
    private const string Tag = "Webhooks";
    private const string IdPrefix = "wh_";
    private const string DeliveryCursor = "webhook-deliveries";

    public static RouteGroupBuilder MapWebhooksApi(this RouteGroupBuilder v1)
    {
        var webhooks = v1.MapGroup("/webhooks").WithTags(Tag).RequireAuthorization(Policies.Integrator);

        webhooks.MapPost("/", CreateWebhook)
            .WithName("CreateWebhook")
            .WithSummary("Register a webhook endpoint")
            .WithDescription("Events of the types it names are POSTed to url as {type, timestamp, data} (data as the REST API shows the resource), " +
                "with the Standard Webhooks headers webhook-id (the event's id, the same on every attempt), webhook-timestamp and webhook-signature " +
                "(v1,base64 HMAC-SHA256 of id.timestamp.body with the secret answered here, once). 2xx delivers; 410 disables the endpoint; anything " +
                "else, or no answer in 10 s, is tried again with growing waits for 24 h. An endpoint failing for 3 days is disabled. " +
                $"Types: {string.Join(", ", WebhookRules.EventTypes)}. At most {WebhookRules.MaxEndpointsPerTenant} per tenant (409).")
            .ProducesStandardProblems(StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);

        webhooks.MapGet("/", ListWebhooks)
            .WithName("ListWebhooks")
            .WithSummary("List webhook endpoints")
            .WithDescription($"In the order they were added (a tenant has at most {WebhookRules.MaxEndpointsPerTenant}: one page).")
            .ProducesStandardProblems();

        var webhook = webhooks.MapGroup("/{webhookId}");
        webhook.MapGet("", GetWebhook)
            .WithName("GetWebhook")
            .WithSummary("Get a webhook endpoint")
            .ProducesStandardProblems(StatusCodes.Status404NotFound);

        webhook.MapPatch("", UpdateWebhook)
            .WithName("UpdateWebhook")
            .WithSummary("Change a webhook endpoint")
            .WithDescription("url, events, description (\"\" removes it) and enabled. Disabled, it is sent nothing and stores nothing; enabled again, what was pending is sent.")
            .ProducesStandardProblems(StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);

        webhook.MapDelete("", DeleteWebhook)
            .WithName("DeleteWebhook")
            .WithSummary("Delete a webhook endpoint")
            .WithDescription("What it had not delivered is given up.")
            .ProducesStandardProblems(StatusCodes.Status404NotFound);

        webhook.MapPost("/rotate-secret", RotateSecret)
            .WithName("RotateWebhookSecret")
            .WithSummary("Rotate the signing secret")
            .WithDescription("A new secret (answered once) signs from now on; the old ones sign too, each delivery carrying every signature, " +
                "until secretsExpireAt (Webhooks:SecretGraceHours, 24 by default), so the receiver can switch without losing a delivery.")
            .ProducesStandardProblems(StatusCodes.Status404NotFound);

        webhook.MapGet("/deliveries", ListDeliveries)
            .WithName("ListWebhookDeliveries")
            .WithSummary("List an endpoint's deliveries")
            .WithDescription("Newest first, cursor-paged (limit 1-200, default 50): the event, status, attempts, the last answer's status, latency, error and " +
                "start of its body, and when it is tried next.")
            .ProducesStandardProblems(StatusCodes.Status404NotFound);

        webhook.MapPost("/deliveries/{deliveryId}/redeliver", Redeliver)
            .WithName("RedeliverWebhook")
            .WithSummary("Send a delivery again")
            .WithDescription("Pending again and due now, whatever it was (delivered or failed): the same event, with the same webhook-id.")
            .ProducesStandardProblems(StatusCodes.Status404NotFound);

        return webhooks;
    }

    private static async Task<Results<Created<WebhookSecretResponse>, ProblemHttpResult>> CreateWebhook(
        CreateWebhookRequest request, [AsParameters] TenantContext tenant, WebhookTargets targets)
    {
        if (targets.Refusal(request.Url) is { } refusal)
        {
            return ApiProblems.Invalid("url", refusal);
        }

        var id = IdPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        var secret = NewSecret();
        var result = await Endpoint(tenant, id).Create(request.Url!, [.. request.Events!.Select(e => e!)], request.Description, secret, tenant.CancellationToken);
        return result.Outcome switch
        {
            WebhookWriteOutcome.Created => TypedResults.Created($"/v1/webhooks/{id}", new WebhookSecretResponse(WebhookResponse.From(result.Endpoint!), secret)),
            WebhookWriteOutcome.Full => ApiProblems.Conflict($"The tenant has {WebhookRules.MaxEndpointsPerTenant} webhook endpoints, as many as it may; delete one first."),
            _ => ApiProblems.Conflict($"Webhook '{id}' exists already; try again."),
        };
    }

    private static async Task<Ok<Page<WebhookResponse>>> ListWebhooks([AsParameters] TenantContext tenant)
    {
        var ids = await tenant.Tenant<IWebhookDispatchGrain>().ListEndpoints(tenant.CancellationToken);
        var found = await Task.WhenAll(ids.Select(id => Endpoint(tenant, id).Get(tenant.CancellationToken)));
        return TypedResults.Ok(new Page<WebhookResponse>([.. found.OfType<WebhookEndpoint>().Select(WebhookResponse.From)], null));
    }

    private static async Task<Results<Ok<WebhookResponse>, ProblemHttpResult>> GetWebhook(string webhookId, [AsParameters] TenantContext tenant) =>
        await Endpoint(tenant, webhookId).Get(tenant.CancellationToken) is { } endpoint ? TypedResults.Ok(WebhookResponse.From(endpoint)) : NotFound(webhookId);

    private static async Task<Results<Ok<WebhookResponse>, ProblemHttpResult>> UpdateWebhook(
        string webhookId, UpdateWebhookRequest request, [AsParameters] TenantContext tenant, WebhookTargets targets)
    {
        if (request.Url is not null && targets.Refusal(request.Url) is { } refusal)
        {
            return ApiProblems.Invalid("url", refusal);
        }

        var patch = new WebhookEndpointPatch(request.Url, request.Events?.Select(e => e!).ToList(), request.Description, request.Enabled);
        var result = await Endpoint(tenant, webhookId).Update(patch, tenant.CancellationToken);
        return result.Endpoint is { } endpoint ? TypedResults.Ok(WebhookResponse.From(endpoint)) : NotFound(webhookId);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteWebhook(string webhookId, [AsParameters] TenantContext tenant) =>
        (await Endpoint(tenant, webhookId).Delete(tenant.CancellationToken)).Outcome == WebhookWriteOutcome.Deleted ? TypedResults.NoContent() : NotFound(webhookId);

    private static async Task<Results<Ok<WebhookSecretResponse>, ProblemHttpResult>> RotateSecret(
        string webhookId, [AsParameters] TenantContext tenant, IOptions<WebhookOptions> options)
    {
        var secret = NewSecret();
        var graceUntil = BusinessTime.Now(tenant.Http).AddHours(options.Value.SecretGraceHours);
        var result = await Endpoint(tenant, webhookId).RotateSecret(secret, graceUntil, tenant.CancellationToken);
        return result.Endpoint is { } endpoint ? TypedResults.Ok(new WebhookSecretResponse(WebhookResponse.From(endpoint), secret)) : NotFound(webhookId);
    }

    private static async Task<Results<Ok<Page<WebhookDeliveryResponse>>, ProblemHttpResult>> ListDeliveries(
        string webhookId, [AsParameters] TenantContext tenant, int? limit, string? cursor)
    {
        if (!Paging.TryRead(DeliveryCursor, limit, cursor, out var pageSize, out var position, out var problem))
        {
            return problem;
        }

        if (!TryNumber(position, out var before))
        {
            return Paging.BadCursor();
        }

        if (await Endpoint(tenant, webhookId).ListDeliveries(before, pageSize + 1, tenant.CancellationToken) is not { } deliveries)
        {
            return NotFound(webhookId);
        }

        var page = deliveries.Take(pageSize).ToList();
        var next = deliveries.Count > pageSize && page[^1].Sequence > 1
            ? Paging.Encode(DeliveryCursor, page[^1].Sequence.ToString(CultureInfo.InvariantCulture))
            : null;
        return TypedResults.Ok(new Page<WebhookDeliveryResponse>([.. page.Select(WebhookDeliveryResponse.From)], next));
    }

    private static async Task<Results<Accepted<WebhookDeliveryResponse>, ProblemHttpResult>> Redeliver(string webhookId, string deliveryId, [AsParameters] TenantContext tenant)
    {
        if (!TryNumber(deliveryId, out var sequence) || sequence is null
            || await Endpoint(tenant, webhookId).Redeliver(sequence.Value, tenant.CancellationToken) is not { } delivery)
        {
            return ApiProblems.NotFound($"Webhook '{RouteIds.Printable(webhookId)}' has no delivery '{RouteIds.Printable(deliveryId)}'.");
        }

        return TypedResults.Accepted($"/v1/webhooks/{webhookId}/deliveries", WebhookDeliveryResponse.From(delivery));
    }

    /// <summary>A signing secret as Standard Webhooks libraries take it: whsec_ and the base64 of 32 random bytes.</summary>
    private static string NewSecret() => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>A delivery number or list position: digits, 1 or more; null text is none (and not an error).</summary>
    private static bool TryNumber(string? text, out long? number)
    {
        number = null;
        if (text is null)
        {
            return true;
        }

        if (text.Length is 0 or > 18 || !long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1)
        {
            return false;
        }

        number = value;
        return true;
    }

    private static IWebhookEndpointGrain Endpoint(TenantContext tenant, string webhookId) =>
        tenant.Grains.GetGrain<IWebhookEndpointGrain>(GrainKeys.WebhookEndpoint(tenant.TenantId, webhookId));

    private static ProblemHttpResult NotFound(string webhookId) => ApiProblems.NotFound($"Webhook '{RouteIds.Printable(webhookId)}' does not exist.");
}
