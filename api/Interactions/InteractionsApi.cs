using System.Security.Cryptography;
using Switchboard.Api.Auth;
using Switchboard.Api.Middleware;
using Switchboard.Contracts.Auth;
using Switchboard.Contracts.Interactions;
using Switchboard.Domain.Interactions;
using Switchboard.Domain.Tenancy;

namespace Switchboard.Api.Interactions;

/// <summary>
/// <c>/v1/interactions</c>: create calls (inbound, direct, outbound), read them with their timeline, list them, and
/// what an agent does with one. An agent key acts as its own agent; admin, supervisor and integration keys name the
/// agent (e.g. a CRM pressing the console's buttons).
/// </summary>
public static partial class InteractionsApi
{
    private const string IdPrefix = "i_";

    public static RouteGroupBuilder MapInteractionsApi(this RouteGroupBuilder v1)
    {
        var interactions = v1.MapGroup("/interactions").WithTags("Interactions").RequireAuthorization(Policies.AnyTenantKey);

        interactions.MapPost("/", CreateInteraction)
            .WithName("CreateInteraction")
            .WithSummary("Create an interaction (a voice call)")
            .WithDescription("Inbound into a queue ({media, direction: inbound, queueId, from}), inbound straight to an agent " +
                "({…, agentId, from}) or an agent's outbound call ({media, direction: outbound, agentId, to}). The server makes the id; with an Idempotency-Key it comes from the key and the request, " +
                "so a retry whose first answer was lost (a 503, a dropped connection) gets what that attempt made, once. " +
                "Numbers are E.164; priority 0-9 (default 5, higher first). The queue and the agent must exist (422). " +
                "A direct or outbound call whose agent cannot take it now is a 409 and creates nothing. " +
                "Admin, supervisor and integration keys create any; an agent key only an outbound call of its own agent.")
            .ProducesStandardProblems(StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);

        interactions.MapGet("/{interactionId}", GetInteraction)
            .WithName("GetInteraction")
            .WithSummary("Get an interaction")
            .WithDescription("State, parties, legs, the open offer, the consult, wrap-ups with codes and notes, the CRM customer with its open cases " +
                "(the screen pop: matched by the caller's number or the chat's email, or linked by hand), and the whole timeline. " +
                "An agent key reads only interactions its agent is part of (a leg, the offer or a wrap-up).")
            .ProducesStandardProblems(StatusCodes.Status404NotFound);

        MapList(interactions);
        MapActions(interactions.MapGroup("/{interactionId}"));
        MapMessages(interactions.MapGroup("/{interactionId}"));
        MapCrm(interactions.MapGroup("/{interactionId}"));
        MapCobrowse(interactions.MapGroup("/{interactionId}"));
        MapEmails(interactions.MapGroup("/{interactionId}"));
        MapVoicemail(interactions.MapGroup("/{interactionId}"));
        return interactions;
    }

    private static async Task<Results<Created<InteractionResponse>, ProblemHttpResult>> CreateInteraction(
        CreateInteractionRequest request, [AsParameters] TenantContext tenant)
    {
        var caller = tenant.Caller;
        var agentId = request.AgentId;
        var fromAgentId = request.FromAgentId;
        var internalWork = request.Direction == InteractionDirection.Internal;
        if (caller.Role == ApiKeyRole.Agent)
        {
            // Checked before the rules: an agent key learns nothing about queues or other agents.
            if (request.Direction == InteractionDirection.Inbound)
            {
                return ApiProblems.Forbidden("An agent key creates only outbound calls and internal calls or chats of its own agent.");
            }

            var actsFor = internalWork ? fromAgentId : agentId;
            if (actsFor is not null && !string.Equals(actsFor, caller.AgentId, StringComparison.Ordinal))
            {
                return ApiProblems.Forbidden($"This key acts as agent '{caller.AgentId}' and may not start work for agent '{RouteIds.Printable(actsFor)}'.");
            }

            if (internalWork)
            {
                fromAgentId = caller.AgentId;
            }
            else
            {
                agentId = caller.AgentId;
            }
        }

        // One 422 for all that is wrong: the body's rules, then whether the queue and the agents it names exist.
        var errors = new ValidationErrors();
        (request with { AgentId = agentId, FromAgentId = fromAgentId }).Validate(errors);
        var queueId = request.QueueId;
        if (queueId is not null && Identifiers.IsValidId(queueId))
        {
            var queue = await tenant.Queue(queueId).Get(tenant.CancellationToken);
            if (errors.Check(queue is not null, "queueId", $"Queue '{queueId}' does not exist.") && request.Media is { } media)
            {
                errors.Check(queue!.Config.Media == media, "queueId", $"Queue '{queueId}' carries {queue.Config.Media.ToString().ToLowerInvariant()}, not {media.ToString().ToLowerInvariant()}.");
            }
        }

        foreach (var (named, field) in new[] { (agentId, "agentId"), (fromAgentId, "fromAgentId"), (request.ToAgentId, "toAgentId") })
        {
            if (named is not null && Identifiers.IsValidId(named) && (field == "agentId" || internalWork))
            {
                var agent = await tenant.Agent(named).Get(tenant.CancellationToken);
                errors.Check(agent is not null, field, $"Agent '{named}' does not exist.");
            }
        }

        if (errors.HasErrors)
        {
            return ApiProblems.Invalid(errors);
        }

        if (internalWork)
        {
            // The colleague is offered it directly; the agent who starts it is its "from".
            agentId = request.ToAgentId;
        }

        var record = IdempotencyMiddleware.RecordOf(tenant.Http);
        var id = record is null ? NewId() : IdOf(record);
        var actor = caller.Role == ApiKeyRole.Agent ? $"agent:{caller.AgentId}" : $"api:{caller.KeyId}";
        var create = new CreateInteraction(
            request.Media!.Value,
            request.Direction!.Value,
            queueId,
            agentId,
            internalWork ? fromAgentId : request.From,
            internalWork ? request.ToAgentId : request.To,
            request.Priority ?? CreateInteractionRequest.DefaultPriority,
            actor,
            FirstMessage: internalWork ? request.Text : null);
        return await CreateAsync(tenant, id, create, retryable: record is not null);
    }

    /// <summary>
    /// Creates the interaction and answers 201 with it, or the problem of why it was not. With <paramref name="retryable"/>
    /// (an id derived from the request under its Idempotency-Key), an interaction that exists already is the one an
    /// earlier attempt of the same request made and whose answer was lost: it is answered as created, once more.
    /// </summary>
    internal static async Task<Results<Created<InteractionResponse>, ProblemHttpResult>> CreateAsync(TenantContext tenant, string id, CreateInteraction create, bool retryable = false)
    {
        var result = await tenant.Interaction(id).Create(create, tenant.CancellationToken);
        return result.Outcome == InteractionOutcome.Applied || (retryable && result is { Outcome: InteractionOutcome.AlreadyExists, Interaction: not null })
            ? TypedResults.Created($"/v1/interactions/{id}", InteractionResponse.FromView(result.Interaction!))
            : Problem(result, id);
    }

    /// <summary>A new interaction id.</summary>
    internal static string NewId() => IdPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>The interaction id of a request made under an Idempotency-Key (<see cref="IdempotencyMiddleware.RecordOf"/>): the same on every retry.</summary>
    internal static string IdOf(string idempotentRequest) =>
        IdPrefix + Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(idempotentRequest)).AsSpan(0, 16));

    private static async Task<Results<Ok<InteractionResponse>, ProblemHttpResult>> GetInteraction(string interactionId, [AsParameters] TenantContext tenant)
    {
        var (view, refusal) = await Readable(interactionId, tenant);
        return refusal ?? (Results<Ok<InteractionResponse>, ProblemHttpResult>)TypedResults.Ok(InteractionResponse.FromView(view!));
    }

    /// <summary>
    /// The interaction as the caller may read it, or why not: 404 when there is none, 403 for an agent key whose agent
    /// is not and was not part of it.
    /// </summary>
    internal static async Task<(InteractionView? View, ProblemHttpResult? Refusal)> Readable(string interactionId, TenantContext tenant)
    {
        if (await tenant.Interaction(interactionId).Get(tenant.CancellationToken) is not { } view)
        {
            return (null, NotFound(interactionId));
        }

        var caller = tenant.Caller;
        return caller.Role == ApiKeyRole.Agent && !Involves(view, caller.AgentId!)
            ? (null, ApiProblems.Forbidden($"Agent '{caller.AgentId}' is not part of interaction '{interactionId}'."))
            : (view, null);
    }

    /// <summary>Whether the agent is part of the interaction: has (had) a leg on it, is offered it, or has a wrap-up of it.</summary>
    private static bool Involves(InteractionView view, string agentId) =>
        view.Legs.Any(l => l.Party == PartyKind.Agent && string.Equals(l.Address, agentId, StringComparison.Ordinal))
        || string.Equals(view.Offer?.AgentId, agentId, StringComparison.Ordinal)
        || view.WrapUps.Any(w => string.Equals(w.AgentId, agentId, StringComparison.Ordinal));

    /// <summary>The 404 of an interaction that does not exist.</summary>
    private static ProblemHttpResult NotFound(string interactionId) => ApiProblems.NotFound($"Interaction '{interactionId}' does not exist.");

    /// <summary>The problem for a grain outcome that is not a success.</summary>
    internal static ProblemHttpResult Problem(InteractionResult result, string interactionId)
    {
        var detail = result.Detail ?? $"Interaction '{interactionId}' could not be changed ({result.Outcome}).";
        return result.Outcome switch
        {
            InteractionOutcome.NotFound => NotFound(interactionId),
            InteractionOutcome.NotParticipant => ApiProblems.Forbidden(detail),
            InteractionOutcome.Invalid => result.Field is { } field ? ApiProblems.Invalid(field, detail) : ApiProblems.Unprocessable(detail),
            _ => ApiProblems.Conflict(detail), // NotAllowed, AgentUnavailable, AlreadyExists
        };
    }

    /// <summary>The grain's answer to an action or a leg event: the interaction as it is now, or the problem.</summary>
    internal static Results<Ok<InteractionResponse>, ProblemHttpResult> Answer(InteractionResult result, string interactionId) =>
        result.Outcome is InteractionOutcome.Applied or InteractionOutcome.Unchanged && result.Interaction is { } view
            ? TypedResults.Ok(InteractionResponse.FromView(view))
            : Problem(result, interactionId);
}
