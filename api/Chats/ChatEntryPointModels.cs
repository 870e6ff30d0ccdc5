using System.ComponentModel.DataAnnotations;
using Switchboard.Api.OpenApi;
using Switchboard.Contracts.Chats;
using Switchboard.Domain.Chats;
using Switchboard.Domain.Tenancy;

namespace Switchboard.Api.Chats;

/// <summary>A new web chat entry point.</summary>
/// <param name="Id">Its id (in the widget's URL): 1-64 letters, digits, '.', '_' or '-'.</param>
/// <param name="QueueId">The chat queue its chats wait in.</param>
/// <param name="AllowedOrigins">The websites allowed to open chats here, as browsers send them in Origin: "https://shop.example" (scheme, host and port; lower case; nothing after). 1-20.</param>
/// <param name="Welcome">Shown to the customer first, as the chat's first message; 1-1,000 characters, plain text.</param>
[WireExample("""{"id":"web","queueId":"support-chat","allowedOrigins":["https://shop.example"],"welcome":"Ciao! Come possiamo aiutarti?"}""")]
public sealed record CreateChatEntryPointRequest(
    [property: Required] string? Id,
    [property: Required] string? QueueId,
    [property: Required] IReadOnlyList<string?>? AllowedOrigins,
    string? Welcome) : IValidatedRequest
{
    public void Validate(ValidationErrors errors)
    {
        errors.Check(Identifiers.IsValidId(Id), "id", $"id is required: 1-{Identifiers.MaxIdLength} letters, digits, '.', '_' or '-', starting with a letter or digit.");
        ChatEntryPointChecks.Check(errors, QueueId, AllowedOrigins, Welcome);
    }
}

/// <summary>An entry point's settings, replaced as a whole.</summary>
/// <param name="QueueId">The chat queue its chats wait in.</param>
/// <param name="AllowedOrigins">The websites allowed to open chats here (see create). 1-20.</param>
/// <param name="Welcome">Shown to the customer first; null for none.</param>
[WireExample("""{"queueId":"support-chat","allowedOrigins":["https://shop.example","https://www.shop.example"],"welcome":"Ciao! Come possiamo aiutarti?"}""")]
public sealed record ReplaceChatEntryPointRequest(
    [property: Required] string? QueueId,
    [property: Required] IReadOnlyList<string?>? AllowedOrigins,
    string? Welcome) : IValidatedRequest
{
    public void Validate(ValidationErrors errors) => ChatEntryPointChecks.Check(errors, QueueId, AllowedOrigins, Welcome);
}

/// <summary>A web chat entry point.</summary>
/// <param name="Id">Its id.</param>
/// <param name="QueueId">The chat queue its chats wait in.</param>
/// <param name="AllowedOrigins">The websites allowed to open chats here.</param>
/// <param name="Welcome">The customer's first message from us, if any.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="UpdatedAt">When it last changed.</param>
[WireExample("""{"id":"web","queueId":"support-chat","allowedOrigins":["https://shop.example"],"welcome":"Ciao! Come possiamo aiutarti?","createdAt":"2026-11-25T09:00:00+00:00","updatedAt":"2026-11-25T09:00:00+00:00"}""")]
public sealed record ChatEntryPointResponse(string Id, string QueueId, IReadOnlyList<string> AllowedOrigins, string? Welcome, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static ChatEntryPointResponse From(ChatEntryPoint e) => new(e.Id, e.QueueId, e.AllowedOrigins, e.Welcome, e.CreatedAt, e.UpdatedAt);
}

/// <summary>All of a tenant's entry points, by id (at most 100, so not paged).</summary>
public sealed record ChatEntryPointList(IReadOnlyList<ChatEntryPointResponse> Items);

/// <summary>The rules an entry point's settings follow, short of its queue existing.</summary>
internal static class ChatEntryPointChecks
{
    public static void Check(ValidationErrors errors, string? queueId, IReadOnlyList<string?>? origins, string? welcome)
    {
        errors.Check(Identifiers.IsValidId(queueId), "queueId", $"queueId is required: a chat queue's id, 1-{Identifiers.MaxIdLength} letters, digits, '.', '_' or '-'.");
        if (errors.Check(origins is { Count: >= 1 and <= ChatEntryPointRules.MaxOrigins }, "allowedOrigins",
            $"allowedOrigins is required: 1-{ChatEntryPointRules.MaxOrigins} origins such as \"https://shop.example\"."))
        {
            for (var i = 0; i < origins!.Count; i++)
            {
                errors.Check(ChatEntryPointRules.IsValidOrigin(origins[i]), $"allowedOrigins[{i}]",
                    "An origin is how a browser names a site: http(s)://host[:port] in lower case, with nothing after it (no path, not even '/').");
            }

            errors.Check(origins.Distinct(StringComparer.Ordinal).Count() == origins.Count, "allowedOrigins", "allowedOrigins lists an origin twice.");
        }

        if (welcome is not null)
        {
            errors.Check(ChatEntryPointRules.IsValidWelcome(welcome), "welcome",
                $"welcome must be 1-{ChatEntryPointRules.MaxWelcomeLength} characters of plain text; line breaks and tabs are the only control characters allowed.");
        }
    }
}
