using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Switchboard.Api.Auth;
using Switchboard.Contracts;
using Switchboard.Contracts.Alerts;
using Switchboard.Contracts.Live;
using Switchboard.Domain.Alerts;
using Switchboard.Domain.Tenancy;

namespace Switchboard.Api.Alerts;

/// <summary><c>/v1/broadcasts</c>: supervisors' alerts to all agents, a group or a queue's members, with read receipts.</summary>
public static class BroadcastEndpoints
{
    public static RouteGroupBuilder MapAlertsApi(this RouteGroupBuilder v1)
    {
        v1.MapBroadcastEndpoints();
        v1.MapAlertEndpoints();
        return v1;
    }

    public const string Tag = "Alerts";
    public const string IdPrefix = "b_";
    private const string CursorKind = "broadcasts";

    public static IEndpointRouteBuilder MapBroadcastEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/broadcasts").WithTags(Tag).RequireAuthorization(Policies.Supervisor);

        group.MapPost("/", SendBroadcast)
            .WithName("SendBroadcast")
            .WithSummary("Send a broadcast to agents")
            .WithDescription("Sends text (1-2,000 characters) to exactly one audience: {\"all\": true}, {\"group\": \"sales\"} or " +
                "{\"queueId\": \"support\"} (the queue must exist: 422). Recipients are the agents of the audience now (at most 10,000); " +
                "each agent's alerts get it, and consoles hear of it live. expiresAt, if given, must be in the future (at most a year). " +
                "sentBy is the sending key's id. Admin and supervisor keys.")
            .ProducesStandardProblems(StatusCodes.Status422UnprocessableEntity);

        group.MapGet("/", ListBroadcasts)
            .WithName("ListBroadcasts")
            .WithSummary("List broadcasts")
            .WithDescription("The tenant's broadcasts, newest first, with recipient, delivered and read counts; limit 1-200 (default 50) and cursor page through.")
            .ProducesStandardProblems();

        group.MapGet("/{broadcastId}", GetBroadcast)
            .WithName("GetBroadcast")
            .WithSummary("Get a broadcast with its read receipts")
            .WithDescription("Each recipient (ordered by agent id) with whether its alerts have it yet and when it read it.")
            .ProducesStandardProblems(StatusCodes.Status404NotFound);

        return routes;
    }

    private static async Task<Results<Created<BroadcastResponse>, ProblemHttpResult>> SendBroadcast(
        CreateBroadcastRequest request, HttpContext http, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var caller = http.User.GetCaller();
        var errors = new ValidationErrors();
        errors.Check(Identifiers.IsValidMessage(request.Text, BroadcastRules.MaxTextLength), "text",
            $"text is required: 1-{BroadcastRules.MaxTextLength:N0} characters (lines allowed; no other control or invisible characters).");
        var audience = CheckAudience(errors, request.Audience);
        if (request.ExpiresAt is { } expires)
        {
            var now = BusinessTime.Now(http);
            errors.Check(expires > now && expires <= now + BroadcastRules.MaxLifetime, "expiresAt",
                $"expiresAt must be in the future and at most {BroadcastRules.MaxLifetime.TotalDays:0} days ahead.");
        }

        if (errors.HasErrors)
        {
            return ApiProblems.Invalid(errors);
        }

        var id = IdPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var result = await Broadcast(grains, caller, id).Send(new SendBroadcast(request.Text!, audience!, caller.KeyId, request.ExpiresAt), cancellationToken);
        switch (result.Outcome)
        {
            case SendBroadcastOutcome.Sent or SendBroadcastOutcome.AlreadyExists:
                return TypedResults.Created($"/v1/broadcasts/{id}", BroadcastResponse.From(result.Broadcast!));
            case SendBroadcastOutcome.QueueNotFound:
                errors.Add("audience.queueId", result.Detail!);
                break;
            case SendBroadcastOutcome.Expired:
                errors.Add("expiresAt", result.Detail!);
                break;
            default:
                errors.Add("audience", result.Detail!);
                break;
        }

        return ApiProblems.Invalid(errors);
    }

    private static async Task<Results<Ok<Page<BroadcastSummaryResponse>>, ProblemHttpResult>> ListBroadcasts(
        HttpContext http, IGrainFactory grains, int? limit, string? cursor, CancellationToken cancellationToken)
    {
        var caller = http.User.GetCaller();
        var errors = new ValidationErrors();
        if (!Paging.TryReadTime(CursorKind, limit, cursor, errors, out var pageSize, out var position))
        {
            return ApiProblems.Invalid(errors, StatusCodes.Status400BadRequest);
        }

        var after = position is { } p ? new IndexedBroadcast("", p.At, p.Sequence) : null;
        var entries = await grains.GetGrain<IBroadcastIndexGrain>(caller.TenantId).ListBefore(after, pageSize + 1, cancellationToken);
        var page = entries.Take(pageSize).ToList();
        var summaries = await Task.WhenAll(page.Select(e => Broadcast(grains, caller, e.Id).GetSummary(cancellationToken)));
        var next = entries.Count > pageSize ? Paging.Encode(CursorKind, Paging.TimePosition(page[^1].SentAt, page[^1].Sequence)) : null;
        return TypedResults.Ok(new Page<BroadcastSummaryResponse>([.. summaries.OfType<BroadcastSummary>().Select(BroadcastSummaryResponse.From)], next));
    }

    private static async Task<Results<Ok<BroadcastResponse>, ProblemHttpResult>> GetBroadcast(
        string broadcastId, HttpContext http, IGrainFactory grains, CancellationToken cancellationToken)
    {
        if (!Identifiers.IsValidId(broadcastId))
        {
            return ApiProblems.BadRequest($"'{RouteIds.Printable(broadcastId)}' is not a valid broadcast id.");
        }

        var view = await Broadcast(grains, http.User.GetCaller(), broadcastId).Get(cancellationToken);
        return view is null
            ? ApiProblems.NotFound($"Broadcast '{broadcastId}' does not exist.")
            : TypedResults.Ok(BroadcastResponse.From(view));
    }

    /// <summary>The audience when it names exactly one member, well-formed; otherwise null with the errors added.</summary>
    private static AlertAudience? CheckAudience(ValidationErrors errors, BroadcastAudienceRequest? audience)
    {
        const string rule = "audience needs exactly one of {\"all\": true}, {\"group\": \"...\"} or {\"queueId\": \"...\"}.";
        if (audience is null)
        {
            errors.Add("audience", rule);
            return null;
        }

        var given = (audience.All is null ? 0 : 1) + (audience.Group is null ? 0 : 1) + (audience.QueueId is null ? 0 : 1);
        if (given != 1)
        {
            errors.Add("audience", rule);
            return null;
        }

        if (audience.All is { } all)
        {
            return errors.Check(all, "audience.all", "all must be true (leave it out and name a group or queue instead).")
                ? new AlertAudience(true, null, null)
                : null;
        }

        if (audience.Group is { } group)
        {
            return errors.Check(Identifiers.IsValidId(group), "audience.group", $"group must be 1-{Identifiers.MaxIdLength} letters, digits, '.', '_' or '-'.")
                ? new AlertAudience(false, group, null)
                : null;
        }

        var queueId = audience.QueueId!;
        return errors.Check(Identifiers.IsValidId(queueId), "audience.queueId", $"queueId must be 1-{Identifiers.MaxIdLength} letters, digits, '.', '_' or '-'.")
            ? new AlertAudience(false, null, queueId)
            : null;
    }


    private static IBroadcastGrain Broadcast(IGrainFactory grains, Caller caller, string broadcastId) =>
        grains.GetGrain<IBroadcastGrain>(GrainKeys.Broadcast(caller.TenantId, broadcastId));
}
