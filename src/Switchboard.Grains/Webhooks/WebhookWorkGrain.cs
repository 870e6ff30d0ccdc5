using Switchboard.Contracts.Webhooks;

namespace Switchboard.Grains.Webhooks;

/// <summary>
/// Which endpoints have deliveries due, in memory only: endpoints with pending deliveries tell it again every minute
/// (their reminder), so after a failure it is whole again within a minute and no delivery is lost, only later.
/// </summary>
public sealed class WebhookWorkGrain : Grain, IWebhookWorkGrain
{
    private readonly Dictionary<(string TenantId, string EndpointId), DateTimeOffset> due = [];

    public Task Set(string tenantId, string endpointId, DateTimeOffset? dueAt)
    {
        if (dueAt is { } at)
        {
            due[(tenantId, endpointId)] = at;
        }
        else
        {
            due.Remove((tenantId, endpointId));
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<WebhookWork>> Due(DateTimeOffset now, int max, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<WebhookWork>>([.. due
            .Where(d => d.Value <= now)
            .OrderBy(d => d.Value)
            .Take(Math.Max(max, 0))
            .Select(d => new WebhookWork(d.Key.TenantId, d.Key.EndpointId, d.Value))]);
}
