using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Switchboard.Api.OpenApi;
using Switchboard.Api.PublicChat;
using Switchboard.Contracts;
using Switchboard.Contracts.Cobrowse;
using Switchboard.Contracts.Interactions;
using Switchboard.Domain.Interactions;

namespace Switchboard.Api.PublicCobrowse;

/// <summary>
/// <c>/v1/public/cobrowse</c>: the customer side of co-browse, without API keys. The customer has only the six-digit code
/// the agent read out, so every route assumes a hostile caller: a used, expired, ended or unknown code reads the same,
/// joins are rate-limited per address, and wrong codes lock the address out (see <see cref="CobrowseGuesses"/>).
/// </summary>
public static class PublicCobrowseApi
{
    public const string JoinPolicy = "public-cobrowse-join";

    private const string NoSuchCode = "No co-browse session has this code.";

    public static RouteGroupBuilder MapPublicCobrowseApi(this RouteGroupBuilder v1)
    {
        var cobrowse = v1.MapGroup("/public/cobrowse").WithTags("Co-browse (customer)").AllowAnonymous();

        cobrowse.MapPost("/join", Join)
            .RequireRateLimiting(JoinPolicy)
            .WithMetadata(new CustomerRoute(TokenRequired: false))
            .WithName("JoinCobrowse")
            .WithSummary("Join a co-browse session (customer)")
            .WithDescription("No API key. The six-digit code the agent gave works once, within 10 minutes of the start; a used, expired, ended " +
                "or unknown code is the same 404. Answers the session and a customer token for GET /v1/public/cobrowse/session; the agent's " +
                "console hears interaction.updated (cobrowse-joined). Limits per client address: joins per minute, and after 5 wrong codes " +
                "within 15 minutes the address is locked out for 15 minutes, right codes included (429 with Retry-After).")
            .ProducesStandardProblems(StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);

        cobrowse.MapGet("/session", GetSession)
            .WithMetadata(new CustomerRoute(TokenRequired: true))
            .WithName("GetCobrowseSession")
            .WithSummary("Where the customer's co-browse session stands")
            .WithDescription("Authorization: Bearer {token} from the join (401 without it or with any other). active until the agent ends it " +
                "or the interaction ends, then ended with endedAt.")
            .ProducesStandardProblems(StatusCodes.Status401Unauthorized);
        return cobrowse;
    }

    /// <summary>The join route's requests per address per minute (a policy: before the body is read).</summary>
    public static void AddLimits(RateLimiterOptions limiter, PublicCobrowseOptions options) =>
        limiter.AddPolicy(JoinPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
            PublicChatLimits.AddressHash(http),
            _ => PublicChatLimits.Window(options.JoinsPerAddressPerMinute, TimeSpan.FromMinutes(1))));

    private static async Task<Results<Ok<CobrowseJoinResponse>, ProblemHttpResult>> Join(
        CobrowseJoinRequest request, HttpContext http, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var guard = grains.GetGrain<ICobrowseGuardGrain>(GrainKeys.CobrowseGuard(PublicChatLimits.AddressHash(http)));
        var attempt = await guard.TryBegin(cancellationToken);
        if (!attempt.Allowed)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(attempt.RetryAfter.TotalSeconds));
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return ApiProblems.Of(StatusCodes.Status429TooManyRequests, $"Too many wrong co-browse codes from this address; retry after {seconds} s.");
        }

        var right = false;
        var code = grains.GetGrain<ICobrowseCodeGrain>(GrainKeys.CobrowseCode(request.JoinCode!));
        try
        {
            // The code is used up first, so that it works once even when two customers race with it.
            if (await code.Redeem(cancellationToken) is not { } target)
            {
                return ApiProblems.NotFound(NoSuchCode);
            }

            // The token's hash is stored before the interaction counts the customer in, so a joined session can always be read.
            var (token, hash) = CustomerTokens.Issue(target.SessionId, CustomerTokens.CobrowsePrefix);
            var interaction = grains.GetGrain<IInteractionGrain>(GrainKeys.Interaction(target.TenantId, target.InteractionId));
            try
            {
                await grains.GetGrain<ICobrowseSessionGrain>(GrainKeys.CobrowseSession(target.SessionId))
                    .Open(new CobrowseCustomer(target.TenantId, target.InteractionId, hash), CancellationToken.None);
                var joined = await interaction.JoinCobrowse(target.SessionId, CancellationToken.None);
                right = joined.Outcome == InteractionOutcome.Applied;
            }
            catch
            {
                // Failed on our side: unless the customer was counted in after all, the code works again for a retry.
                await RestoreUnlessJoined(code, interaction, target.SessionId);
                right = true; // a right code, not a guess
                throw;
            }

            return right ? TypedResults.Ok(new CobrowseJoinResponse(target.SessionId, token)) : ApiProblems.NotFound(NoSuchCode);
        }
        finally
        {
            await guard.Finish(attempt.Attempt, right, CancellationToken.None);
        }
    }

    /// <summary>Best effort: should this fail too, the code stays used, as it would have without the attempt.</summary>
    private static async Task RestoreUnlessJoined(ICobrowseCodeGrain code, IInteractionGrain interaction, string sessionId)
    {
        try
        {
            var session = (await interaction.Get(CancellationToken.None))?.Cobrowse?.FirstOrDefault(s => s.SessionId == sessionId);
            if (session is { State: CobrowseState.Waiting })
            {
                await code.Restore(sessionId, CancellationToken.None);
            }
        }
        catch (Exception)
        {
            // The join's own failure is what the caller hears of.
        }
    }

    private static async Task<Results<Ok<CustomerCobrowseState>, ProblemHttpResult>> GetSession(
        HttpContext http, IGrainFactory grains, CancellationToken cancellationToken)
    {
        if (CustomerTokens.TryRead(CustomerTokens.FromHeader(http.Request), out var sessionId, out var hash, CustomerTokens.CobrowsePrefix)
            && RouteIds.IsValid("sessionId", sessionId)
            && await grains.GetGrain<ICobrowseSessionGrain>(GrainKeys.CobrowseSession(sessionId)).Get(cancellationToken) is { } customer
            && CustomerTokens.Matches(customer.TokenHash, hash)
            && (await grains.GetGrain<IInteractionGrain>(GrainKeys.Interaction(customer.TenantId, customer.InteractionId)).Get(cancellationToken))?.Cobrowse?
                .FirstOrDefault(s => s.SessionId == sessionId) is { } session)
        {
            return TypedResults.Ok(new CustomerCobrowseState(sessionId,
                session.State == CobrowseState.Ended ? CustomerCobrowseStatus.Ended : CustomerCobrowseStatus.Active, session.EndedAt));
        }

        http.Response.Headers.WWWAuthenticate = "Bearer";
        return ApiProblems.Of(StatusCodes.Status401Unauthorized,
            "The customer token of a joined co-browse session is required (Authorization: Bearer {token}).");
    }
}
