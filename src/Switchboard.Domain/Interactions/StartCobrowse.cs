namespace Switchboard.Domain.Interactions;

/// <summary>
/// Starts a co-browse session with a new id (made by the caller, so that a join code can point at it before it is
/// stored). <paramref name="AgentId"/> is the acting agent, who must handle the interaction; null for an admin,
/// supervisor or integration key, which acts for the handler.
/// </summary>
public sealed record StartCobrowse(string? AgentId, string SessionId, string By) : InteractionCommand(By);
