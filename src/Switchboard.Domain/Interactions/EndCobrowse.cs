namespace Switchboard.Domain.Interactions;

/// <summary>Ends a co-browse session; <paramref name="AgentId"/> as for <see cref="StartCobrowse"/>.</summary>
public sealed record EndCobrowse(string? AgentId, string SessionId, string By) : InteractionCommand(By);
