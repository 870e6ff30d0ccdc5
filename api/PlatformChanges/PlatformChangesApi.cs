using System.Security.Cryptography;
using Switchboard.Api.Auth;
using Switchboard.Contracts;
using Switchboard.Contracts.PlatformChanges;

namespace Switchboard.Api.PlatformChanges;

/// <summary>
/// <c>/v1/platform-changes</c>: an admin announces a platform change with numbered notices; after the final one every
/// agent logged in must log out within the configured minutes (default ten) and compliance is visible per agent.
/// </summary>
public static class PlatformChangesApi
{
    private const string IdPrefix = "pc_";
    private const string Cursor = "platform-changes";

    public static RouteGroupBuilder MapPlatformChangesApi(this RouteGroupBuilder v1)
    {
        var changes = v1.MapGroup("/platform-changes").WithTags("Platform changes");

        changes.MapPost("/", CreateChange)
            .RequireAuthorization(Policies.Admin)
            .WithName("CreatePlatformChange")
            .WithSummary("Announce a platform change")
            .WithDescription("Creates a change and sends its first notice (number 1) to every agent of the tenant. With final: true " +
                "it is also the final notice: every agent logged in then must log out before logoutDeadline (PlatformChanges:LogoutMinutes, " +
                "default 10); an agent on a call may finish it first; agents still logged in at the deadline are logged out by the " +
                "system (code platform-change). Admin keys only.")
            .ProducesStandardProblems(StatusCodes.Status422UnprocessableEntity);

        changes.MapPost("/{changeId}/notices", SendNotice)
            .RequireAuthorization(Policies.Admin)
            .WithName("SendPlatformNotice")
            .WithSummary("Send another notice of a platform change")
            .WithDescription("Sends the next notice (numbered from 1); final: true makes it the final notice (see above). No notice " +
                "after the final one, and at most 50 a change (409). Admin keys only.")
            .ProducesStandardProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);

        changes.MapGet("/", ListChanges)
            .RequireAuthorization(Policies.Supervisor)
            .WithName("ListPlatformChanges")
            .WithSummary("List platform changes")
            .WithDescription("Newest first, each with its latest notice; limit 1-200 (default 50) and cursor page through.")
            .ProducesStandardProblems();

        changes.MapGet("/{changeId}", GetChange)
            .RequireAuthorization(Policies.Supervisor)
            .WithName("GetPlatformChange")
            .WithSummary("Get a platform change with each agent's compliance")
            .WithDescription("Its notices and, after the final notice, each agent's compliance, read from the agents' state history: " +
                "pending, logged-out (by itself or a supervisor, at), finishing-call (the deadline passed during a call; the logout is " +
                "its next state), logged-out-by-system (at), not-logged-in (already logged out at the final notice), removed (deleted). " +
                "Logging out and in again counts as compliant.")
            .ProducesStandardProblems(StatusCodes.Status404NotFound);

        return changes;
    }

    private static async Task<Created<PlatformChangeResponse>> CreateChange(PlatformNoticeRequest request, [AsParameters] TenantContext tenant)
    {
        var id = IdPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var change = Change(tenant, id);
        var result = await change.Create(request.ToNotice(tenant.Caller.KeyId), tenant.CancellationToken);
        var compliance = result.Change!.LogoutDeadline is null ? null : await change.GetCompliance(tenant.CancellationToken);
        return TypedResults.Created($"/v1/platform-changes/{id}", PlatformChangeResponse.From(result.Change, compliance));
    }

    private static async Task<Results<Created<PlatformNoticeResponse>, ProblemHttpResult>> SendNotice(
        string changeId, PlatformNoticeRequest request, [AsParameters] TenantContext tenant)
    {
        var result = await Change(tenant, changeId).AddNotice(request.ToNotice(tenant.Caller.KeyId), tenant.CancellationToken);
        return result.Outcome switch
        {
            PlatformChangeOutcome.Sent => TypedResults.Created($"/v1/platform-changes/{changeId}", PlatformNoticeResponse.From(result.Notice!)),
            PlatformChangeOutcome.NotFound => NotFound(changeId),
            _ => ApiProblems.Conflict(result.Detail ?? $"Platform change '{changeId}' takes no more notices."),
        };
    }

    private static async Task<Results<Ok<Page<PlatformChangeSummaryResponse>>, ProblemHttpResult>> ListChanges(
        [AsParameters] TenantContext tenant, int? limit, string? cursor)
    {
        if (!Paging.TryReadTime(Cursor, limit, cursor, out var pageSize, out var position, out var problem))
        {
            return problem;
        }

        var after = position is { } p ? new PlatformChangePosition(p.Sequence, p.At) : null;
        var entries = await tenant.Tenant<IPlatformChangeIndexGrain>().ListBefore(after, pageSize + 1, tenant.CancellationToken);
        var page = entries.Take(pageSize).ToList();
        var next = entries.Count > pageSize ? Paging.Encode(Cursor, Paging.TimePosition(page[^1].CreatedAt, page[^1].Sequence)) : null;
        return TypedResults.Ok(new Page<PlatformChangeSummaryResponse>([.. page.Select(PlatformChangeSummaryResponse.From)], next));
    }

    private static async Task<Results<Ok<PlatformChangeResponse>, ProblemHttpResult>> GetChange(string changeId, [AsParameters] TenantContext tenant)
    {
        var change = Change(tenant, changeId);
        if (await change.Get(tenant.CancellationToken) is not { } view)
        {
            return NotFound(changeId);
        }

        var compliance = view.LogoutDeadline is null ? null : await change.GetCompliance(tenant.CancellationToken);
        return TypedResults.Ok(PlatformChangeResponse.From(view, compliance));
    }

    private static ProblemHttpResult NotFound(string changeId) => ApiProblems.NotFound($"Platform change '{changeId}' does not exist.");

    private static IPlatformChangeGrain Change(TenantContext tenant, string changeId) =>
        tenant.Grains.GetGrain<IPlatformChangeGrain>(GrainKeys.PlatformChange(tenant.TenantId, changeId));
}
