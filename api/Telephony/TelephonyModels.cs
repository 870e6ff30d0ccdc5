using Switchboard.Api.OpenApi;
using Switchboard.Domain.Interactions;

namespace Switchboard.Api.Telephony;

/// <summary>A call-leg event from a carrier or telephony gateway.</summary>
/// <param name="InteractionId">The interaction the leg belongs to.</param>
/// <param name="LegId">The leg, as listed in the interaction's legs (e.g. L1).</param>
/// <param name="Event">answered, ended (the party hung up) or failed (busy, no answer, unreachable).</param>
[WireExample("""{"interactionId":"i_4f9c2d7e0b1a4c3d8e5f6a7b8c9d0e1f","legId":"L1","event":"ended"}""")]
public sealed record TelephonyEventRequest(string? InteractionId, string? LegId, LegEventKind? Event);
