namespace Switchboard.Api.Models;

/// <summary>A blind transfer or a consult.</summary>
/// <param name="AgentId">The acting agent: required with an admin, supervisor or integration key; with an agent key only its own.</param>
/// <param name="Target">Where the call goes.</param>
public sealed record InteractionTransferRequest(string? AgentId, InteractionTargetRequest? Target);
