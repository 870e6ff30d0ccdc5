using System.Text.Json.Serialization;

namespace Switchboard.Domain.Interactions;

/// <summary>
/// One agent's wrap-up of an interaction, open from the moment the agent's part of the call ended, with the codes of
/// the queue it handled the call for (a later transfer to another queue does not change them).
/// </summary>
/// <remarks><c>Deadline</c>: When the wrap-up limit ends it without codes; null for no limit.</remarks>
public sealed record WrapUpItem(
    string AgentId,
    bool CodeRequired,
    DateTimeOffset StartedAt,
    DateTimeOffset? Deadline,
    IReadOnlyList<string> Codes,
    string? Notes,
    DateTimeOffset? CompletedAt,
    bool TimedOut,
    IReadOnlyList<string>? AllowedCodes = null)
{
    [JsonIgnore]
    public bool IsOpen => CompletedAt is null;
}
