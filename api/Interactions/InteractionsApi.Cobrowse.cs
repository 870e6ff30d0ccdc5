using Switchboard.Api.Auth;
using Switchboard.Api.Middleware;
using Switchboard.Contracts.Auth;
using Switchboard.Contracts.Interactions;

namespace Switchboard.Api.Interactions;

// /v1/interactions/{interactionId}/cobrowse: co-browse sessions ("Collaborate") the handling agent starts and ends.
public static partial class InteractionsApi
{
    private const string CobrowseActorNote = " An agent key acts only on interactions its agent handles (403 otherwise); admin, supervisor and " +
        "integration keys act for the handling agent.";

    private static void MapCobrowse(RouteGroupBuilder interaction)
    {
        interaction.MapPost("/cobrowse", StartCobrowse)
            .WithName("StartCobrowse")
            .WithMetadata(new ShowsSecretOnce())
            .WithSummary("Start a co-browse session")
            .WithDescription("While the interaction is in progress (Connected or OnHold; 409 otherwise), starts a co-browse session and answers " +
                "its six-digit join code, shown this once: the customer enters it at POST /v1/public/cobrowse/join within 10 minutes, once. " +
                "One open session per interaction: while one is waiting or active, another start is a 409 (end it first); a session whose " +
                "code expired unused has ended by itself. The timeline says cobrowse-started and consoles hear interaction.updated; the " +
                "interaction lists its sessions in cobrowse. The co-browse media itself runs outside Switchboard." + CobrowseActorNote)
            .ProducesStandardProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        interaction.MapPost("/cobrowse/{sessionId}/end", EndCobrowse)
            .WithName("EndCobrowse")
            .WithSummary("End a co-browse session")
            .WithDescription("Ends the session (cobrowse-ended on the timeline; the customer's GET /v1/public/cobrowse/session says ended) and " +
                "answers it. Ending a session that has ended answers 200 with it unchanged. A session ends by itself when its interaction " +
                "ends. 404 for a session the interaction does not have." + CobrowseActorNote)
            .ProducesStandardProblems(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Created<CobrowseStartResponse>, ProblemHttpResult>> StartCobrowse(string interactionId, [AsParameters] TenantContext tenant)
    {
        var (agentId, actor) = CobrowseActor(tenant.Caller);
        var result = await tenant.Interaction(interactionId).StartCobrowse(agentId, actor, tenant.CancellationToken);
        return result is { Outcome: InteractionOutcome.Applied, Session: { } session, JoinCode: { } code }
            ? TypedResults.Created((string?)null, new CobrowseStartResponse(session.SessionId, code, session.ExpiresAt))
            : CobrowseProblem(result, interactionId);
    }

    private static async Task<Results<Ok<CobrowseSessionResponse>, ProblemHttpResult>> EndCobrowse(
        string interactionId, string sessionId, [AsParameters] TenantContext tenant)
    {
        var (agentId, actor) = CobrowseActor(tenant.Caller);
        var result = await tenant.Interaction(interactionId).EndCobrowse(agentId, sessionId, actor, tenant.CancellationToken);
        return result is { Outcome: InteractionOutcome.Applied or InteractionOutcome.Unchanged, Session: { } session }
            ? TypedResults.Ok(CobrowseSessionResponse.From(session))
            : CobrowseProblem(result, interactionId);
    }

    /// <summary>An agent key acts as its agent; other keys for the handler (null), recorded as the key on the timeline.</summary>
    private static (string? AgentId, string Actor) CobrowseActor(Caller caller) =>
        caller.Role == ApiKeyRole.Agent ? (caller.AgentId, $"agent:{caller.AgentId}") : (null, $"api:{caller.KeyId}");

    /// <summary>As <see cref="Problem"/>, but an unknown session (the interaction exists) is a 404 naming the session.</summary>
    private static ProblemHttpResult CobrowseProblem(CobrowseResult result, string interactionId) =>
        result is { Outcome: InteractionOutcome.NotFound, Interaction: not null }
            ? ApiProblems.NotFound(result.Detail ?? "No such co-browse session.")
            : Problem(new InteractionResult(result.Outcome, result.Interaction, result.Detail), interactionId);
}
