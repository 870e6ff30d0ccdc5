using Switchboard.Contracts.Alerts;

namespace Switchboard.Api.Models;

/// <summary>A recipient of a broadcast: whether its inbox has it yet, and its read receipt.</summary>
public sealed record BroadcastRecipientResponse(string AgentId, bool Delivered, bool Read, DateTimeOffset? ReadAt)
{
    public static BroadcastRecipientResponse From(BroadcastRecipient recipient) =>
        new(recipient.AgentId, recipient.Delivered, recipient.ReadAt is not null, recipient.ReadAt);
}
