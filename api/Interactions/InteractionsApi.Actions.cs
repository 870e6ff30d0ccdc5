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
        interaction.MapPost("/swap", Swap)
            .WithName("SwapToInteraction")
            .WithSummary("Swap lines")
            .WithDescription("The agent talks on this call again: the call it talks on now (its other line) goes on hold, then this one " +
                "(on hold) is resumed. An agent talks on one call at a time: with a call on hold, line 2 is free for a second call " +
                "it places or that is put through to it directly (never from a queue); resuming or accepting while another call is " +
                "connected is a 409." + ActorNote)
            .ProducesActionProblems();
        interaction.MapPost("/merge", Merge)
            .WithName("MergeInteractionLines")
            .WithSummary("Merge lines")
            .WithDescription("The agent's two calls become one: the party of its other call (interactionId, connected or on hold) joins " +
                "this call in conference, this call is connected, and the other call ends (its wrap-up is owed). Neither may be in a " +
                "consult; the other call may not be a conference. A carrier is told with a telephony.bridge whose new leg carries movedFrom." + ActorNote)
            .ProducesActionProblems();
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

    private static async Task<Results<Ok<InteractionResponse>, ProblemHttpResult>> Merge(
        string interactionId, InteractionMergeRequest request, [AsParameters] TenantContext tenant)
    {
        var errors = new ValidationErrors();
        if (ResolveActor(tenant.Caller, request.AgentId, errors, out var agentId) is { } forbidden)
        {
            return forbidden;
        }

        request.Validate(errors, interactionId);
        if (errors.HasErrors)
        {
            return ApiProblems.Invalid(errors);
        }

        return Answer(await tenant.Interaction(interactionId).MergeLines(agentId, request.InteractionId!, tenant.CancellationToken), interactionId);
    }

    /// <summary>Holds the call the agent talks on now, then resumes this one: two actions, each the grain's to allow.</summary>
    private static async Task<Results<Ok<InteractionResponse>, ProblemHttpResult>> Swap(
        string interactionId, InteractionActorRequest? request, [AsParameters] TenantContext tenant)
    {
        if (Actor(tenant.Caller, request?.AgentId, out var agentId) is { } refused)
        {
            return refused;
        }

        // This call first: nothing is held for a swap that cannot end on it.
        switch (await tenant.Interaction(interactionId).Get(tenant.CancellationToken))
        {
            case null:
                return NotFound(interactionId);
            case { } view when view.Handler != agentId && view.Offer?.AgentId != agentId && !view.Participants.Contains(agentId):
                return ApiProblems.Forbidden($"Agent '{agentId}' is not handling interaction '{interactionId}'.");
            case { } view when view.Handler != agentId || view.State != Domain.Interactions.InteractionState.OnHold || view.Consult is not null:
                return ApiProblems.Conflict($"Cannot swap to interaction '{interactionId}': it is {view.State}{(view.Consult is null ? "" : " with a consult on line 2")}, not a call on hold.");
        }

        var held = new List<string>();
        foreach (var talking in (await tenant.Agent(agentId).GetLines(tenant.CancellationToken)).Where(l => !l.OnHold && l.InteractionId != interactionId))
        {
            var hold = await tenant.Interaction(talking.InteractionId).Act(new InteractionAction(InteractionActionKind.Hold, agentId), tenant.CancellationToken);
            if (hold.Outcome != InteractionOutcome.Applied)
            {
                return Problem(hold with { Detail = $"Cannot swap: the call on the other line ('{talking.InteractionId}') cannot be held. {hold.Detail}" }, talking.InteractionId);
            }

            held.Add(talking.InteractionId);
        }

        var resumed = await tenant.Interaction(interactionId).Act(new InteractionAction(InteractionActionKind.Resume, agentId), tenant.CancellationToken);
        if (resumed.Outcome != InteractionOutcome.Applied)
        {
            // Back as it was: the call held for the swap is taken off hold again.
            foreach (var id in held)
            {
                await tenant.Interaction(id).Act(new InteractionAction(InteractionActionKind.Resume, agentId), CancellationToken.None);
            }
        }

        return Answer(resumed, interactionId);
    }

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

    /// <summary>The agent who acts, as <see cref="ResolveActor"/> finds it; or the 403 or 422 to answer when the body has nothing else to check.</summary>
    private static ProblemHttpResult? Actor(Caller caller, string? bodyAgentId, out string agentId)
    {
        var errors = new ValidationErrors();
        return ResolveActor(caller, bodyAgentId, errors, out agentId) ?? (errors.HasErrors ? ApiProblems.Invalid(errors) : null);
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
