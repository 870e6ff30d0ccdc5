using Switchboard.Contracts;
using Switchboard.Contracts.Interactions;
using Switchboard.Contracts.Live;
using Switchboard.Contracts.Chats;
using Switchboard.Contracts.Preferences;
using Switchboard.Domain.Interactions;
using Switchboard.Domain.Queues;
using Switchboard.Grains.Live;

namespace Switchboard.Grains.Interactions;

/// <summary>What others see of the interaction: the consoles of the agents it concerns, their recents, and the list index.</summary>
public sealed partial class InteractionGrain
{
    /// <summary>
    /// Lists the interaction in the index of its creation hour. A failure is not the caller's problem (the interaction
    /// exists): the interaction's reminder stays until it is listed and tries again at each tick, as does its next
    /// activation. The flag is written with the next change, or at once when <paramref name="remember"/> (a retry, after
    /// which there may be no next change: a settled interaction would be listed again at every activation).
    /// </summary>
    private async Task EnsureIndexed(bool remember = false)
    {
        if (state.State.Indexed || state.State.Record is not { } record)
        {
            return;
        }

        try
        {
            var shard = GrainKeys.InteractionIndexShard(interactionId);
            await GrainFactory.GetGrain<IInteractionIndexGrain>(GrainKeys.InteractionIndex(tenantId, record.CreatedAt, shard)).Add(new IndexedInteraction(interactionId, record.CreatedAt));
            if (remember)
            {
                await state.WriteAsync(this, s => s.Indexed = true);
            }
            else
            {
                state.State.Indexed = true;
            }
        }
        catch (Exception exception)
        {
            InteractionLog.IndexFailed(logger, exception, tenantId, interactionId);
        }
    }

    /// <summary>The live events of stored changes and messages not yet on the interactions stream.</summary>
    private LiveOutbox<InteractionLiveEvent> Outbox => outbox ??= new(LiveStreams.Interactions);

    private LiveOutbox<InteractionLiveEvent>? outbox;

    /// <summary>What the live events of a change need besides the record after it; stored with the change.</summary>
    private InteractionChangeMark MarkOf(InteractionRecord? before, InteractionRecord after, DateTimeOffset at)
    {
        // Every change, also one no agent's console hears of (queued, abandoned): webhooks report them all.
        var agents = ConcernedAgents(before).Union(ConcernedAgents(after), StringComparer.Ordinal).ToList();
        var offeredTo = after.Offer is { } offer && (before?.Offer is not { } old || old.AgentId != offer.AgentId || old.OfferedAt != offer.OfferedAt)
            ? offer.AgentId
            : null;
        return new InteractionChangeMark((state.State.LastChange?.Sequence ?? 0) + 1, at, agents, offeredTo, before?.State, ChatRules.PresenceChange(before, after));
    }

    /// <summary>
    /// Tells the consoles of the agents it concerns, before and after the stored change, that it changed: the agent it was
    /// just offered to sees <c>interaction.offered</c>, the others <c>interaction.updated</c>; and the tenant's webhooks.
    /// Then a chat's customer, who so never hears of an agent before the agent's console does. Before the effects run, so
    /// an offer reaches the agent's console as soon as it is stored. Built from the record as stored, so the same events
    /// (same ids) are told again after a failure.
    /// </summary>
    private async Task AddChange(InteractionChangeMark mark)
    {
        var record = state.State.Record!;
        var key = this.GetPrimaryKeyString();
        Outbox.Add(new LiveEvent<InteractionLiveEvent>(
            LivePublishing.EventId(LiveStreams.Interactions, key, mark.Sequence),
            new InteractionChanged(record.ToView(), mark.AgentIds, mark.OfferedTo, mark.At, mark.PreviousState, mark.Sequence)), logger, tenantId);
        if (mark.Presence is { } change)
        {
            var presence = new ChatPresence(
                interactionId, await ChatAgentsNamed(change.Joined), await ChatAgentsNamed(change.Left), record.State, change.Ended, mark.At, record.Timeline.Count);
            Outbox.Add(new LiveEvent<InteractionLiveEvent>(LivePublishing.EventId(LiveStreams.Interactions, key, mark.Sequence, part: 1), presence), logger, tenantId);
        }
    }

    /// <summary>A chat message's live event, whose id comes from its place in the transcript.</summary>
    private void AddMessage(ChatMessage message, DateTimeOffset at) =>
        Outbox.Add(new LiveEvent<InteractionLiveEvent>(
            LivePublishing.EventId(ChatMessageEvents, this.GetPrimaryKeyString(), message.Sequence),
            new ChatActivity(interactionId, ChatAgents(state.State.Record!), message, null, null, at)), logger, tenantId);

    private const string ChatMessageEvents = "chat-message";

    /// <summary>
    /// Publishes what waits, in order. Events that cannot be published now are stored with the interaction (so they
    /// outlive this activation) and tried again with the next change, on the reminder and on the next activation; once all
    /// are out, the stored ones are let go. A failure to store either is logged and left to the next write.
    /// </summary>
    private async Task PublishWaiting()
    {
        var published = await Outbox.Flush(this, tenantId, logger, PublishWaiting);
        var stored = state.State.Unpublished;
        if (published ? stored.Count == 0 : stored.Select(e => e.Id).SequenceEqual(Outbox.Waiting.Select(e => e.Id)))
        {
            return;
        }

        try
        {
            await state.WriteAsync(this, s => s.Unpublished = [.. Outbox.Waiting]);
        }
        catch (Exception)
        {
            // Logged by the write; the events wait in memory and go into the next write.
        }
    }

    /// <summary>
    /// After a failure, the events that were waiting, and those of the last change and chat message unless this
    /// activation can tell they were published: the previous activation ended in order and said so, or the interaction is
    /// settled and no longer has its reminder (a change stores with its reminder registered and unregisters it only after
    /// publishing). Told again, they keep their ids. A failure to read what is needed is logged, not thrown: activation
    /// goes on, and the waiting events are tried again later.
    /// </summary>
    private async Task TellAgainAfterFailure(CancellationToken cancellationToken)
    {
        try
        {
            var record = state.State.Record!;
            foreach (var waiting in state.State.Unpublished)
            {
                Outbox.Add(waiting, logger, tenantId);
            }

            var mark = state.State.LastChange is { } last && last.Sequence > state.State.ToldThrough ? last : null;
            var chat = record.Media == MediaType.Chat;
            if ((mark is not null || chat) && await MayBeUntold(record))
            {
                var message = chat && await MessageCount(record, cancellationToken) is var count && count > state.State.ToldMessages
                    ? (await GetMessages(count - 1, 1, cancellationToken))?.Messages.FirstOrDefault()
                    : null;
                if (message is not null && (mark is null || message.At <= mark.At))
                {
                    AddMessage(message, message.At);
                }

                if (mark is not null)
                {
                    await AddChange(mark);
                }

                if (message is not null && mark is not null && message.At > mark.At)
                {
                    AddMessage(message, message.At);
                }
            }

            if (Outbox.Waiting.Count > 0)
            {
                await PublishWaiting();
            }
        }
        catch (Exception exception)
        {
            InteractionLog.EffectFailed(logger, exception, tenantId, interactionId, nameof(TellAgainAfterFailure));
        }
    }

    private async Task<bool> MayBeUntold(InteractionRecord record)
    {
        if (!Settled(record))
        {
            return true;
        }

        reminderActive ??= await this.GetReminder(ReminderName) is not null;
        return reminderActive.Value;
    }

    /// <summary>
    /// As an activation ends in order: what is known published, so the next activation does not tell it again, and what
    /// still waits. Not for an interaction settled without its reminder, which the next activation knows to be told.
    /// Best effort: should it fail, the next activation tells the last change again, with its id.
    /// </summary>
    private async Task RememberTold()
    {
        if (state.State.Record is not { } record || (Settled(record) && reminderActive == false && Outbox.Waiting.Count == 0))
        {
            return;
        }

        var allTold = Outbox.Waiting.Count == 0;
        var through = allTold ? state.State.LastChange?.Sequence ?? 0 : state.State.ToldThrough;
        var messages = allTold ? messageCount ?? state.State.ToldMessages : state.State.ToldMessages;
        if (through == state.State.ToldThrough && messages == state.State.ToldMessages && state.State.Unpublished.Count == Outbox.Waiting.Count
            && recordedThrough == state.State.RecordedThrough && messagesRecorded == state.State.MessagesRecorded)
        {
            return;
        }

        try
        {
            await state.WriteAsync(this, s =>
            {
                s.ToldThrough = through;
                s.ToldMessages = messages;
                s.Unpublished = [.. Outbox.Waiting];
                s.RecordedThrough = recordedThrough;
                s.MessagesRecorded = messagesRecorded;
            });
        }
        catch (Exception)
        {
            // Logged by the write.
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
