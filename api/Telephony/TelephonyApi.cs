using Switchboard.Api.Auth;
using Switchboard.Api.Interactions;
using Switchboard.Contracts;
using Switchboard.Contracts.Agents;
using Switchboard.Contracts.Interactions;
using Switchboard.Contracts.Voicemail;
using Switchboard.Domain.Agents;
using Switchboard.Domain.Interactions;
using Switchboard.Domain.Queues;
using Switchboard.Domain.Voicemail;

namespace Switchboard.Api.Telephony;

/// <summary><c>/v1/telephony/events</c>: call-leg events a carrier (or a gateway in front of one) reports.</summary>
public static class TelephonyApi
{
    public static RouteGroupBuilder MapTelephonyApi(this RouteGroupBuilder v1)
    {
        var telephony = v1.MapGroup("/telephony").WithTags("Telephony").RequireAuthorization(Policies.Telephony);

        telephony.MapPost("/events", ReportEvent)
            .WithName("ReportTelephonyEvent")
            .WithSummary("Report a call-leg event or a voicemail")
            .WithDescription("type leg (the default): a leg of an interaction was answered, ended (the party hung up) or failed (busy, no " +
                "answer, unreachable); 200 with the interaction as it is now; a repeated event changes nothing. Unknown interaction: 404; " +
                "unknown leg: 422; a call verifying an agent's phone (interactionId pv_…): 204. type voicemail.recorded: a caller left a message; 201 with the voicemail interaction, queued in its " +
                "voicemail queue (or offered to agentId) like a call, its id named after callId (the same callId again: 200 with it). " +
                "Upload its audio with PUT /v1/interactions/{id}/recording. Integration and admin keys.")
            .ProducesStandardProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);

        return telephony;
    }

    private static async Task<Results<Ok<InteractionResponse>, Created<InteractionResponse>, NoContent, ProblemHttpResult>> ReportEvent(
        TelephonyEventRequest request, [AsParameters] TenantContext tenant)
    {
        if (request.IsVoicemail)
        {
            return await RecordVoicemail(request, tenant);
        }

        var interactionId = request.InteractionId!;
        if (AgentDevices.IsVerificationCall(interactionId))
        {
            // The call that verifies an agent's phone: reported like any leg, it answers nothing but 204.
            return await tenant.Grains.GetGrain<IPhoneVerificationCallGrain>(GrainKeys.Interaction(tenant.TenantId, interactionId))
                .ReportLeg(request.LegId!, request.Event!.Value, tenant.CancellationToken)
                ? TypedResults.NoContent()
                : ApiProblems.NotFound($"There is no verification call '{interactionId}' with leg '{request.LegId}'.");
        }

        var result = await tenant.Interaction(interactionId).ReportLeg(request.LegId!, request.Event!.Value, tenant.CancellationToken);
        return result.Outcome is InteractionOutcome.Applied or InteractionOutcome.Unchanged && result.Interaction is { } view
            ? TypedResults.Ok(InteractionResponse.FromView(view))
            : InteractionsApi.Problem(result, interactionId);
    }

    /// <summary>A voicemail becomes an interaction named after its call, kept with its length before it is queued.</summary>
    private static async Task<Results<Ok<InteractionResponse>, Created<InteractionResponse>, NoContent, ProblemHttpResult>> RecordVoicemail(
        TelephonyEventRequest request, TenantContext tenant)
    {
        var errors = new ValidationErrors();
        if (request.QueueId is { } queueId)
        {
            var queue = await tenant.Queue(queueId).Get(tenant.CancellationToken);
            if (errors.Check(queue is not null, "queueId", $"Queue '{queueId}' does not exist."))
            {
                errors.Check(queue!.Config.Media == MediaType.Voicemail, "queueId", $"Queue '{queueId}' carries {WireNames.Of(queue.Config.Media)}, not voicemail.");
            }
        }
        else
        {
            errors.Check(await tenant.Agent(request.AgentId!).Get(tenant.CancellationToken) is not null, "agentId", $"Agent '{request.AgentId}' does not exist.");
        }

        if (errors.HasErrors)
        {
            return ApiProblems.Invalid(errors);
        }

        var id = VoicemailRules.InteractionIdFor(request.CallId!);
        var interaction = tenant.Interaction(id);
        if (await interaction.Get(tenant.CancellationToken) is { } existing)
        {
            return TypedResults.Ok(InteractionResponse.FromView(existing));
        }

        await tenant.Grains.GetGrain<IVoicemailGrain>(GrainKeys.Interaction(tenant.TenantId, id)).Record(request.CallId!, request.DurationSeconds!.Value, tenant.CancellationToken);
        var result = await interaction.Create(
            new CreateInteraction(MediaType.Voicemail, InteractionDirection.Inbound, request.QueueId, request.AgentId, request.From, null,
                CreateInteractionRequest.DefaultPriority, $"api:{tenant.Caller.KeyId}"),
            tenant.CancellationToken);
        return result.Outcome switch
        {
            InteractionOutcome.Applied => TypedResults.Created($"/v1/interactions/{id}", InteractionResponse.FromView(result.Interaction!)),
            InteractionOutcome.AlreadyExists => TypedResults.Ok(InteractionResponse.FromView(result.Interaction!)),
            _ => InteractionsApi.Problem(result, id),
        };
    }
}
