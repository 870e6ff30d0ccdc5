using Switchboard.Contracts;
using Switchboard.Contracts.Webhooks;

namespace Switchboard.Grains.Webhooks;

/// <summary>One delivery as its endpoint last wrote it.</summary>
public sealed class WebhookDeliveryGrain(
    [PersistentState("delivery", StorageNames.Default)] IPersistentState<WebhookDeliveryState> state) : Grain, IWebhookDeliveryGrain
{
    public Task Put(WebhookDelivery delivery, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return state.WriteAsync(this, s => s.Delivery = delivery);
    }

    public Task<WebhookDelivery?> Get(CancellationToken cancellationToken = default) => Task.FromResult(state.State.Delivery);

    public async Task Forget(CancellationToken cancellationToken = default)
    {
        await state.ClearStateAsync(cancellationToken);
        DeactivateOnIdle();
    }
}

[GenerateSerializer, Alias("Switchboard.Grains.WebhookDeliveryState")]
public sealed class WebhookDeliveryState
{
    [Id(0)] public WebhookDelivery? Delivery { get; set; }
}
