using Switchboard.Contracts.Agents;
using Switchboard.Contracts.Live;
using Switchboard.Grains.Live;

namespace Switchboard.Grains.Agents;

/// <summary>What consoles and webhooks hear of the agent: its live events, stored with each change and published once it is stored.</summary>
public sealed partial class AgentGrain
{
    private LiveOutbox<AgentChanged>? outbox;

    /// <summary>The events of stored changes not yet on the agents stream.</summary>
    private LiveOutbox<AgentChanged> Outbox => outbox ??= new(LiveStreams.Agents);

    /// <summary>
    /// The event that tells consoles (agent and directory topics) and webhooks of a change of state or profile, made as it
    /// is stored; its id comes from the change's number, so telling it again after a failure repeats the same event.
    /// </summary>
    private LiveEvent<AgentChanged> ChangeOf(AgentGrainState s, AgentProfile? before)
    {
        var profile = s.Profile ?? before;
        var entry = s.RecentHistory.Count > 0 && s.RecentHistory[^1].Sequence == s.Version ? s.RecentHistory[^1] : null;
        var change = new AgentChanged(agentId, profile?.DisplayName ?? agentId, profile?.Group, s.ToStatus().ToView(), CurrentWorkMedia(s), !s.Exists, time.GetUtcNow(),
            entry?.Actor, entry?.ActorId, entry?.Reason,
            before is not null && s.Profile is not null && before != s.Profile, before?.Group,
            s.ActiveMedia(), profile is null ? null : profile.Capacity.ToDomain().ToWire());
        return new LiveEvent<AgentChanged>(LivePublishing.EventId(LiveStreams.Agents, this.GetPrimaryKeyString(), s.NoticeSequence), change);
    }

    /// <summary>Publishes what waits, in order; what cannot be published now stays stored with the agent and is tried again.</summary>
    private Task PublishWaiting() => Outbox.Flush(this, tenantId, logger, PublishWaiting);

    /// <summary>After a failure, the events stored with changes whose publishing was not seen through.</summary>
    private Task TellAgainAfterFailure()
    {
        foreach (var waiting in state.State.Unpublished)
        {
            Outbox.Add(waiting, logger, tenantId);
        }

        return Outbox.Waiting.Count > 0 ? PublishWaiting() : Task.CompletedTask;
    }

    /// <summary>
    /// Lets go of the stored events that were published since, so that the next activation does not tell them again.
    /// Best effort: should it fail, they are told again with their ids, which sockets and webhook receivers keep once.
    /// </summary>
    private async Task ForgetPublished()
    {
        if (state.State.Unpublished.Count == Outbox.Waiting.Count)
        {
            return;
        }

        try
        {
            await state.WriteAsync(this, s => s.Unpublished = [.. Outbox.Waiting]);
        }
        catch (Exception)
        {
            // Logged by the write.
        }
    }
}
