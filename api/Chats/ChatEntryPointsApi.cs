using Switchboard.Api.Auth;
using Switchboard.Contracts.Chats;
using Switchboard.Domain.Chats;
using Switchboard.Domain.Queues;

namespace Switchboard.Api.Chats;

/// <summary><c>/v1/chat/entry-points</c>: where websites open web chats (admins write, tenant readers read).</summary>
public static class ChatEntryPointsApi
{
    public static RouteGroupBuilder MapChatEntryPointsApi(this RouteGroupBuilder v1)
    {
        var entryPoints = v1.MapGroup("/chat/entry-points").WithTags("Web chat");

        entryPoints.MapPost("/", Create)
            .RequireAuthorization(Policies.Admin)
            .WithName("CreateChatEntryPoint")
            .WithSummary("Create a web chat entry point")
            .WithDescription("A website's chat widget opens sessions at POST /v1/public/chat/{tenantId}/{id}/sessions; browsers are answered (CORS) " +
                "only from allowedOrigins, and the chats wait in queueId, which must be a chat queue. Repeating the same request returns 200; " +
                "another entry point with the same id is a 409.")
            .ProducesStandardProblems(StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);

        entryPoints.MapGet("/", List)
            .RequireAuthorization(Policies.TenantReader)
            .WithName("ListChatEntryPoints")
            .WithSummary("List the web chat entry points")
            .ProducesStandardProblems();

        entryPoints.MapGet("/{entryPointId}", Get)
            .RequireAuthorization(Policies.TenantReader)
            .WithName("GetChatEntryPoint")
            .WithSummary("Get a web chat entry point")
            .ProducesStandardProblems(StatusCodes.Status404NotFound);

        entryPoints.MapPut("/{entryPointId}", Replace)
            .RequireAuthorization(Policies.Admin)
            .WithName("ReplaceChatEntryPoint")
            .WithSummary("Replace a web chat entry point's settings")
            .WithDescription("New sessions use them at once; chats already open go on in the queue they were opened into.")
            .ProducesStandardProblems(StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);

        entryPoints.MapDelete("/{entryPointId}", Delete)
            .RequireAuthorization(Policies.Admin)
            .WithName("DeleteChatEntryPoint")
            .WithSummary("Delete a web chat entry point")
            .WithDescription("No new sessions open there; chats already open go on.")
            .ProducesStandardProblems(StatusCodes.Status404NotFound);

        return entryPoints;
    }

    private static async Task<Results<Created<ChatEntryPointResponse>, Ok<ChatEntryPointResponse>, ProblemHttpResult>> Create(
        CreateChatEntryPointRequest request, [AsParameters] TenantContext tenant)
    {
        if (await CheckQueue(request.QueueId!, tenant) is { } problem)
        {
            return problem;
        }

        var write = await EntryPoints(tenant).Create(request.Id!, request.QueueId!, [.. request.AllowedOrigins!.Select(o => o!)], request.Welcome, tenant.CancellationToken);
        return write.Outcome switch
        {
            ChatEntryPointWriteOutcome.Created => TypedResults.Created($"/v1/chat/entry-points/{request.Id}", ChatEntryPointResponse.From(write.EntryPoint!)),
            ChatEntryPointWriteOutcome.AlreadyExists => TypedResults.Ok(ChatEntryPointResponse.From(write.EntryPoint!)),
            ChatEntryPointWriteOutcome.TooMany => ApiProblems.Conflict($"A tenant has at most {ChatEntryPointRules.MaxEntryPoints} web chat entry points; delete one first."),
            _ => ApiProblems.Conflict($"Entry point '{request.Id}' already exists with other settings; PUT it instead."),
        };
    }

    private static async Task<Ok<ChatEntryPointList>> List([AsParameters] TenantContext tenant) =>
        TypedResults.Ok(new ChatEntryPointList([.. (await EntryPoints(tenant).List(tenant.CancellationToken)).Select(ChatEntryPointResponse.From)]));

    private static async Task<Results<Ok<ChatEntryPointResponse>, ProblemHttpResult>> Get(string entryPointId, [AsParameters] TenantContext tenant) =>
        await EntryPoints(tenant).Get(entryPointId, tenant.CancellationToken) is { } entryPoint
            ? TypedResults.Ok(ChatEntryPointResponse.From(entryPoint))
            : NotFound(entryPointId);

    private static async Task<Results<Ok<ChatEntryPointResponse>, ProblemHttpResult>> Replace(
        string entryPointId, ReplaceChatEntryPointRequest request, [AsParameters] TenantContext tenant)
    {
        if (await EntryPoints(tenant).Get(entryPointId, tenant.CancellationToken) is null)
        {
            return NotFound(entryPointId);
        }

        if (await CheckQueue(request.QueueId!, tenant) is { } problem)
        {
            return problem;
        }

        var write = await EntryPoints(tenant).Replace(entryPointId, request.QueueId!, [.. request.AllowedOrigins!.Select(o => o!)], request.Welcome, tenant.CancellationToken);
        return write.EntryPoint is { } replaced ? TypedResults.Ok(ChatEntryPointResponse.From(replaced)) : NotFound(entryPointId);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(string entryPointId, [AsParameters] TenantContext tenant) =>
        await EntryPoints(tenant).Delete(entryPointId, tenant.CancellationToken) ? TypedResults.NoContent() : NotFound(entryPointId);

    /// <summary>The queue must exist and carry chats (422 on queueId otherwise).</summary>
    private static async Task<ProblemHttpResult?> CheckQueue(string queueId, TenantContext tenant)
    {
        var queue = await tenant.Queue(queueId).Get(tenant.CancellationToken);
        return queue switch
        {
            null => ApiProblems.Invalid("queueId", $"Queue '{queueId}' does not exist."),
            { Config.Media: not MediaType.Chat } => ApiProblems.Invalid("queueId", $"Queue '{queueId}' carries {queue.Config.Media.ToString().ToLowerInvariant()}, not chat."),
            _ => null,
        };
    }

    private static ProblemHttpResult NotFound(string entryPointId) => ApiProblems.NotFound($"Chat entry point '{entryPointId}' does not exist.");

    private static IChatEntryPointsGrain EntryPoints(TenantContext tenant) => tenant.Tenant<IChatEntryPointsGrain>();
}
