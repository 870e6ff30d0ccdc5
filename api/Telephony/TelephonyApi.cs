using Microsoft.AspNetCore.Http.HttpResults;
using Switchboard.Api.Auth;
using Switchboard.Contracts.Interactions;
using Switchboard.Domain.Tenancy;
using Switchboard.Api.Interactions;

namespace Switchboard.Api.Telephony;

/// <summary><c>/v1/telephony/events</c>: call-leg events a carrier (or a gateway in front of one) reports.</summary>
public static class TelephonyEndpoints
{
    public static RouteGroupBuilder MapTelephonyApi(this RouteGroupBuilder v1)
    {
        v1.MapTelephonyEndpoints();
        return v1;
    }

    public static IEndpointRouteBuilder MapTelephonyEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/telephony").WithTags("Telephony").RequireAuthorization(Policies.Telephony);

        group.MapPost("/events", ReportEvent)
            .WithName("ReportTelephonyEvent")
            .WithSummary("Report a call-leg event")
            .WithDescription("A leg of an interaction was answered, ended (the party hung up) or failed (busy, no answer, unreachable). " +
                "Returns the interaction as it is now; a repeated event changes nothing. Unknown interaction: 404; unknown leg: 422. " +
                "Integration and admin keys.")
            .ProducesStandardProblems(StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);

        return routes;
    }

    private static async Task<Results<Ok<InteractionResponse>, ProblemHttpResult>> ReportEvent(
        TelephonyEventRequest request, HttpContext http, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var caller = http.User.GetCaller();
        var errors = new ValidationErrors();
        if (errors.Check(request.InteractionId is not null, "interactionId", "interactionId is required."))
        {
            InteractionRules.CheckId(errors, request.InteractionId, "interactionId", "interaction");
        }

        if (errors.Check(request.LegId is not null, "legId", "legId is required, e.g. L1."))
        {
            errors.Check(Identifiers.IsValidId(request.LegId), "legId", "legId must be a leg id as the interaction lists it, e.g. L1.");
        }

        errors.Check(request.Event is not null, "event", "event is required: answered, ended or failed.");
        if (errors.HasErrors)
        {
            return ApiProblems.Invalid(errors);
        }

        var interactionId = request.InteractionId!;
        var result = await InteractionEndpoints.Interaction(grains, caller, interactionId).ReportLeg(request.LegId!, request.Event!.Value, cancellationToken);
        return result.Outcome is InteractionOutcome.Applied or InteractionOutcome.Unchanged && result.Interaction is { } view
            ? TypedResults.Ok(InteractionResponse.FromView(view))
            : InteractionEndpoints.Problem(result, interactionId);
    }
}
