using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Switchboard.Api.Auth;
using Switchboard.Contracts;
using Switchboard.Contracts.Agents;
using Switchboard.Contracts.Auth;
using Switchboard.Contracts.Interactions;
using Switchboard.Contracts.Queues;
using Switchboard.Domain.Interactions;
using Switchboard.Domain.Queues;
using Switchboard.Domain.Tenancy;

namespace Switchboard.Api.Interactions;

/// <summary><c>/v1/interactions</c>: create calls (inbound, direct, outbound) and read them with their timeline.</summary>
public static class InteractionEndpoints
{
    public static RouteGroupBuilder MapInteractionsApi(this RouteGroupBuilder v1)
    {
        v1.MapInteractionEndpoints();
        v1.MapInteractionListEndpoints();
        v1.MapInteractionActionEndpoints();
        return v1;
    }

    public const string Tag = "Interactions";
    public const string IdPrefix = "i_";

    public static IEndpointRouteBuilder MapInteractionEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/interactions").WithTags(Tag).RequireAuthorization(Policies.AnyTenantKey);

        group.MapPost("/", CreateInteraction)
            .WithName("CreateInteraction")
            .WithSummary("Create an interaction (a voice call)")
            .WithDescription("Inbound into a queue ({media, direction: inbound, queueId, from}), inbound straight to an agent " +
                "({…, agentId, from}) or an agent's outbound call ({media, direction: outbound, agentId, to}). The server makes the id. " +
                "Numbers are E.164; priority 0-9 (default 5, higher first). The queue and the agent must exist (422). " +
                "A direct or outbound call whose agent cannot take it now is a 409 and creates nothing. " +
                "Admin, supervisor and integration keys create any; an agent key only an outbound call of its own agent.")
            .ProducesStandardProblems(StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);

        group.MapGet("/{interactionId}", GetInteraction)
            .WithName("GetInteraction")
            .WithSummary("Get an interaction")
            .WithDescription("State, parties, legs, the open offer, the consult, wrap-ups with codes and notes, and the whole timeline. " +
                "An agent key reads only interactions its agent is part of (a leg, the offer or a wrap-up).")
            .ProducesStandardProblems(StatusCodes.Status404NotFound);

        return routes;
    }

    private static async Task<Results<Created<InteractionResponse>, ProblemHttpResult>> CreateInteraction(
        CreateInteractionRequest request, HttpContext http, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var caller = http.User.GetCaller();
        var agentId = request.AgentId;
        if (caller.Role == ApiKeyRole.Agent)
        {
            // Checked before the rules: an agent key learns nothing about queues or other agents.
            if (request.Direction == InteractionDirection.Inbound)
            {
                return ApiProblems.Forbidden("An agent key creates only outbound calls of its own agent.");
            }

            if (agentId is not null && !string.Equals(agentId, caller.AgentId, StringComparison.Ordinal))
            {
                return ApiProblems.Forbidden($"This key acts as agent '{caller.AgentId}' and may not dial for agent '{RouteIds.Printable(agentId)}'.");
            }

            agentId = caller.AgentId;
        }

        var errors = new ValidationErrors();
        CheckCreate(errors, request with { AgentId = agentId });
        var queueId = request.QueueId;
        if (queueId is not null && Identifiers.IsValidId(queueId))
        {
            var queue = await grains.GetGrain<IQueueGrain>(GrainKeys.Queue(caller.TenantId, queueId)).Get(cancellationToken);
            if (errors.Check(queue is not null, "queueId", $"Queue '{queueId}' does not exist.") && request.Media is { } media)
            {
                errors.Check(queue!.Config.Media == media, "queueId", $"Queue '{queueId}' carries {queue.Config.Media.ToString().ToLowerInvariant()}, not {media.ToString().ToLowerInvariant()}.");
            }
        }

        if (agentId is not null && Identifiers.IsValidId(agentId))
        {
            var agent = await grains.GetGrain<IAgentGrain>(GrainKeys.Agent(caller.TenantId, agentId)).Get(cancellationToken);
            errors.Check(agent is not null, "agentId", $"Agent '{agentId}' does not exist.");
        }

        if (errors.HasErrors)
        {
            return ApiProblems.Invalid(errors);
        }

        var id = IdPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var actor = caller.Role == ApiKeyRole.Agent ? $"agent:{caller.AgentId}" : $"api:{caller.KeyId}";
        var create = new CreateInteraction(
            request.Media!.Value,
            request.Direction!.Value,
            queueId,
            agentId,
            request.From,
            request.To,
            request.Priority ?? InteractionRules.DefaultPriority,
            actor);
        var result = await Interaction(grains, caller, id).Create(create, cancellationToken);
        return result.Outcome switch
        {
            InteractionOutcome.Applied => TypedResults.Created($"/v1/interactions/{id}", InteractionResponse.FromView(result.Interaction!)),
            _ => Problem(result, id),
        };
    }

    private static async Task<Results<Ok<InteractionResponse>, ProblemHttpResult>> GetInteraction(
        string interactionId, HttpContext http, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var caller = http.User.GetCaller();
        if (CheckId(interactionId) is { } problem)
        {
            return problem;
        }

        var view = await Interaction(grains, caller, interactionId).Get(cancellationToken);
        if (view is null)
        {
            return NotFound(interactionId);
        }

        if (caller.Role == ApiKeyRole.Agent && !InteractionRules.Involves(view, caller.AgentId!))
        {
            return ApiProblems.Forbidden($"Agent '{caller.AgentId}' is not part of interaction '{interactionId}'.");
        }

        return TypedResults.Ok(InteractionResponse.FromView(view));
    }

    /// <summary>The rules a new interaction must follow, short of the queue and agent existing.</summary>
    private static void CheckCreate(ValidationErrors errors, CreateInteractionRequest request)
    {
        if (errors.Check(request.Media is not null, "media", "media is required: voice."))
        {
            errors.Check(request.Media == MediaType.Voice, "media",
                $"media '{request.Media.ToString()!.ToLowerInvariant()}' is not supported yet: only voice interactions can be created.");
        }

        errors.Check(request.Direction is not null, "direction", "direction is required: inbound or outbound.");
        InteractionRules.CheckId(errors, request.QueueId, "queueId", "queue");
        InteractionRules.CheckId(errors, request.AgentId, "agentId", "agent");
        InteractionRules.CheckNumber(errors, request.From, "from");
        InteractionRules.CheckNumber(errors, request.To, "to");
        if (request.Priority is { } priority)
        {
            errors.Check(priority is >= 0 and <= InteractionRules.MaxPriority, "priority", $"priority must be 0-{InteractionRules.MaxPriority} (higher is offered first).");
        }

        switch (request.Direction)
        {
            case InteractionDirection.Inbound:
                if ((request.QueueId is null) == (request.AgentId is null))
                {
                    const string message = "An inbound call needs exactly one of queueId (into a queue) or agentId (straight to an agent).";
                    errors.Add("queueId", message);
                    errors.Add("agentId", message);
                }

                errors.Check(request.From is not null, "from", $"from is required for an inbound call: the caller's number ({InteractionRules.NumberRule}).");
                break;
            case InteractionDirection.Outbound:
                errors.Check(request.AgentId is not null, "agentId", "agentId is required for an outbound call: the agent who dials.");
                errors.Check(request.To is not null, "to", $"to is required for an outbound call: the number to dial ({InteractionRules.NumberRule}).");
                errors.Check(request.QueueId is null, "queueId", "An outbound call has no queue; leave queueId out.");
                break;
            case InteractionDirection.Internal:
                errors.Add("direction", "direction 'internal' (agent to agent) is not supported yet: use inbound or outbound.");
                break;
        }
    }

    /// <summary>Null when <paramref name="interactionId"/> is well-formed; otherwise the 400 to return.</summary>
    internal static ProblemHttpResult? CheckId(string interactionId) =>
        Identifiers.IsValidId(interactionId)
            ? null
            : ApiProblems.BadRequest(
                $"'{RouteIds.Printable(interactionId)}' is not a valid interaction id: use 1-{Identifiers.MaxIdLength} letters, digits, '.', '_' or '-'.");

    internal static ProblemHttpResult NotFound(string interactionId) => ApiProblems.NotFound($"Interaction '{interactionId}' does not exist.");

    /// <summary>The problem for a grain outcome that is not a success.</summary>
    internal static ProblemHttpResult Problem(InteractionResult result, string interactionId)
    {
        var detail = result.Detail ?? $"Interaction '{interactionId}' could not be changed ({result.Outcome}).";
        return result.Outcome switch
        {
            InteractionOutcome.NotFound => NotFound(interactionId),
            InteractionOutcome.NotParticipant => ApiProblems.Forbidden(detail),
            InteractionOutcome.Invalid => ApiProblems.Unprocessable(detail),
            _ => ApiProblems.Conflict(detail), // NotAllowed, AgentUnavailable, AlreadyExists
        };
    }

    internal static IInteractionGrain Interaction(IGrainFactory grains, Caller caller, string interactionId) =>
        grains.GetGrain<IInteractionGrain>(GrainKeys.Interaction(caller.TenantId, interactionId));
}
