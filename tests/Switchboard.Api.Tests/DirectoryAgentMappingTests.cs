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
        var expected = new DirectoryAgent("a1", "Ada", "sales", AgentState.Busy, Since, null, icon, 7);

        Assert.Equal(expected, DirectoryAgent.From(new AgentPresence(new AgentProfile("a1", "Ada", "sales"), state, media)));
        Assert.Equal(expected, DirectoryAgent.From(new AgentChanged("a1", "Ada", "sales", state, media, false, Since, null, null, null)));
    }
}
