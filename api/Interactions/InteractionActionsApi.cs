using Microsoft.AspNetCore.Http.HttpResults;
using Switchboard.Api.Auth;
using Switchboard.Contracts;
using Switchboard.Contracts.Agents;
using Switchboard.Contracts.Interactions;
using Switchboard.Contracts.Queues;
using Switchboard.Domain.Interactions;

namespace Switchboard.Api.Interactions;

/// <summary>
/// <c>/v1/interactions/{interactionId}/{action}</c>: what an agent does with a call. An agent key acts as its own
/// agent; admin, supervisor and integration keys name the agent (e.g. a CRM pressing the console's buttons).
/// </summary>
public static class InteractionActionEndpoints
{
    private const string ActorNote = " An agent key acts as its own agent (the body may be left out); admin, supervisor and integration keys name it with agentId.";

    public static IEndpointRouteBuilder MapInteractionActionEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/interactions/{interactionId}").WithTags(InteractionEndpoints.Tag).RequireAuthorization(Policies.AnyTenantKey);

        Simple(group, "accept", InteractionActionKind.Accept, "AcceptInteraction", "Accept an offer",
            "The offered agent takes the call (or the consult): the interaction is Connected and the agent Busy.");
        Simple(group, "reject", InteractionActionKind.Reject, "RejectInteraction", "Reject an offer",
            "The offered agent declines: queued work goes back to its queue, the agent to the queue's reject state; a direct call nobody takes fails.");
        Simple(group, "hold", InteractionActionKind.Hold, "HoldInteraction", "Put the customer on hold",
            "The handling agent holds the customer: OnHold.");
        Simple(group, "resume", InteractionActionKind.Resume, "ResumeInteraction", "Take the customer off hold",
            "The handling agent resumes the call: Connected.");
        Simple(group, "end", InteractionActionKind.End, "EndInteraction", "Hang up",
            "The agent hangs up: a consulted or conferenced agent leaves; otherwise the call ends and its agents go to wrap-up.");
        Simple(group, "consult/complete", InteractionActionKind.CompleteConsult, "CompleteConsult", "Transfer lines",
            "The handling agent leaves; the consulted party (answered) takes over the customer on line 1.");
        Simple(group, "consult/cancel", InteractionActionKind.CancelConsult, "CancelConsult", "Cancel the consult",
            "The consult call on line 2 is dropped (or its offer withdrawn) and the customer taken off hold.");
        Simple(group, "conference", InteractionActionKind.Conference, "ConferenceInteraction", "Merge lines",
            "The customer, the handling agent and the consulted party (answered) on one call.");

        group.MapPost("/transfer", (string interactionId, InteractionTransferRequest request, HttpContext http, IGrainFactory grains, CancellationToken ct) =>
                Target(InteractionActionKind.Transfer, interactionId, request, http, grains, ct))
            .WithName("TransferInteraction")
            .WithSummary("Blind transfer")
            .WithDescription("The handling agent passes the call on and goes to wrap-up: to an agent (offered directly; 409 if that agent " +
                "cannot take it now), to a queue, or to an external number (E.164). Agent and queue targets must exist (422)." + ActorNote)
            .ProducesActionProblems();

        group.MapPost("/consult", (string interactionId, InteractionTransferRequest request, HttpContext http, IGrainFactory grains, CancellationToken ct) =>
                Target(InteractionActionKind.Consult, interactionId, request, http, grains, ct))
            .WithName("ConsultInteraction")
            .WithSummary("Consult on line 2")
            .WithDescription("The customer goes on hold and the target is called on line 2: an agent (offered directly), a queue, " +
                "or an external number. Then consult/complete, consult/cancel or conference." + ActorNote)
            .ProducesActionProblems();

        group.MapPost("/wrap-up", WrapUp)
            .WithName("WrapUpInteraction")
            .WithSummary("Save a wrap-up")
            .WithDescription("After its part of the call ends the agent saves transaction codes of the interaction's queue (required " +
                "when the queue says so) and notes; the agent leaves WrapUp, and the interaction is WrappedUp once every wrap-up is done." + ActorNote)
            .ProducesActionProblems();

        return routes;
    }

    private static void Simple(RouteGroupBuilder group, string path, InteractionActionKind kind, string name, string summary, string description) =>
        group.MapPost("/" + path, (string interactionId, InteractionActorRequest? request, HttpContext http, IGrainFactory grains, CancellationToken ct) =>
                Act(interactionId, request?.AgentId, http, grains, ct, (_, agentId) => Task.FromResult<InteractionAction?>(new InteractionAction(kind, agentId))))
            .WithName(name)
            .WithSummary(summary)
            .WithDescription(description + ActorNote)
            .ProducesActionProblems();

    private static RouteHandlerBuilder ProducesActionProblems(this RouteHandlerBuilder builder) =>
        builder.ProducesStandardProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);

    private static Task<Results<Ok<InteractionResponse>, ProblemHttpResult>> Target(
        InteractionActionKind kind, string interactionId, InteractionTransferRequest request, HttpContext http, IGrainFactory grains, CancellationToken cancellationToken) =>
        Act(interactionId, request.AgentId, http, grains, cancellationToken, async (errors, agentId) =>
        {
            InteractionRules.CheckTarget(errors, request.Target);
            if (errors.HasErrors)
            {
                return null;
            }

            var target = request.Target!;
            var tenantId = http.User.GetCaller().TenantId;
            switch (target.Type)
            {
                case TargetKind.Agent:
                    var agent = await grains.GetGrain<IAgentGrain>(GrainKeys.Agent(tenantId, target.Id!)).Get(cancellationToken);
                    errors.Check(agent is not null, "target.id", $"Agent '{target.Id}' does not exist.");
                    break;
                case TargetKind.Queue:
                    var queue = await grains.GetGrain<IQueueGrain>(GrainKeys.Queue(tenantId, target.Id!)).Get(cancellationToken);
                    errors.Check(queue is not null, "target.id", $"Queue '{target.Id}' does not exist.");
                    break;
            }

            return new InteractionAction(kind, agentId, target.Type, target.Type == TargetKind.External ? target.Number : target.Id);
        });

    private static Task<Results<Ok<InteractionResponse>, ProblemHttpResult>> WrapUp(
        string interactionId, InteractionWrapUpRequest? request, HttpContext http, IGrainFactory grains, CancellationToken cancellationToken) =>
        Act(interactionId, request?.AgentId, http, grains, cancellationToken, (errors, agentId) =>
        {
            InteractionRules.CheckWrapUp(errors, request?.TransactionCodes, request?.Notes);
            return Task.FromResult<InteractionAction?>(new InteractionAction(
                InteractionActionKind.WrapUp, agentId, Codes: request?.TransactionCodes?.Select(c => c!).ToArray() ?? [], Notes: request?.Notes));
        });

    /// <summary>
    /// The steps every action shares: the path id, who acts, the action's own rules (<paramref name="build"/> adds its
    /// errors and returns the action), then the grain's answer.
    /// </summary>
    private static async Task<Results<Ok<InteractionResponse>, ProblemHttpResult>> Act(
        string interactionId,
        string? bodyAgentId,
        HttpContext http,
        IGrainFactory grains,
        CancellationToken cancellationToken,
        Func<ValidationErrors, string, Task<InteractionAction?>> build)
    {
        var caller = http.User.GetCaller();
        if (InteractionEndpoints.CheckId(interactionId) is { } badId)
        {
            return badId;
        }

        var errors = new ValidationErrors();
        if (InteractionRules.ResolveActor(caller, bodyAgentId, errors, out var agentId) is { } forbidden)
        {
            return forbidden;
        }

        var action = await build(errors, agentId);
        if (errors.HasErrors || action is null)
        {
            return ApiProblems.Invalid(errors);
        }

        var result = await InteractionEndpoints.Interaction(grains, caller, interactionId).Act(action, cancellationToken);
        return result.Outcome is InteractionOutcome.Applied or InteractionOutcome.Unchanged && result.Interaction is { } view
            ? TypedResults.Ok(InteractionResponse.FromView(view))
            : InteractionEndpoints.Problem(result, interactionId);
    }
}
