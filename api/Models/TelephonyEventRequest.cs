using Switchboard.Domain.Interactions;

namespace Switchboard.Api.Models;

/// <summary>A call-leg event from a carrier or telephony gateway.</summary>
/// <param name="InteractionId">The interaction the leg belongs to.</param>
/// <param name="LegId">The leg, as listed in the interaction's legs (e.g. L1).</param>
/// <param name="Event">answered, ended (the party hung up) or failed (busy, no answer, unreachable).</param>
public sealed record TelephonyEventRequest(string? InteractionId, string? LegId, LegEventKind? Event);
