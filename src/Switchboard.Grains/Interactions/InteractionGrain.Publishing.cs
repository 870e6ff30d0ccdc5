using Switchboard.Contracts;
using Switchboard.Contracts.Interactions;
using Switchboard.Contracts.Live;
using Switchboard.Contracts.Preferences;
using Switchboard.Domain.Interactions;
using Switchboard.Grains.Live;

namespace Switchboard.Grains.Interactions;

/// <summary>What others see of the interaction: the consoles of the agents it concerns, their recents, and the list index.</summary>
public sealed partial class InteractionGrain
{
    /// <summary>
    /// Lists the interaction in the index of its creation hour. A failure is not the caller's problem (the interaction
    /// exists): it is retried on the next activation, and the flag is written with the next change.
    /// </summary>
    private async Task EnsureIndexed()
    {
        if (state.State.Indexed || state.State.Record is not { } record)
        {
            return;
        }

        try
        {
            var shard = GrainKeys.InteractionIndexShard(interactionId);
            await GrainFactory.GetGrain<IInteractionIndexGrain>(GrainKeys.InteractionIndex(tenantId, record.CreatedAt, shard)).Add(new IndexedInteraction(interactionId, record.CreatedAt));
            state.State.Indexed = true;
        }
        catch (Exception exception)
        {
            InteractionLog.IndexFailed(logger, exception, tenantId, interactionId);
        }
    }

    /// <summary>
    /// Tells the consoles of the agents it concerns, before and after the change, that it changed: the agent it was just
    /// offered to sees <c>interaction.offered</c>, the others <c>interaction.updated</c>; and the tenant's webhooks. Before
    /// the effects run, so an offer reaches the agent's console as soon as it is stored.
    /// </summary>
    private async Task PublishChange(InteractionRecord? before, InteractionRecord after)
    {
        // Every change, also one no agent's console hears of (queued, abandoned): webhooks report them all.
        var agents = ConcernedAgents(before).Union(ConcernedAgents(after), StringComparer.Ordinal).ToList();
        var offeredTo = after.Offer is { } offer && (before?.Offer is not { } old || old.AgentId != offer.AgentId || old.OfferedAt != offer.OfferedAt)
            ? offer.AgentId
            : null;
        await this.PublishLive<InteractionLiveEvent>(
            LiveStreams.Interactions, tenantId, new InteractionChanged(after.ToView(), agents, offeredTo, time.GetUtcNow(), before?.State), logger);

        // Then the chat's customer, who so never hears of an agent before the agent's console does.
        if (ChatRules.PresenceChange(before, after) is { } change)
        {
            var presence = new ChatPresence(
                interactionId, await ChatAgentsNamed(change.Joined), await ChatAgentsNamed(change.Left), after.State, change.Ended, time.GetUtcNow(), after.Timeline.Count);
            await this.PublishLive<InteractionLiveEvent>(LiveStreams.Interactions, tenantId, presence, logger);
        }
    }

    /// <summary>The agents with the names the customer is shown; a name that cannot be read now is left out, never the event.</summary>
    private async Task<IReadOnlyList<ChatAgent>> ChatAgentsNamed(IReadOnlyList<string> agentIds)
    {
        var named = new List<ChatAgent>(agentIds.Count);
        foreach (var agentId in agentIds)
        {
            string? name = null;
            try
            {
                name = (await Agent(agentId).Get(CancellationToken.None))?.Profile.DisplayName;
            }
            catch (Exception exception)
            {
                InteractionLog.EffectFailed(logger, exception, tenantId, interactionId, nameof(ChatAgentsNamed));
            }

            named.Add(new ChatAgent(agentId, name));
        }

        return named;
    }

    /// <summary>The agents an interaction is on the console of: offered to, handling, in it, consulted, wrapping up.</summary>
    private static IEnumerable<string> ConcernedAgents(InteractionRecord? r)
    {
        if (r is null)
        {
            yield break;
        }

        if (r.Offer is { } offer)
        {
            yield return offer.AgentId;
        }

        if (r.Handler is { } handler)
        {
            yield return handler;
        }

        foreach (var participant in r.Participants)
        {
            yield return participant;
        }

        if (r.Consult?.AgentId is { } consulted)
        {
            yield return consulted;
        }

        foreach (var wrapUp in r.WrapUps.Where(w => w.CompletedAt is null))
        {
            yield return wrapUp.AgentId;
        }
    }

    /// <summary>
    /// A transfer or consult goes to the recents of the agents on both ends. One way (the preferences grain calls nobody
    /// back) and not in the outbox: a report lost with a failure costs a console convenience, never a call.
    /// </summary>
    private void RecordRecents(string agentId, TargetKind kind, string targetId, DateTimeOffset at)
    {
        switch (kind)
        {
            case TargetKind.Queue:
                Preferences(agentId).RecordRecent(DirectoryKind.Queue, targetId, at).Ignore();
                break;
            case TargetKind.Agent:
                Preferences(agentId).RecordRecent(DirectoryKind.Agent, targetId, at).Ignore();
                Preferences(targetId).RecordRecent(DirectoryKind.Agent, agentId, at).Ignore();
                break;
            default:
                break; // an external number is not in the directory
        }
    }
}
