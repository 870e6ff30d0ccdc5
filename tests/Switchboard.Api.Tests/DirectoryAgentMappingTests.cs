using Switchboard.Api.StatusView;
using Switchboard.Contracts.Agents;
using Switchboard.Contracts.Live;
using Switchboard.Domain.Agents;
using Switchboard.Domain.Queues;

namespace Switchboard.Api.Tests;

/// <summary>A directory agent reads the same from the grain's presence and from a live event.</summary>
public sealed class DirectoryAgentMappingTests
{
    private static readonly DateTimeOffset Since = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(MediaType.Email, PresenceIcon.ReadingEmail)]
    [InlineData(MediaType.Voice, PresenceIcon.Busy)]
    public void Presence_and_live_event_give_the_same_agent(MediaType media, PresenceIcon icon)
    {
        var state = new AgentStateView(AgentState.Busy, null, Since, AgentState.Break, "lunch", 7);
        var capacity = new AgentCapacity(1, 4, 2, 0);
        var work = new AgentWorkload(new MediaLoad(0, 1), new MediaLoad(2, 4), new MediaLoad(media == MediaType.Email ? 1 : 0, 2), new MediaLoad(0, 0));
        var expected = new DirectoryAgent("a1", "Ada", "sales", AgentState.Busy, Since, null, icon, 7, work);
        IReadOnlyList<MediaType> active = media == MediaType.Email ? [MediaType.Chat, MediaType.Email, MediaType.Chat] : [MediaType.Chat, MediaType.Chat];

        Assert.Equal(expected, DirectoryAgent.From(new AgentPresence(new AgentProfile("a1", "Ada", "sales", capacity), state, media, active)));
        Assert.Equal(expected, DirectoryAgent.From(new AgentChanged("a1", "Ada", "sales", state, media, false, Since, null, null, null, ActiveMedia: active, Capacity: capacity)));
    }

    [Fact]
    public void An_agent_without_a_capacity_shows_the_defaults_and_nothing_in_hand()
    {
        var state = new AgentStateView(AgentState.Available, null, Since, null, null, 3);
        var agent = DirectoryAgent.From(new AgentPresence(new AgentProfile("a1", "Ada", null), state, null));

        Assert.Equal(new AgentWorkload(new MediaLoad(0, 1), new MediaLoad(0, 3), new MediaLoad(0, 2), new MediaLoad(0, 1)), agent.Work);
    }
}
