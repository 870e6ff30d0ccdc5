namespace Switchboard.Api.Models;

/// <summary>An agent's wrap-up of an interaction.</summary>
/// <param name="AgentId">The acting agent: required with an admin, supervisor or integration key; with an agent key only its own.</param>
/// <param name="TransactionCodes">Codes of the interaction's queue: at most 20. Required when the queue requires one.</param>
/// <param name="Notes">Free text: at most 2,000 characters; may span lines.</param>
public sealed record InteractionWrapUpRequest(string? AgentId, IReadOnlyList<string?>? TransactionCodes, string? Notes);
