using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Switchboard.Api.Auth;
using Switchboard.Contracts;
using Switchboard.Contracts.PlatformChanges;
using Switchboard.Domain.PlatformChanges;
using Switchboard.Domain.Tenancy;

namespace Switchboard.Api.PlatformChanges;

/// <summary>
/// <c>/v1/platform-changes</c>: an admin announces a platform change with numbered notices; after the final one every
/// agent logged in must log out within the configured minutes (default ten) and compliance is visible per agent.
/// </summary>
public static class PlatformChangeEndpoints
{
    public static RouteGroupBuilder MapPlatformChangesApi(this RouteGroupBuilder v1)
    {
        v1.MapPlatformChangeEndpoints();
        return v1;
    }

    public const string Tag = "Platform changes";
    public const string IdPrefix = "pc_";
    private const string CursorKind = "platform-changes";

    public static IEndpointRouteBuilder MapPlatformChangeEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/platform-changes").WithTags(Tag);

        group.MapPost("/", CreateChange)
            .RequireAuthorization(Policies.Admin)
            .WithName("CreatePlatformChange")
            .WithSummary("Announce a platform change")
            .WithDescription("Creates a change and sends its first notice (number 1) to every agent of the tenant. With final: true " +
                "it is also the final notice: every agent logged in then must log out before logoutDeadline (PlatformChanges:LogoutMinutes, " +
                "default 10); an agent on a call may finish it first; agents still logged in at the deadline are logged out by the " +
                "system (code platform-change). Admin keys only.")
            .ProducesStandardProblems(StatusCodes.Status422UnprocessableEntity);

        group.MapPost("/{changeId}/notices", SendNotice)
            .RequireAuthorization(Policies.Admin)
            .WithName("SendPlatformNotice")
            .WithSummary("Send another notice of a platform change")
            .WithDescription("Sends the next notice (numbered from 1); final: true makes it the final notice (see above). No notice " +
                "after the final one, and at most 50 a change (409). Admin keys only.")
            .ProducesStandardProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);

        group.MapGet("/", ListChanges)
            .RequireAuthorization(Policies.Supervisor)
            .WithName("ListPlatformChanges")
            .WithSummary("List platform changes")
            .WithDescription("Newest first, each with its latest notice; limit 1-200 (default 50) and cursor page through.")
            .ProducesStandardProblems();

        group.MapGet("/{changeId}", GetChange)
            .RequireAuthorization(Policies.Supervisor)
            .WithName("GetPlatformChange")
            .WithSummary("Get a platform change with each agent's compliance")
            .WithDescription("Its notices and, after the final notice, each agent's compliance, read from the agents' state history: " +
                "pending, logged-out (by itself or a supervisor, at), finishing-call (the deadline passed during a call; the logout is " +
                "its next state), logged-out-by-system (at), not-logged-in (already logged out at the final notice), removed (deleted). " +
                "Logging out and in again counts as compliant.")
            .ProducesStandardProblems(StatusCodes.Status404NotFound);

        return routes;
    }

    private static async Task<Results<Created<PlatformChangeResponse>, ProblemHttpResult>> CreateChange(
        PlatformNoticeRequest request, HttpContext http, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var caller = http.User.GetCaller();
        if (CheckNotice(request) is { } invalid)
        {
            return invalid;
        }

        var id = IdPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var change = Change(grains, caller, id);
        var result = await change.Create(new NewPlatformNotice(request.Message!, request.Final ?? false, caller.KeyId), cancellationToken);
        var compliance = result.Change!.LogoutDeadline is null ? null : await change.GetCompliance(cancellationToken);
        return TypedResults.Created($"/v1/platform-changes/{id}", PlatformChangeResponse.From(result.Change, compliance));
    }

    private static async Task<Results<Created<PlatformNoticeResponse>, ProblemHttpResult>> SendNotice(
        string changeId, PlatformNoticeRequest request, HttpContext http, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var caller = http.User.GetCaller();
        if (CheckId(changeId) is { } badId)
        {
            return badId;
        }

        if (CheckNotice(request) is { } invalid)
        {
            return invalid;
        }

        var result = await Change(grains, caller, changeId).AddNotice(new NewPlatformNotice(request.Message!, request.Final ?? false, caller.KeyId), cancellationToken);
        return result.Outcome switch
        {
            PlatformChangeOutcome.Sent => TypedResults.Created($"/v1/platform-changes/{changeId}", PlatformNoticeResponse.From(result.Notice!)),
            PlatformChangeOutcome.NotFound => NotFound(changeId),
            _ => ApiProblems.Conflict(result.Detail ?? $"Platform change '{changeId}' takes no more notices."),
        };
    }

    private static async Task<Results<Ok<Page<PlatformChangeSummaryResponse>>, ProblemHttpResult>> ListChanges(
        HttpContext http, IGrainFactory grains, int? limit, string? cursor, CancellationToken cancellationToken)
    {
        var caller = http.User.GetCaller();
        var errors = new ValidationErrors();
        if (!Paging.TryReadTime(CursorKind, limit, cursor, errors, out var pageSize, out var position))
        {
            return ApiProblems.Invalid(errors, StatusCodes.Status400BadRequest);
        }

        var after = position is { } p ? new PlatformChangePosition(p.Sequence, p.At) : null;
        var entries = await grains.GetGrain<IPlatformChangeIndexGrain>(caller.TenantId).ListBefore(after, pageSize + 1, cancellationToken);
        var page = entries.Take(pageSize).ToList();
        var next = entries.Count > pageSize ? Paging.Encode(CursorKind, Paging.TimePosition(page[^1].CreatedAt, page[^1].Sequence)) : null;
        return TypedResults.Ok(new Page<PlatformChangeSummaryResponse>([.. page.Select(PlatformChangeSummaryResponse.From)], next));
    }

    private static async Task<Results<Ok<PlatformChangeResponse>, ProblemHttpResult>> GetChange(
        string changeId, HttpContext http, IGrainFactory grains, CancellationToken cancellationToken)
    {
        if (CheckId(changeId) is { } badId)
        {
            return badId;
        }

        var change = Change(grains, http.User.GetCaller(), changeId);
        var view = await change.Get(cancellationToken);
        if (view is null)
        {
            return NotFound(changeId);
        }

        var compliance = view.LogoutDeadline is null ? null : await change.GetCompliance(cancellationToken);
        return TypedResults.Ok(PlatformChangeResponse.From(view, compliance));
    }

    private static ProblemHttpResult? CheckNotice(PlatformNoticeRequest request)
    {
        var errors = new ValidationErrors();
        errors.Check(Identifiers.IsValidMessage(request.Message, PlatformChangeRules.MaxMessageLength), "message",
            $"message is required: 1-{PlatformChangeRules.MaxMessageLength:N0} characters (lines allowed; no other control or invisible characters).");
        return errors.HasErrors ? ApiProblems.Invalid(errors) : null;
    }

    private static ProblemHttpResult? CheckId(string changeId) =>
        Identifiers.IsValidId(changeId) ? null : ApiProblems.BadRequest($"'{RouteIds.Printable(changeId)}' is not a valid platform change id.");

    private static ProblemHttpResult NotFound(string changeId) => ApiProblems.NotFound($"Platform change '{changeId}' does not exist.");


    private static IPlatformChangeGrain Change(IGrainFactory grains, Caller caller, string changeId) =>
        grains.GetGrain<IPlatformChangeGrain>(GrainKeys.PlatformChange(caller.TenantId, changeId));
}
