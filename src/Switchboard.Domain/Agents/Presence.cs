using Switchboard.Domain.Queues;

namespace Switchboard.Domain.Agents;

/// <summary>How an agent shows in the status view: the media of its work and its icon. Pure, like the state machine.</summary>
public static class Presence
{
    /// <summary>
    /// The media the agent is working on, from the media of its active work (oldest first); null with no work. A call
    /// takes the agent's whole attention, so any voice work makes it voice; otherwise the work it took last.
    /// </summary>
    public static MediaType? WorkMedia(IReadOnlyList<MediaType> activeWorkMedia)
    {
        ArgumentNullException.ThrowIfNull(activeWorkMedia);
        if (activeWorkMedia.Count == 0)
        {
            return null;
        }

        return activeWorkMedia.Contains(MediaType.Voice) ? MediaType.Voice : activeWorkMedia[^1];
    }

    /// <summary>The icon of an agent in <paramref name="state"/> working on <paramref name="workMedia"/> (busy on email reads email).</summary>
    public static PresenceIcon Icon(AgentState state, MediaType? workMedia) => state switch
    {
        AgentState.Available => PresenceIcon.Available,
        AgentState.Busy => workMedia == MediaType.Email ? PresenceIcon.ReadingEmail : PresenceIcon.Busy,
        AgentState.WrapUp => PresenceIcon.WrapUp,
        AgentState.Offline => PresenceIcon.WorkingOffline,
        AgentState.Break => PresenceIcon.OnBreak,
        AgentState.LoggedOut => PresenceIcon.LoggedOut,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown agent state."),
    };
}
