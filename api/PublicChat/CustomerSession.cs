using Switchboard.Contracts;
using Switchboard.Contracts.Chats;
using Switchboard.Contracts.Interactions;

namespace Switchboard.Api.PublicChat;

/// <summary>
/// The customer of one chat, from its token: the session it opens, checked against the chat in the path and its
/// expiry (the page's origin is checked before, by <see cref="PublicCorsMiddleware"/>). Every refusal of the token reads the same (401), so a caller learns nothing of chats
/// it has no token for.
/// </summary>
internal sealed record CustomerSession(string InteractionId, PublicChatSession? Session, IInteractionGrain? Interaction, ProblemHttpResult? Problem)
{
    /// <summary>The customer of the chat in the path, from <c>Authorization: Bearer</c>.</summary>
    public static Task<CustomerSession> ResolveAsync(HttpContext http, string interactionId, IGrainFactory grains, TimeProvider time, CancellationToken cancellationToken) =>
        ResolveAsync(http, CustomerTokens.FromHeader(http.Request), interactionId, grains, time, cancellationToken);

    /// <summary>The customer of <paramref name="token"/>'s chat, which must be <paramref name="interactionId"/> when one is given.</summary>
    public static async Task<CustomerSession> ResolveAsync(
        HttpContext http, string? token, string? interactionId, IGrainFactory grains, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!CustomerTokens.TryRead(token, out var tokenChat, out var hash) || (interactionId is not null && !string.Equals(tokenChat, interactionId, StringComparison.Ordinal))
            || !RouteIds.IsValid("interactionId", tokenChat))
        {
            return Refused(http);
        }

        interactionId = tokenChat;

        var session = await grains.GetGrain<IPublicChatSessionGrain>(GrainKeys.PublicChatSession(interactionId)).Get(cancellationToken);
        if (session is null || !CustomerTokens.Matches(session.TokenHash, hash) || time.GetUtcNow() >= session.ExpiresAt)
        {
            return Refused(http);
        }

        return new CustomerSession(interactionId, session, grains.GetGrain<IInteractionGrain>(GrainKeys.Interaction(session.TenantId, interactionId)), null);
    }

    private static CustomerSession Refused(HttpContext http)
    {
        http.Response.Headers.WWWAuthenticate = "Bearer";
        return new CustomerSession("", null, null, ApiProblems.Of(StatusCodes.Status401Unauthorized,
            "A customer token of this chat is required (Authorization: Bearer {customerToken}); it may have expired."));
    }
}
