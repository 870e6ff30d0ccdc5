using System.Globalization;
using Microsoft.Extensions.Options;
using Switchboard.Contracts;
using Switchboard.Contracts.Chats;
using Switchboard.Contracts.Interactions;
using Switchboard.Domain.Interactions;
using Switchboard.Domain.Queues;
using Switchboard.Api.Auth;
using Switchboard.Api.Live;
using Switchboard.Api.OpenApi;
using Switchboard.Contracts.Auth;
using Switchboard.Domain.Chats;
using Switchboard.Grains;

namespace Switchboard.Api.PublicChat;

/// <summary>
/// <c>/v1/public/chat</c>: the customer side of web chat, without API keys. A website's widget opens a chat at an entry
/// point and gets a customer token that opens that one chat only; every route assumes a hostile caller (CORS from the
/// entry point's origins only, rate limits per address and per chat, plain text only).
/// </summary>
public static class PublicChatApi
{
    /// <summary>The customer's live socket.</summary>
    public const string StreamPath = "/v1/public/chat/stream";

    /// <summary>Who a customer's socket session belongs to, besides its chat (sessions are kept per chat).</summary>
    private const string CustomerKeyId = "customer";

    private const string MessageCursor = "message";
    private const string IdPrefix = "i_";

    public static RouteGroupBuilder MapPublicChatApi(this RouteGroupBuilder v1)
    {
        var chat = v1.MapGroup("/public/chat").WithTags("Web chat (customer)").AllowAnonymous().WithMetadata(new CustomerRoute(TokenRequired: true));

        chat.MapPost("/{tenantId}/{entryPointId}/sessions", Open)
            .RequireRateLimiting(PublicChatLimits.Sessions)
            .WithMetadata(new CustomerRoute(TokenRequired: false))
            .WithName("OpenWebChat")
            .WithSummary("Open a web chat (customer)")
            .WithDescription("No API key. The chat waits in the entry point's queue like a call; the welcome, then the customer's message, start its " +
                "transcript. Answers 201 with the customer token, which opens this chat only until expiresAt. Browsers are answered only from " +
                "the entry point's allowed origins (403 otherwise). Limits: chats per address per hour and open at once (429 with Retry-After).")
            .ProducesStandardProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict,
                StatusCodes.Status422UnprocessableEntity, StatusCodes.Status429TooManyRequests);
        chat.MapMethods("/{tenantId}/{entryPointId}/sessions", [HttpMethods.Options], PreflightOpen).ExcludeFromDescription();

        chat.MapGet("/stream", Stream)
            .WithName("OpenWebChatStream")
            .WithSummary("Open the customer's live WebSocket")
            .WithDescription("Upgrade to a WebSocket with the customer token in '?token=' (browsers cannot set headers on a WebSocket) or " +
                "'Authorization: Bearer'. Then subscribe to 'chat:{interactionId}' (the token's chat, the only topic it opens) with the same " +
                "protocol as /v1/stream: a snapshot (state, agents, latest messages), then sequenced events chat.message, chat.typing, " +
                "chat.agent_joined, chat.agent_left and chat.ended, and resume with 'session' + 'resumeFrom' (see /asyncapi.json). " +
                "401 for a missing, foreign or expired token; 403 from a page the entry point does not allow; the socket closes with 4003 when the token expires.")
            .Produces(StatusCodes.Status101SwitchingProtocols)
            .ProducesStandardProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status426UpgradeRequired,
                StatusCodes.Status429TooManyRequests, StatusCodes.Status503ServiceUnavailable);

        var session = chat.MapGroup("/sessions/{interactionId}");
        session.MapGet("", GetState)
            .WithName("GetWebChat")
            .WithSummary("Where the customer's chat stands")
            .WithDescription(TokenNote)
            .ProducesStandardProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);

        session.MapPost("/messages", Send)
            .WithName("SendWebChatMessage")
            .WithSummary("Send a message (customer)")
            .WithDescription("Plain text, at most 2,000 characters; never rendered as markup by Switchboard. 409 once the chat has ended. " + TokenNote)
            .ProducesStandardProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status409Conflict,
                StatusCodes.Status422UnprocessableEntity, StatusCodes.Status429TooManyRequests);

        session.MapGet("/messages", Read)
            .WithName("GetWebChatMessages")
            .WithSummary("Read the chat (customer)")
            .WithDescription("Every message of both sides, oldest first, a page at a time. " + TokenNote)
            .ProducesStandardProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);

        session.MapPost("/typing", Typing)
            .WithName("ShowWebChatTyping")
            .WithSummary("Show that the customer is typing")
            .WithDescription("The agent's console sees interaction.typing; nothing is stored. " + TokenNote)
            .ProducesStandardProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status409Conflict, StatusCodes.Status429TooManyRequests);

        session.MapPost("/end", End)
            .WithName("EndWebChat")
            .WithSummary("Leave the chat (customer)")
            .WithDescription("Waiting, the chat is abandoned; with an agent, it ends and the agent goes to wrap-up. Again: 200, nothing changes. " + TokenNote)
            .ProducesStandardProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);

        session.MapMethods("", [HttpMethods.Options], PreflightSession).ExcludeFromDescription();
        session.MapMethods("/{action:regex(^(messages|typing|end)$)}", [HttpMethods.Options], PreflightSession).ExcludeFromDescription();
        return chat;
    }

    private const string TokenNote = "Authorization: Bearer {customerToken} of this chat (401 without it, with another chat's, or once it expired).";

    private static async Task<Results<Created<OpenChatResponse>, ProblemHttpResult>> Open(
        string tenantId, string entryPointId, OpenChatRequest request, HttpContext http, IGrainFactory grains,
        IOptions<PublicChatOptions> options, [FromKeyedServices(SwitchboardClock.ServiceKey)] TimeProvider time, CancellationToken cancellationToken)
    {
        if (await grains.GetGrain<IChatEntryPointsGrain>(tenantId).Get(entryPointId, cancellationToken) is not { } entryPoint)
        {
            return ApiProblems.NotFound($"There is no web chat '{entryPointId}' here.");
        }

        var queue = await grains.GetGrain<Contracts.Queues.IQueueGrain>(GrainKeys.Queue(tenantId, entryPoint.QueueId)).Get(cancellationToken);
        if (queue is not { Config.Media: MediaType.Chat })
        {
            return ApiProblems.Conflict("This web chat is not taking chats now; try again later.");
        }

        var interactionId = IdPrefix + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        var guard = grains.GetGrain<IPublicChatGuardGrain>(GrainKeys.PublicChatGuard(tenantId, PublicChatLimits.AddressHash(http)));
        if (!await guard.TryReserve(interactionId, options.Value.OpenSessionsPerAddress, cancellationToken))
        {
            http.Response.Headers.RetryAfter = "60";
            return ApiProblems.Of(StatusCodes.Status429TooManyRequests,
                $"This address has {options.Value.OpenSessionsPerAddress} chats open here already; end one first.");
        }

        try
        {
            var (token, hash) = CustomerTokens.Issue(interactionId);
            var expiresAt = time.GetUtcNow().AddMinutes(options.Value.TokenMinutes);

            // The session first: a chat no customer could reach must never wait for an agent.
            await grains.GetGrain<IPublicChatSessionGrain>(GrainKeys.PublicChatSession(interactionId))
                .Open(new PublicChatSession(tenantId, entryPointId, hash, expiresAt, entryPoint.AllowedOrigins), cancellationToken);
            var interaction = grains.GetGrain<IInteractionGrain>(GrainKeys.Interaction(tenantId, interactionId));
            var name = request.Name!.Trim();
            var created = await interaction.Create(
                new CreateInteraction(MediaType.Chat, InteractionDirection.Inbound, entryPoint.QueueId, null, request.Email ?? name, null,
                    Domain.Routing.WaitingWork.DefaultPriority, "customer", name),
                cancellationToken);
            if (created.Outcome != InteractionOutcome.Applied)
            {
                await guard.Release(interactionId, CancellationToken.None);
                return ApiProblems.Conflict("This web chat is not taking chats now; try again later.");
            }

            try
            {
                // The chat exists: finish opening it even if the caller gives up, so no agent gets a chat without its start.
                if (entryPoint.Welcome is { } welcome)
                {
                    await interaction.PostMessage(new ChatPost(ChatSender.System, null, welcome, null), CancellationToken.None);
                }

                if (request.Message is { } first)
                {
                    await interaction.PostMessage(new ChatPost(ChatSender.Customer, null, first, null), CancellationToken.None);
                }
            }
            catch
            {
                // Its customer never got the token: the chat is left, so that no agent is offered a chat nobody is in.
                await interaction.CustomerLeaves(CancellationToken.None);
                throw;
            }

            return TypedResults.Created($"/v1/public/chat/sessions/{interactionId}", new OpenChatResponse(interactionId, token, expiresAt));
        }
        catch
        {
            await guard.Release(interactionId, CancellationToken.None);
            throw;
        }
    }

    private static async Task<Results<Ok<CustomerChatState>, ProblemHttpResult>> GetState(string interactionId, HttpContext http, IGrainFactory grains,
        [FromKeyedServices(SwitchboardClock.ServiceKey)] TimeProvider time, CancellationToken cancellationToken)
    {
        var customer = await CustomerSession.ResolveAsync(http, interactionId, grains, time, cancellationToken);
        if (customer.Problem is { } problem)
        {
            return problem;
        }

        var view = await customer.Interaction!.Get(cancellationToken);
        return TypedResults.Ok(new CustomerChatState(interactionId, CustomerChatState.StatusOf(view?.State), customer.Session!.ExpiresAt));
    }

    private static async Task<Results<Created<CustomerChatMessage>, ProblemHttpResult>> Send(string interactionId, CustomerMessageRequest request, HttpContext http,
        IGrainFactory grains, PublicChatLimits limits, [FromKeyedServices(SwitchboardClock.ServiceKey)] TimeProvider time, CancellationToken cancellationToken)
    {
        var customer = await CustomerSession.ResolveAsync(http, interactionId, grains, time, cancellationToken);
        if ((customer.Problem ?? limits.Message(http, interactionId)) is { } problem)
        {
            return problem;
        }

        var result = await customer.Interaction!.PostMessage(new ChatPost(ChatSender.Customer, null, request.Text!, null), cancellationToken);
        return result is { Outcome: InteractionOutcome.Applied, Message: { } message }
            ? TypedResults.Created($"/v1/public/chat/sessions/{interactionId}/messages", CustomerChatMessage.From(message))
            : ApiProblems.Conflict(result.Detail ?? "The chat takes no more messages.");
    }

    private static async Task<Results<Ok<Page<CustomerChatMessage>>, ProblemHttpResult>> Read(string interactionId, HttpContext http, IGrainFactory grains,
        [FromKeyedServices(SwitchboardClock.ServiceKey)] TimeProvider time, int? limit, string? cursor, CancellationToken cancellationToken)
    {
        if (!Paging.TryRead(MessageCursor, limit, cursor, out var pageSize, out var position, out var badPage))
        {
            return badPage;
        }

        long after = 0;
        if (position is not null && (!long.TryParse(position, NumberStyles.None, CultureInfo.InvariantCulture, out after) || after < 1 || after > ChatRules.MaxMessages))
        {
            return Paging.BadCursor();
        }

        var customer = await CustomerSession.ResolveAsync(http, interactionId, grains, time, cancellationToken);
        if (customer.Problem is { } problem)
        {
            return problem;
        }

        var page = await customer.Interaction!.GetMessages(after, pageSize, cancellationToken) ?? new ChatTranscriptPage([], null);
        return TypedResults.Ok(new Page<CustomerChatMessage>(
            [.. page.Messages.Select(CustomerChatMessage.From)],
            page.NextAfter is { } next ? Paging.Encode(MessageCursor, next.ToString(CultureInfo.InvariantCulture)) : null));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Typing(string interactionId, HttpContext http, IGrainFactory grains,
        PublicChatLimits limits, [FromKeyedServices(SwitchboardClock.ServiceKey)] TimeProvider time, CancellationToken cancellationToken)
    {
        var customer = await CustomerSession.ResolveAsync(http, interactionId, grains, time, cancellationToken);
        if ((customer.Problem ?? limits.Typing(http, interactionId)) is { } problem)
        {
            return problem;
        }

        var result = await customer.Interaction!.ShowTyping(ChatSender.Customer, null, cancellationToken);
        return result.Outcome == InteractionOutcome.Applied ? TypedResults.NoContent() : ApiProblems.Conflict(result.Detail ?? "The chat is over.");
    }

    private static async Task<Results<Ok<CustomerChatState>, ProblemHttpResult>> End(string interactionId, HttpContext http, IGrainFactory grains,
        [FromKeyedServices(SwitchboardClock.ServiceKey)] TimeProvider time, CancellationToken cancellationToken)
    {
        var customer = await CustomerSession.ResolveAsync(http, interactionId, grains, time, cancellationToken);
        if (customer.Problem is { } problem)
        {
            return problem;
        }

        await customer.Interaction!.CustomerLeaves(cancellationToken);
        return TypedResults.Ok(new CustomerChatState(interactionId, CustomerChatStatus.Ended, customer.Session!.ExpiresAt));
    }

    private static async Task Stream(HttpContext http, string? token, IGrainFactory grains, LiveHub hub, LiveSocketHandler handler,
        IOptions<PublicChatOptions> options, [FromKeyedServices(SwitchboardClock.ServiceKey)] TimeProvider time, CancellationToken cancellationToken)
    {
        var customer = await CustomerSession.ResolveAsync(http, token ?? CustomerTokens.FromHeader(http.Request), null, grains, time, cancellationToken);
        if (customer.Problem is { } problem)
        {
            await problem.ExecuteAsync(http);
            return;
        }

        var chat = customer.Session!;
        if (PublicCors.Origin(http) is { } origin && !ChatEntryPointRules.Allows(await PublicCorsMiddleware.AllowedOrigins(chat, grains, cancellationToken), origin))
        {
            await ProblemWriter.WriteAsync(http, StatusCodes.Status403Forbidden, $"Web chats here may not be used from '{RouteIds.Printable(origin)}'.");
            return;
        }

        if (!http.WebSockets.IsWebSocketRequest)
        {
            http.Response.Headers.Upgrade = "websocket";
            await ProblemWriter.WriteAsync(http, StatusCodes.Status426UpgradeRequired, "This endpoint is a WebSocket: send an upgrade request.");
            return;
        }

        if (await LiveApi.RefusedWhileStopping(http, hub))
        {
            return;
        }

        var caller = new Caller(chat.TenantId, CustomerKeyId, ApiKeyRole.Agent, AgentId: null);
        if (await hub.TryOpen(caller, customer.InteractionId, options.Value.SocketsPerChat) is not { } session)
        {
            http.Response.Headers.RetryAfter = "60";
            await ProblemWriter.WriteAsync(http, StatusCodes.Status429TooManyRequests,
                $"This chat already has {options.Value.SocketsPerChat} live sockets open; close one first.");
            return;
        }

        // The token cannot be revoked, only expire: the heartbeat checks the clock, not the store.
        var expiresAt = chat.ExpiresAt;
        var credential = new LiveCredential(_ => Task.FromResult(time.GetUtcNow() < expiresAt), LiveCloseCodes.TokenExpired, "the customer token expired");
        await handler.AcceptAndRun(http, session, credential);
    }

    private static async Task<IResult> PreflightOpen(HttpContext http, IGrainFactory grains, CancellationToken cancellationToken) =>
        PublicCors.Preflight(http, await PublicCorsMiddleware.AllowedOrigins(http, grains, cancellationToken));

    private static async Task<IResult> PreflightSession(HttpContext http, IGrainFactory grains, CancellationToken cancellationToken) =>
        PublicCors.Preflight(http, await PublicCorsMiddleware.AllowedOrigins(http, grains, cancellationToken));
}
