using System.ComponentModel.DataAnnotations;
using Switchboard.Api.Interactions;
using Switchboard.Api.OpenApi;
using Switchboard.Domain.Interactions;
using Switchboard.Domain.Tenancy;

namespace Switchboard.Api.Telephony;

/// <summary>A call-leg event from a carrier or telephony gateway.</summary>
/// <param name="InteractionId">The interaction the leg belongs to.</param>
/// <param name="LegId">The leg, as listed in the interaction's legs (e.g. L1).</param>
/// <param name="Event">answered, ended (the party hung up) or failed (busy, no answer, unreachable).</param>
[WireExample("""{"interactionId":"i_4f9c2d7e0b1a4c3d8e5f6a7b8c9d0e1f","legId":"L1","event":"ended"}""")]
public sealed record TelephonyEventRequest(
    [property: Required] string? InteractionId,
    [property: Required] string? LegId,
    [property: Required] LegEventKind? Event) : IValidatedRequest
{
    public void Validate(ValidationErrors errors)
    {
        if (errors.Check(InteractionId is not null, "interactionId", "interactionId is required."))
        {
            InteractionRules.CheckId(errors, InteractionId, "interactionId", "interaction");
        }

        if (errors.Check(LegId is not null, "legId", "legId is required, e.g. L1."))
        {
            errors.Check(Identifiers.IsValidId(LegId), "legId", "legId must be a leg id as the interaction lists it, e.g. L1.");
        }

        errors.Check(Event is not null, "event", "event is required: answered, ended or failed.");
    }
}
