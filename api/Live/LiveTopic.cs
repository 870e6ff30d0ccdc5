using Switchboard.Domain.Tenancy;

namespace Switchboard.Api.Live;

/// <summary>
/// A socket topic: <c>agent:{id}</c>, <c>interactions:{agentId}</c>, <c>queue:{id}</c>, <c>directory</c>, <c>alerts</c>,
/// <c>platform</c>; and <c>chat:{interactionId}</c> on a customer's socket.
/// </summary>
public sealed record LiveTopic(LiveTopicKind Kind, string? Id)
{
    public string Name => Id is null ? Prefix(Kind) : $"{Prefix(Kind)}:{Id}";

    public static bool TryParse(string? text, out LiveTopic topic)
    {
        topic = null!;
        if (string.IsNullOrEmpty(text) || text.Length > 200)
        {
            return false;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var (kind, id) = colon < 0 ? (text, null) : (text[..colon], text[(colon + 1)..]);
        LiveTopicKind? parsed = kind switch
        {
            "agent" when id is not null => LiveTopicKind.Agent,
            "interactions" when id is not null => LiveTopicKind.Interactions,
            "queue" when id is not null => LiveTopicKind.Queue,
            "directory" when id is null => LiveTopicKind.Directory,
            "alerts" when id is null => LiveTopicKind.Alerts,
            "platform" when id is null => LiveTopicKind.Platform,
            "chat" when id is not null => LiveTopicKind.Chat,
            _ => null,
        };
        if (parsed is not { } k || (id is not null && !Identifiers.IsValidId(id)))
        {
            return false;
        }

        topic = new LiveTopic(k, id);
        return true;
    }

    private static string Prefix(LiveTopicKind kind) => kind switch
    {
        LiveTopicKind.Agent => "agent",
        LiveTopicKind.Interactions => "interactions",
        LiveTopicKind.Queue => "queue",
        LiveTopicKind.Directory => "directory",
        LiveTopicKind.Alerts => "alerts",
        LiveTopicKind.Platform => "platform",
        LiveTopicKind.Chat => "chat",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
