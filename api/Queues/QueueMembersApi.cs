using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Switchboard.Api.Auth;
using Switchboard.Contracts.Queues;
using Switchboard.Domain.Queues;
using Switchboard.Api.Agents;

namespace Switchboard.Api.Queues;

/// <summary><c>/v1/queues/{queueId}/members</c>: which agents take a queue's work, and how skilled they are at it.</summary>
public static class QueueMemberEndpoints
{
    public static IEndpointRouteBuilder MapQueueMemberEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/queues/{queueId}/members").WithTags("Queues");

        group.MapGet("/", GetMembers)
            .RequireAuthorization(Policies.TenantReader)
            .WithName("GetQueueMembers")
            .WithSummary("Get a queue's members")
            .WithDescription("Every member with its skill level, ordered by agent id (a queue has at most 2,000 members).")
            .ProducesStandardProblems(StatusCodes.Status404NotFound);

        group.MapPut("/{agentId}", SetMember)
            .RequireAuthorization(Policies.Supervisor)
            .WithName("SetQueueMember")
            .WithSummary("Add an agent to a queue or change its skill level")
            .WithDescription("201 when the agent is added, 200 when it was a member (its skill level is now the one given). " +
                "The body is optional: skillLevel 1-10, default 1. 404 when the queue or the agent does not exist; 422 when " +
                "the queue already has 2,000 members.")
            .ProducesStandardProblems(StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);

        group.MapDelete("/{agentId}", RemoveMember)
            .RequireAuthorization(Policies.Supervisor)
            .WithName("RemoveQueueMember")
            .WithSummary("Take an agent out of a queue")
            .ProducesStandardProblems(StatusCodes.Status404NotFound);

        return routes;
    }

    private static async Task<Results<Ok<QueueMemberList>, ProblemHttpResult>> GetMembers(
        string queueId, HttpContext http, IGrainFactory grains, CancellationToken cancellationToken)
    {

        var members = await QueueEndpoints.Queue(grains, http, queueId).GetMembers(cancellationToken);
        return members is null
            ? QueueEndpoints.NotFound(queueId)
            : TypedResults.Ok(new QueueMemberList([.. members.Select(QueueMemberResponse.From)]));
    }

    private static async Task<Results<Created<QueueMemberResponse>, Ok<QueueMemberResponse>, ProblemHttpResult>> SetMember(
        string queueId,
        string agentId,
        [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] SetQueueMemberRequest? request,
        HttpContext http,
        IGrainFactory grains,
        CancellationToken cancellationToken)
    {

        var skillLevel = request?.SkillLevel ?? QueueMemberRules.DefaultSkillLevel;
        if (!QueueMemberRules.IsValidSkillLevel(skillLevel))
        {
            var errors = new ValidationErrors();
            errors.Add("skillLevel", $"skillLevel must be between {QueueMemberRules.MinSkillLevel} and {QueueMemberRules.MaxSkillLevel}.");
            return ApiProblems.Invalid(errors);
        }

        var result = await QueueEndpoints.Queue(grains, http, queueId).SetMember(agentId, skillLevel, cancellationToken);
        return result.Outcome switch
        {
            SetMemberOutcome.Added => TypedResults.Created($"/v1/queues/{queueId}/members/{agentId}", QueueMemberResponse.From(result.Member!)),
            SetMemberOutcome.Updated => TypedResults.Ok(QueueMemberResponse.From(result.Member!)),
            SetMemberOutcome.QueueNotFound => QueueEndpoints.NotFound(queueId),
            SetMemberOutcome.AgentNotFound => AgentsApi.NotFound(agentId),
            _ => ApiProblems.Unprocessable($"Queue '{queueId}' already has {QueueMemberRules.MaxMembers} members, the most a queue may have."),
        };
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveMember(
        string queueId, string agentId, HttpContext http, IGrainFactory grains, CancellationToken cancellationToken)
    {

        return await QueueEndpoints.Queue(grains, http, queueId).RemoveMember(agentId, cancellationToken) switch
        {
            RemoveMemberOutcome.Removed => TypedResults.NoContent(),
            RemoveMemberOutcome.QueueNotFound => QueueEndpoints.NotFound(queueId),
            _ => ApiProblems.NotFound($"Agent '{agentId}' is not a member of queue '{queueId}'."),
        };
    }
}
