using System.Text.Json;
using Microsoft.Extensions.Options;
using Switchboard.Contracts.Alerts;
using Switchboard.Contracts.Live;
using Switchboard.Api.StatusView;
using Switchboard.Api.Alerts;
using Switchboard.Api.Interactions;
using Switchboard.Api.Queues;
using Switchboard.Api.PlatformChanges;
using Switchboard.Api.PublicChat;
using Switchboard.Domain.Interactions;

namespace Switchboard.Api.Live;

/// <summary>Turns stream events into encoded socket events and the routes they go to. Each payload is serialized once.</summary>
public sealed class LiveEventMapping(IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> jsonOptions)
{
    private readonly JsonSerializerOptions json = jsonOptions.Value.SerializerOptions;

    public JsonSerializerOptions Json => json;

    /// <summary>The version key of a chat's messages on the customer's topic: their sequence in the transcript.</summary>
    public const string TranscriptKey = "transcript";

    /// <summary>
    /// The version key of who is in a chat, on the customer's topic: the length of the interaction's timeline times
    /// <see cref="PresenceStep"/>, plus the place of each message one change makes (a change may make several).
    /// </summary>
    public const string PresenceKey = "presence";

    public const long PresenceStep = 1000;

    /// <summary>The order key of an agent's state changes on its agent topic (the route is the agent's own).</summary>
    private const string AgentOrderKey = "state";

    /// <summary>The presence version a snapshot of a chat whose timeline has <paramref name="timelineLength"/> entries reflects.</summary>
    public static long PresenceVersion(int timelineLength) => (timelineLength * PresenceStep) + PresenceStep - 1;

    public IEnumerable<LiveFanOut> Map(AgentChanged e)
    {
        var state = LiveMessages.Body("agent:" + e.AgentId, LiveEventTypes.AgentStateChanged, e.At, LiveAgentState.From(e), json);
        // A deletion or a new name or group keeps the state version: never drop those as already seen.
        long? version = e.Deleted || e.ProfileChanged ? null : e.State.Version;
        // A change older than one the agent's topic already got (an event a killed silo read and Azure queues then gave
        // out again, late) is dropped: the console's state never goes back; one that skips versions resyncs it.
        yield return new LiveFanOut([LiveRoutes.Agent(e.AgentId)], new LiveDelivery(state, e.AgentId, version), version is null ? null : AgentOrderKey, version ?? 0, Consecutive: true);
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
        ChatPresence presence => Map(presence),
        _ => [],
    };

    /// <summary>
    /// A chat message or typing, to the <c>interactions:{agentId}</c> topic of each agent in the chat, and to the
    /// customer's <c>chat:{interactionId}</c> (every message; typing of agents only).
    /// </summary>
    public IEnumerable<LiveFanOut> Map(ChatActivity e)
    {
        var (type, data) = e.Message is { } message
            ? (LiveEventTypes.InteractionMessage, (object)ChatMessageResponse.From(e.InteractionId, message))
            : (LiveEventTypes.InteractionTyping, new ChatTypingResponse(e.InteractionId, e.TypingSender ?? ChatSender.Customer, e.TypingAgentId, e.At));
        foreach (var agentId in e.AgentIds)
        {
            yield return new LiveFanOut([agentId], new LiveDelivery(LiveMessages.Body("interactions:" + agentId, type, e.At, data, json)));
        }

        var topic = "chat:" + e.InteractionId;
        if (e.Message is { } said)
        {
            // Versioned by its place in the transcript: one the customer's snapshot already shows is not sent again.
            yield return new LiveFanOut([LiveRoutes.Chat(e.InteractionId)],
                new LiveDelivery(LiveMessages.Body(topic, LiveEventTypes.ChatMessage, e.At, CustomerChatMessage.From(said), json), TranscriptKey, said.Sequence));
        }
        else if (e.TypingSender == ChatSender.Agent)
        {
            yield return new LiveFanOut([LiveRoutes.Chat(e.InteractionId)],
                new LiveDelivery(LiveMessages.Body(topic, LiveEventTypes.ChatTyping, e.At, new CustomerChatTyping(e.InteractionId, ChatSender.Agent), json)));
        }
    }

    /// <summary>Agents joining or leaving a chat, or its end, to the customer's <c>chat:{interactionId}</c>.</summary>
    public IEnumerable<LiveFanOut> Map(ChatPresence e)
    {
        var topic = "chat:" + e.InteractionId;
        var route = LiveRoutes.Chat(e.InteractionId);
        var state = CustomerChatState.StatusOf(e.State);
        var version = e.Version * PresenceStep;
        foreach (var (agents, type) in new[] { (e.Left, LiveEventTypes.ChatAgentLeft), (e.Joined, LiveEventTypes.ChatAgentJoined) })
        {
            foreach (var agent in agents)
            {
                var change = new CustomerChatChange(e.InteractionId, state, new CustomerChatAgent(agent.DisplayName));
                yield return new LiveFanOut([route], new LiveDelivery(LiveMessages.Body(topic, type, e.At, change, json), PresenceKey, version++));
            }
        }

        if (e.Ended)
        {
            var end = new CustomerChatChange(e.InteractionId, CustomerChatStatus.Ended, null);
            yield return new LiveFanOut([route], new LiveDelivery(LiveMessages.Body(topic, LiveEventTypes.ChatEnded, e.At, end, json), PresenceKey, version));
        }
    }

    public IEnumerable<LiveFanOut> Map(InteractionChanged e)
    {
        var data = InteractionResponse.FromView(e.Interaction);
        foreach (var agentId in e.AgentIds)
        {
            var type = agentId == e.OfferedTo ? LiveEventTypes.InteractionOffered : LiveEventTypes.InteractionUpdated;
            yield return new LiveFanOut([agentId], new LiveDelivery(LiveMessages.Body("interactions:" + agentId, type, e.At, data, json)),
                e.Sequence > 0 ? e.Interaction.Id : null, e.Sequence);
        }
    }

    public IEnumerable<LiveFanOut> Map(AlertSent e)
    {
        var body = LiveMessages.Body("alerts", LiveEventTypes.AlertReceived, e.Alert.SentAt, AlertResponse.From(new InboxAlert(e.Alert, null)), json);
        // Supervisors and admins follow broadcasts going out; an agent's own alert (a task due) is the agent's alone; an
        // alert for admins reaches the keys that manage webhooks only.
        string[] routes = e.Alert.Audience.Admins ? [LiveRoutes.Admins]
            : e.Alert.TaskId is not null ? [.. e.Recipients]
            : [.. e.Recipients, LiveRoutes.All, LiveRoutes.Admins];
        yield return new LiveFanOut(routes, new LiveDelivery(body));
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
