namespace Switchboard.Api.Models;

/// <summary>Who acts. The body may be left out with an agent key, which always acts as its own agent.</summary>
/// <param name="AgentId">The acting agent: required with an admin, supervisor or integration key; with an agent key only its own.</param>
public sealed record InteractionActorRequest(string? AgentId);
