using Switchboard.Contracts.Alerts;

namespace Switchboard.Grains.Alerts;

[GenerateSerializer, Alias("Switchboard.Grains.AlertInboxState")]
public sealed class AlertInboxState
{
    /// <summary>At most <c>BroadcastRules.InboxSize</c> alerts, in the order they arrived.</summary>
    [Id(0)] public List<InboxAlert> Alerts { get; set; } = [];
}
