using Switchboard.Api.Auth;
using Switchboard.Api.StatusView;
using Switchboard.Contracts;
using Switchboard.Contracts.Agents;
using Switchboard.Contracts.Alerts;
using Switchboard.Contracts.Auth;
using Switchboard.Contracts.Interactions;
using Switchboard.Contracts.Live;
using Switchboard.Contracts.PlatformChanges;
using Switchboard.Contracts.Queues;
using Switchboard.Contracts.Webhooks;
using Switchboard.Grains.Webhooks;
using Switchboard.Api.PlatformChanges;
using Switchboard.Api.Alerts;
using Switchboard.Api.Interactions;
using Switchboard.Api.Queues;
using Switchboard.Api.PublicChat;

namespace Switchboard.Api.Live;

/// <summary>
/// Who may subscribe to what, which feed serves it, and its snapshot. An agent key sees its own agent and interactions,
/// the queues it is a member of, the directory of its group, its alerts and platform notices; admins, supervisors and
/// integrations see the whole tenant. A customer's socket sees its own chat and nothing else.
/// </summary>
public sealed class LiveTopics(IGrainFactory grains, AgentDirectory directory)
{
    public async Task<TopicGrant> Grant(LiveSession session, LiveTopic topic, CancellationToken cancellationToken)
    {
        var caller = session.Caller;
        if (session.CustomerChatId is { } chatId)
        {
            return topic.Kind == LiveTopicKind.Chat && topic.Id == chatId
                ? new TopicGrant(LiveStreams.Interactions, LiveRoutes.Chat(chatId))
                : TopicGrant.Deny("forbidden", $"A customer token follows its own chat only: chat:{chatId}.");
        }

        var agentKey = caller.Role == ApiKeyRole.Agent;
        switch (topic.Kind)
        {
            case LiveTopicKind.Chat:
                return TopicGrant.Deny("forbidden", "chat:{interactionId} is the customer's topic (open with its customer token); consoles follow interactions:{agentId}.");

            case LiveTopicKind.Agent:
            case LiveTopicKind.Interactions:
                if (!caller.MayAccessAgent(topic.Id!))
                {
                    return TopicGrant.Deny("forbidden", "An agent key may only follow its own agent.");
                }

                if (await Agent(caller.TenantId, topic.Id!).Get(cancellationToken) is null)
                {
                    return TopicGrant.Deny("not-found", $"Agent '{topic.Id}' does not exist.");
                }

                return topic.Kind == LiveTopicKind.Agent
                    ? new TopicGrant(LiveStreams.Agents, LiveRoutes.Agent(topic.Id!))
                    : new TopicGrant(LiveStreams.Interactions, topic.Id!);

            case LiveTopicKind.Queue:
                if (agentKey)
                {
                    var queues = await Agent(caller.TenantId, caller.AgentId!).GetQueues(cancellationToken);
                    if (queues is null || !queues.Any(q => q.QueueId == topic.Id))
                    {
                        return TopicGrant.Deny("forbidden", $"An agent key may only follow the queues its agent is a member of; '{topic.Id}' is not one.");
                    }
                }

                if (await grains.GetGrain<IQueueGrain>(GrainKeys.Queue(caller.TenantId, topic.Id!)).Get(cancellationToken) is null)
                {
                    return TopicGrant.Deny("not-found", $"Queue '{topic.Id}' does not exist.");
                }

                return new TopicGrant(LiveStreams.Queues, topic.Id!);

            case LiveTopicKind.Directory:
                if (agentKey)
                {
                    // An agent sees the agents of its own group (those without one, if it has none).
                    var self = await Agent(caller.TenantId, caller.AgentId!).Get(cancellationToken);
                    if (self is null)
                    {
                        return TopicGrant.Deny("not-found", $"Agent '{caller.AgentId}' does not exist.");
                    }

                    session.AgentGroup = self.Profile.Group ?? AgentDirectory.NoGroup;
                    return new TopicGrant(LiveStreams.Agents, LiveRoutes.DirectoryGroup(session.AgentGroup));
                }

                return new TopicGrant(LiveStreams.Agents, LiveRoutes.DirectoryAll);

            case LiveTopicKind.Alerts:
                // An agent hears the broadcasts it is a recipient of; supervisors every broadcast of the tenant; the keys
                // that manage webhooks every broadcast and the alerts for admins too.
                return new TopicGrant(LiveStreams.Alerts, agentKey ? caller.AgentId! : ManagesWebhooks(caller.Role) ? LiveRoutes.Admins : LiveRoutes.All);

            default:
                return new TopicGrant(LiveStreams.Platform, LiveRoutes.All);
        }
    }

    public async Task<TopicSnapshot?> Snapshot(LiveSession session, LiveTopic topic, CancellationToken cancellationToken)
    {
        var tenantId = session.Caller.TenantId;
        switch (topic.Kind)
        {
            case LiveTopicKind.Agent:
            {
                var agent = Agent(tenantId, topic.Id!);
                var record = await agent.Get(cancellationToken);
                var state = await agent.GetState(cancellationToken);
                return record is null || state is null
                    ? null
                    : new TopicSnapshot(LiveAgentState.From(record.Profile, state), new Dictionary<string, long> { [topic.Id!] = state.Version });
            }

            case LiveTopicKind.Interactions:
            {
                var work = await Agent(tenantId, topic.Id!).GetCurrentWork(cancellationToken);
                var views = await Task.WhenAll(work.Select(id => grains.GetGrain<IInteractionGrain>(GrainKeys.Interaction(tenantId, id)).Get(cancellationToken)));
                return new TopicSnapshot(new LiveInteractionsSnapshot([.. views.OfType<InteractionView>().Select(InteractionResponse.FromView)]));
            }

            case LiveTopicKind.Queue:
            {
                var stats = await grains.GetGrain<IQueueRouterGrain>(GrainKeys.Queue(tenantId, topic.Id!)).GetStats(cancellationToken);
                return stats is null ? null : new TopicSnapshot(QueueStatsResponse.From(stats));
            }

            case LiveTopicKind.Directory:
            {
                var group = session.Caller.Role == ApiKeyRole.Agent ? session.AgentGroup ?? AgentDirectory.NoGroup : null;
                var agents = await directory.ListAsync(tenantId, group, cancellationToken);
                return new TopicSnapshot(new LiveDirectorySnapshot(agents), agents.ToDictionary(a => a.AgentId, a => a.Version, StringComparer.Ordinal));
            }

            case LiveTopicKind.Chat:
                return await ChatSnapshot(tenantId, topic.Id!, cancellationToken);

            case LiveTopicKind.Alerts when session.Caller.Role == ApiKeyRole.Agent:
            {
                var alerts = await grains.GetGrain<IAlertInboxGrain>(GrainKeys.AlertInbox(tenantId, session.Caller.AgentId!)).GetCurrent(cancellationToken);
                return new TopicSnapshot(new LiveAlertsSnapshot([.. alerts.Select(AlertResponse.From)], null));
            }

            case LiveTopicKind.Alerts:
            {
                var recent = await grains.GetGrain<IBroadcastIndexGrain>(tenantId).ListBefore(null, RecentBroadcasts, cancellationToken);
                var summaries = await Task.WhenAll(recent.Select(e => grains.GetGrain<IBroadcastGrain>(GrainKeys.Broadcast(tenantId, e.Id)).GetSummary(cancellationToken)));
                var broadcasts = summaries.OfType<BroadcastSummary>().Select(BroadcastSummaryResponse.From).ToList();
                return new TopicSnapshot(ManagesWebhooks(session.Caller.Role)
                    ? new LiveAlertsSnapshot(await AdminAlerts(tenantId, cancellationToken), broadcasts)
                    : new LiveAlertsSnapshot(null, broadcasts));
            }

            default:
            {
                var notices = await grains.GetGrain<IPlatformChangeIndexGrain>(tenantId).GetActiveNotices(cancellationToken);
                return new TopicSnapshot(new LivePlatformSnapshot([.. notices.Select(PlatformNoticeResponse.From)]));
            }
        }
    }

    /// <summary>The customer's view of the chat: its state, the agents in it by name, and its latest messages.</summary>
    private async Task<TopicSnapshot?> ChatSnapshot(string tenantId, string interactionId, CancellationToken cancellationToken)
    {
        var chat = grains.GetGrain<IInteractionGrain>(GrainKeys.Interaction(tenantId, interactionId));
        if (await chat.Get(cancellationToken) is not { } view)
        {
            return null;
        }

        var agents = await Task.WhenAll(view.Participants.Select(async id => new CustomerChatAgent((await Agent(tenantId, id).Get(cancellationToken))?.Profile.DisplayName)));
        var latest = await chat.GetLatestMessages(ChatSnapshotMessages, cancellationToken) ?? new Contracts.Chats.ChatTranscriptPage([], null);
        var lastSequence = latest.Messages.Count > 0 ? latest.Messages[^1].Sequence : 0;
        return new TopicSnapshot(
            new CustomerChatSnapshot(
                interactionId, CustomerChatState.StatusOf(view.State), agents, [.. latest.Messages.Select(CustomerChatMessage.From)],
                latest.Messages.Count > 0 && latest.Messages[0].Sequence > 1),
            new Dictionary<string, long>
            {
                [LiveEventMapping.TranscriptKey] = lastSequence,
                [LiveEventMapping.PresenceKey] = LiveEventMapping.PresenceVersion(view.Timeline.Count),
            });
    }

    /// <summary>How many of a chat's latest messages its customer's snapshot carries (older ones: GET …/messages).</summary>
    private const int ChatSnapshotMessages = 50;

    /// <summary>How many of the latest broadcasts a supervisor's <c>alerts</c> snapshot lists (older ones: <c>GET /v1/broadcasts</c>).</summary>
    private const int RecentBroadcasts = 50;

    /// <summary>Admin and integration keys: the ones that manage webhooks, and are alerted when one is disabled.</summary>
    private static bool ManagesWebhooks(ApiKeyRole role) => Roles.Integrators.Contains(Roles.Name(role));

    /// <summary>The alerts for admins that hold now: one per webhook endpoint Switchboard keeps disabled.</summary>
    private async Task<List<AlertResponse>> AdminAlerts(string tenantId, CancellationToken cancellationToken)
    {
        var ids = await grains.GetGrain<IWebhookDispatchGrain>(tenantId).ListEndpoints(cancellationToken);
        var endpoints = await Task.WhenAll(ids.Select(id => grains.GetGrain<IWebhookEndpointGrain>(GrainKeys.WebhookEndpoint(tenantId, id)).Get(cancellationToken)));
        return [.. endpoints.OfType<WebhookEndpoint>().Select(WebhookAlerts.Disabled).OfType<AlertView>()
            .OrderByDescending(a => a.SentAt).Select(a => AlertResponse.From(new InboxAlert(a, null)))];
    }

    private IAgentGrain Agent(string tenantId, string agentId) => grains.GetGrain<IAgentGrain>(GrainKeys.Agent(tenantId, agentId));
}
