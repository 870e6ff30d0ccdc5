using System.Text.Json;
using Microsoft.Extensions.Options;
using Switchboard.Contracts.Alerts;
using Switchboard.Contracts.Live;
using Switchboard.Api.StatusView;
using Switchboard.Api.Alerts;
using Switchboard.Api.Interactions;
using Switchboard.Api.Queues;
using Switchboard.Api.PlatformChanges;

namespace Switchboard.Api.Live;

/// <summary>Turns stream events into encoded socket events and the routes they go to. Each payload is serialized once.</summary>
public sealed class LiveEventMapping(IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> jsonOptions)
{
    private readonly JsonSerializerOptions json = jsonOptions.Value.SerializerOptions;

    public JsonSerializerOptions Json => json;

    public IEnumerable<LiveFanOut> Map(AgentChanged e)
    {
        var state = LiveMessages.Body("agent:" + e.AgentId, LiveEventTypes.AgentStateChanged, e.At, LiveAgentState.From(e), json);
        // A deletion or a new name or group keeps the state version: never drop those as already seen.
        long? version = e.Deleted || e.ProfileChanged ? null : e.State.Version;
        yield return new LiveFanOut([LiveRoutes.Agent(e.AgentId)], new LiveDelivery(state, e.AgentId, version));
        var entry = e.Deleted
            ? LiveMessages.Body("directory", LiveEventTypes.DirectoryAgentRemoved, e.At, new LiveDirectoryRemoval(e.AgentId), json)
            : LiveMessages.Body("directory", LiveEventTypes.DirectoryAgentChanged, e.At, DirectoryAgent.From(e), json);
        yield return new LiveFanOut([LiveRoutes.DirectoryGroup(e.Group), LiveRoutes.DirectoryAll], new LiveDelivery(entry, e.AgentId, version));
        if (e.ProfileChanged && !e.Deleted && e.PreviousGroup != e.Group)
        {
            // Moved to another group: it leaves the old group's directory.
            var left = LiveMessages.Body("directory", LiveEventTypes.DirectoryAgentRemoved, e.At, new LiveDirectoryRemoval(e.AgentId), json);
            yield return new LiveFanOut([LiveRoutes.DirectoryGroup(e.PreviousGroup)], new LiveDelivery(left, e.AgentId, null));
        }
    }

    public IEnumerable<LiveFanOut> Map(InteractionLiveEvent e) => e switch
    {
        InteractionChanged changed => Map(changed),
        ChatActivity chat => Map(chat),
        _ => [],
    };

    /// <summary>A chat message or typing, to the <c>interactions:{agentId}</c> topic of each agent in the chat.</summary>
    public IEnumerable<LiveFanOut> Map(ChatActivity e)
    {
        var (type, data) = e.Message is { } message
            ? (LiveEventTypes.InteractionMessage, (object)ChatMessageResponse.From(e.InteractionId, message))
            : (LiveEventTypes.InteractionTyping, new ChatTypingResponse(e.InteractionId, e.TypingSender ?? Domain.Interactions.ChatSender.Customer, e.TypingAgentId, e.At));
        foreach (var agentId in e.AgentIds)
        {
            yield return new LiveFanOut([agentId], new LiveDelivery(LiveMessages.Body("interactions:" + agentId, type, e.At, data, json)));
        }
    }

    public IEnumerable<LiveFanOut> Map(InteractionChanged e)
    {
        var data = InteractionResponse.FromView(e.Interaction);
        foreach (var agentId in e.AgentIds)
        {
            var type = agentId == e.OfferedTo ? LiveEventTypes.InteractionOffered : LiveEventTypes.InteractionUpdated;
            yield return new LiveFanOut([agentId], new LiveDelivery(LiveMessages.Body("interactions:" + agentId, type, e.At, data, json)));
        }
    }

    public IEnumerable<LiveFanOut> Map(AlertSent e)
    {
        var body = LiveMessages.Body("alerts", LiveEventTypes.AlertReceived, e.Alert.SentAt, AlertResponse.From(new InboxAlert(e.Alert, null)), json);
        yield return new LiveFanOut([.. e.Recipients, LiveRoutes.All], new LiveDelivery(body));
    }

    public IEnumerable<LiveFanOut> Map(PlatformNoticeSent e)
    {
        var body = LiveMessages.Body("platform", LiveEventTypes.PlatformNotice, e.Notice.SentAt, PlatformNoticeResponse.From(e.Notice), json);
        yield return new LiveFanOut([LiveRoutes.All], new LiveDelivery(body));
    }

    public IEnumerable<LiveFanOut> Map(QueueStatsChanged e)
    {
        var body = LiveMessages.Body("queue:" + e.Stats.QueueId, LiveEventTypes.QueueStats, e.Stats.At, QueueStatsResponse.From(e.Stats), json);
        yield return new LiveFanOut([e.Stats.QueueId], new LiveDelivery(body));
    }
}
