using Switchboard.Contracts.Live;
using Switchboard.Contracts.Webhooks;
using Switchboard.Domain.Webhooks;

namespace Switchboard.Grains.Webhooks;

/// <summary>The alert admins get while Switchboard keeps an endpoint disabled (410, days of failures, too far behind).</summary>
public static class WebhookAlerts
{
    /// <summary>The alert for <paramref name="endpoint"/>, or null when it is enabled or an API key disabled it.</summary>
    public static AlertView? Disabled(WebhookEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (endpoint.Enabled || endpoint.DisabledAt is not { } at || endpoint.DisabledReason is null or WebhookRules.DisabledByKey)
        {
            return null;
        }

        return new AlertView(
            $"webhook.{endpoint.Id}.{at.UtcTicks}",
            $"Webhook {endpoint.Url} was disabled: {endpoint.DisabledReason}. Nothing is delivered to it until it is enabled again (PATCH /v1/webhooks/{endpoint.Id}).",
            new AlertAudience(All: false, Group: null, QueueId: null, Admins: true),
            "system",
            at,
            ExpiresAt: null,
            WebhookId: endpoint.Id);
    }
}
