using Switchboard.Api.Interactions;

namespace Switchboard.Api.Live;

/// <summary>Snapshot of <c>interactions:{agentId}</c>: what the agent has now (offered, handling, wrapping up).</summary>
public sealed record LiveInteractionsSnapshot(IReadOnlyList<InteractionResponse> Interactions);
