using System.Text.Json.Serialization;

namespace Switchboard.Domain.Interactions;

/// <summary>One agent's wrap-up of an interaction, open from the moment the agent's part of the call ended.</summary>
/// <remarks><c>Deadline</c>: When the wrap-up limit ends it without codes; null for no limit.</remarks>
public sealed record WrapUpItem(
    string AgentId,
    bool CodeRequired,
    DateTimeOffset StartedAt,
    DateTimeOffset? Deadline,
    IReadOnlyList<string> Codes,
    string? Notes,
    DateTimeOffset? CompletedAt,
    bool TimedOut)
{
    [JsonIgnore]
    public bool IsOpen => CompletedAt is null;
}
