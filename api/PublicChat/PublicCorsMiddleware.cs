using Switchboard.Contracts;
using Switchboard.Contracts.Chats;
using Switchboard.Domain.Chats;

namespace Switchboard.Api.PublicChat;

/// <summary>
/// CORS for the customer routes, before anything else runs on them (rate limits, validation, the token): a request
/// from a page of another site is refused (403, no CORS headers) before it is validated or counted against a limit;
/// one from an allowed page gets its CORS headers on every answer, refusals included (added as the response starts, so that an
/// error page written after clearing the response keeps them), so the widget can read the problem and Retry-After.
/// Preflights are answered by their own endpoints.
/// </summary>
public sealed class PublicCorsMiddleware(RequestDelegate next, IGrainFactory grains)
{
    public const string PathPrefix = "/v1/public/chat";

    public async Task InvokeAsync(HttpContext http)
    {
        if (HttpMethods.IsOptions(http.Request.Method) || PublicCors.Origin(http) is not { } origin)
        {
            await next(http);
            return;
        }

        // No such entry point or chat: the route answers that itself (404, or 401 for a chat), the same to every caller.
        var allowed = await AllowedOrigins(http, grains, http.RequestAborted);
        if (allowed is not null && !ChatEntryPointRules.Allows(allowed, origin))
        {
            await ProblemWriter.WriteAsync(http, StatusCodes.Status403Forbidden, $"Web chats here may not be used from '{RouteIds.Printable(origin)}'.");
            return;
        }

        if (allowed is not null)
        {
            http.Response.OnStarting(() =>
            {
                PublicCors.Allow(http, origin);
                return Task.CompletedTask;
            });
        }

        await next(http);
    }

    /// <summary>
    /// The origins allowed for the route's entry point: named in the path (opening a chat), or the chat's (its entry
    /// point's now, or, once that is deleted, those it was opened with: chats already open go on). Null when unknown.
    /// </summary>
    public static async Task<IReadOnlyList<string>?> AllowedOrigins(HttpContext http, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var values = http.Request.RouteValues;
        if (values.TryGetValue("tenantId", out var tenant) && values.TryGetValue("entryPointId", out var entry)
            && tenant is string tenantId && entry is string entryPointId && RouteIds.IsValid("tenantId", tenantId) && RouteIds.IsValid("entryPointId", entryPointId))
        {
            return (await grains.GetGrain<IChatEntryPointsGrain>(tenantId).Get(entryPointId, cancellationToken))?.AllowedOrigins;
        }

        if (values.TryGetValue("interactionId", out var chat) && chat is string interactionId && RouteIds.IsValid("interactionId", interactionId))
        {
            var session = await grains.GetGrain<IPublicChatSessionGrain>(GrainKeys.PublicChatSession(interactionId)).Get(cancellationToken);
            return session is null ? null : await AllowedOrigins(session, grains, cancellationToken);
        }

        return null;
    }

    /// <summary>The origins a chat may be used from: its entry point's now, or, once that is deleted, those it was opened with.</summary>
    public static async Task<IReadOnlyList<string>> AllowedOrigins(PublicChatSession session, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var entryPoint = await grains.GetGrain<IChatEntryPointsGrain>(session.TenantId).Get(session.EntryPointId, cancellationToken);
        return entryPoint?.AllowedOrigins ?? session.AllowedOrigins;
    }
}
