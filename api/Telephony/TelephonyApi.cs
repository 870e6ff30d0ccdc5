using Switchboard.Api.Auth;
using Switchboard.Api.Interactions;

namespace Switchboard.Api.Telephony;

/// <summary><c>/v1/telephony/events</c>: call-leg events a carrier (or a gateway in front of one) reports.</summary>
public static class TelephonyApi
{
    public static RouteGroupBuilder MapTelephonyApi(this RouteGroupBuilder v1)
    {
        var telephony = v1.MapGroup("/telephony").WithTags("Telephony").RequireAuthorization(Policies.Telephony);

        telephony.MapPost("/events", ReportEvent)
            .WithName("ReportTelephonyEvent")
            .WithSummary("Report a call-leg event")
            .WithDescription("A leg of an interaction was answered, ended (the party hung up) or failed (busy, no answer, unreachable). " +
                "Returns the interaction as it is now; a repeated event changes nothing. Unknown interaction: 404; unknown leg: 422. " +
                "Integration and admin keys.")
            .ProducesStandardProblems(StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);

        return telephony;
    }

    private static async Task<Results<Ok<InteractionResponse>, ProblemHttpResult>> ReportEvent(
        TelephonyEventRequest request, [AsParameters] TenantContext tenant)
    {
        var interactionId = request.InteractionId!;
        var result = await tenant.Interaction(interactionId).ReportLeg(request.LegId!, request.Event!.Value, tenant.CancellationToken);
        return InteractionsApi.Answer(result, interactionId);
    }
}
