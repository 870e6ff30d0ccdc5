using Switchboard.Api.Auth;
using Switchboard.Contracts.Auth;
using Switchboard.Contracts.Interactions;
using Switchboard.Domain.Interactions;

namespace Switchboard.Api.Interactions;

// /v1/interactions/{interactionId}/{action}: what an agent does with a call.
public static partial class InteractionsApi
{
    private const string ActorNote = " An agent key acts as its own agent (the body may be left out); admin, supervisor and integration keys name it with agentId.";

    private static void MapActions(RouteGroupBuilder interaction)
    {
        Simple(interaction, "accept", InteractionActionKind.Accept, "AcceptInteraction", "Accept an offer",
            "The offered agent takes the call (or the consult): the interaction is Connected and the agent Busy.");
        Simple(interaction, "reject", InteractionActionKind.Reject, "RejectInteraction", "Reject an offer",
            "The offered agent declines: queued work goes back to its queue, the agent to the queue's reject state; a direct call nobody takes fails.");
        Simple(interaction, "hold", InteractionActionKind.Hold, "HoldInteraction", "Put the customer on hold",
            "The handling agent holds the customer: OnHold.");
        Simple(interaction, "resume", InteractionActionKind.Resume, "ResumeInteraction", "Take the customer off hold",
            "The handling agent resumes the call: Connected.");
        Simple(interaction, "end", InteractionActionKind.End, "EndInteraction", "Hang up",
            "The agent hangs up: a consulted or conferenced agent leaves; otherwise the call ends and its agents go to wrap-up.");
        Simple(interaction, "consult/complete", InteractionActionKind.CompleteConsult, "CompleteConsult", "Transfer lines",
            "The handling agent leaves; the consulted party (answered) takes over the customer on line 1.");
        Simple(interaction, "consult/cancel", InteractionActionKind.CancelConsult, "CancelConsult", "Cancel the consult",
            "The consult call on line 2 is dropped (or its offer withdrawn) and the customer taken off hold.");
        Simple(interaction, "conference", InteractionActionKind.Conference, "ConferenceInteraction", "Merge lines",
            "The customer, the handling agent and the consulted party (answered) on one call.");

        interaction.MapPost("/transfer", (string interactionId, InteractionTransferRequest request, [AsParameters] TenantContext tenant) =>
                Target(InteractionActionKind.Transfer, interactionId, request, tenant))
            .WithName("TransferInteraction")
            .WithSummary("Blind transfer")
            .WithDescription("The handling agent passes the call on and goes to wrap-up: to an agent (offered directly; 409 if that agent " +
                "cannot take it now), to a queue, or to an external number (E.164). Agent and queue targets must exist (422)." + ActorNote)
            .ProducesActionProblems();

        interaction.MapPost("/consult", (string interactionId, InteractionTransferRequest request, [AsParameters] TenantContext tenant) =>
                Target(InteractionActionKind.Consult, interactionId, request, tenant))
            .WithName("ConsultInteraction")
            .WithSummary("Consult on line 2")
            .WithDescription("The customer goes on hold and the target is called on line 2: an agent (offered directly), a queue, " +
                "or an external number. Then consult/complete, consult/cancel or conference." + ActorNote)
            .ProducesActionProblems();

        interaction.MapPost("/wrap-up", WrapUp)
            .WithName("WrapUpInteraction")
            .WithSummary("Save a wrap-up")
            .WithDescription("After its part of the call ends the agent saves transaction codes of the interaction's queue (required " +
                "when the queue says so) and notes; the agent leaves WrapUp, and the interaction is WrappedUp once every wrap-up is done." + ActorNote)
            .ProducesActionProblems();
    }

    private static void Simple(RouteGroupBuilder interaction, string path, InteractionActionKind kind, string name, string summary, string description) =>
        interaction.MapPost("/" + path, (string interactionId, InteractionActorRequest? request, [AsParameters] TenantContext tenant) =>
                Act(interactionId, request?.AgentId, tenant, (_, agentId) => Task.FromResult<InteractionAction?>(new InteractionAction(kind, agentId))))
            .WithName(name)
            .WithSummary(summary)
            .WithDescription(description + ActorNote)
            .ProducesActionProblems();

    private static RouteHandlerBuilder ProducesActionProblems(this RouteHandlerBuilder builder) =>
        builder.ProducesStandardProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);

    private static Task<Results<Ok<InteractionResponse>, ProblemHttpResult>> Target(
        InteractionActionKind kind, string interactionId, InteractionTransferRequest request, TenantContext tenant) =>
        Act(interactionId, request.AgentId, tenant, async (errors, agentId) =>
        {
            request.Validate(errors);
            if (errors.HasErrors)
            {
                return null;
            }

            // Whether the agent or queue exists is the grain's to say (a 422 naming target.id).
            var target = request.Target!;
            return new InteractionAction(kind, agentId, target.Type, target.Type == TargetKind.External ? target.Number : target.Id);
        });

    private static Task<Results<Ok<InteractionResponse>, ProblemHttpResult>> WrapUp(
        string interactionId, InteractionWrapUpRequest? request, [AsParameters] TenantContext tenant) =>
        Act(interactionId, request?.AgentId, tenant, (errors, agentId) =>
        {
            request?.Validate(errors);
            return Task.FromResult<InteractionAction?>(new InteractionAction(
                InteractionActionKind.WrapUp, agentId, Codes: request?.TransactionCodes?.Select(c => c!).ToArray() ?? [], Notes: request?.Notes));
        });

    /// <summary>
    /// The steps every action shares: who acts, the action's own rules (<paramref name="build"/> adds its errors and
    /// returns the action), then the grain's answer. The body's rules are checked here rather than before the handler
    /// because whether agentId is required depends on the key: one 422 names every field.
    /// </summary>
    private static async Task<Results<Ok<InteractionResponse>, ProblemHttpResult>> Act(
        string interactionId, string? bodyAgentId, TenantContext tenant, Func<ValidationErrors, string, Task<InteractionAction?>> build)
    {
        var errors = new ValidationErrors();
        if (ResolveActor(tenant.Caller, bodyAgentId, errors, out var agentId) is { } forbidden)
        {
            return forbidden;
        }

        var action = await build(errors, agentId);
        if (errors.HasErrors || action is null)
        {
            return ApiProblems.Invalid(errors);
        }

        return Answer(await tenant.Interaction(interactionId).Act(action, tenant.CancellationToken), interactionId);
    }

    /// <summary>
    /// The agent an action is taken as: an agent key is always its own agent (naming another is a 403); other keys
    /// name it in the body (422 without). Returns the problem to answer instead, or null with <paramref name="agentId"/> set.
    /// </summary>
    private static ProblemHttpResult? ResolveActor(Caller caller, string? bodyAgentId, ValidationErrors errors, out string agentId)
    {
        agentId = "";
        if (caller.Role == ApiKeyRole.Agent)
        {
            if (bodyAgentId is not null && !string.Equals(bodyAgentId, caller.AgentId, StringComparison.Ordinal))
            {
                return ApiProblems.Forbidden($"This key acts as agent '{caller.AgentId}' and may not act as agent '{RouteIds.Printable(bodyAgentId)}'.");
            }

            agentId = caller.AgentId!;
            return null;
        }

        if (errors.Check(bodyAgentId is not null, "agentId", "agentId is required with an admin, supervisor or integration key: the agent who acts.")
            && InteractionRules.CheckId(errors, bodyAgentId, "agentId", "agent"))
        {
            agentId = bodyAgentId!;
        }

        return null;
    }
}
