using System.Text.Json;
using Switchboard.Domain.Agents;
using Switchboard.Domain.Interactions;
using Switchboard.Domain.Queues;

namespace Switchboard.Domain.Tests;

/// <summary>The status view's icons and work media, and the media the start-work effect carries.</summary>
public sealed class PresenceTests
{
    [Theory]
    [InlineData(AgentState.Available, null, PresenceIcon.Available)]
    [InlineData(AgentState.Busy, MediaType.Voice, PresenceIcon.Busy)]
    [InlineData(AgentState.Busy, MediaType.Chat, PresenceIcon.Busy)]
    [InlineData(AgentState.Busy, MediaType.Email, PresenceIcon.ReadingEmail)]
    [InlineData(AgentState.Busy, null, PresenceIcon.Busy)]
    [InlineData(AgentState.WrapUp, MediaType.Email, PresenceIcon.WrapUp)]
    [InlineData(AgentState.Offline, null, PresenceIcon.WorkingOffline)]
    [InlineData(AgentState.Break, null, PresenceIcon.OnBreak)]
    [InlineData(AgentState.LoggedOut, null, PresenceIcon.LoggedOut)]
    public void Every_state_has_its_icon(AgentState state, MediaType? media, PresenceIcon icon) =>
        Assert.Equal(icon, Presence.Icon(state, media));

    [Fact]
    public void Every_state_maps_to_an_icon() =>
        Assert.All(AgentStates.All, s => Assert.True(Enum.IsDefined(Presence.Icon(s, null))));

    [Fact]
    public void Work_media_is_voice_while_any_work_is_a_call_otherwise_the_latest_work()
    {
        Assert.Null(Presence.WorkMedia([]));
        Assert.Equal(MediaType.Email, Presence.WorkMedia([MediaType.Email]));
        Assert.Equal(MediaType.Voice, Presence.WorkMedia([MediaType.Email, MediaType.Voice]));
        Assert.Equal(MediaType.Voice, Presence.WorkMedia([MediaType.Voice, MediaType.Email]));
        Assert.Equal(MediaType.Chat, Presence.WorkMedia([MediaType.Email, MediaType.Chat]));
    }

    [Fact]
    public void Start_work_carries_the_media_of_the_interaction()
    {
        var created = InteractionMachine.Create(
            new NewInteraction("i1", MediaType.Email, InteractionDirection.Outbound, null, "a1", null, "+390611111111", 0, "test"),
            DateTimeOffset.UnixEpoch);

        Assert.Contains(new StartAgentWork("a1", MediaType.Email), created.Effects);
    }

    [Fact]
    public void A_start_work_effect_stored_before_media_existed_reads_as_voice()
    {
        // As an outbox row written by the previous version looks.
        var effect = JsonSerializer.Deserialize<InteractionEffect>("""{"$effect":"start-work","AgentId":"a1"}""");

        Assert.Equal(new StartAgentWork("a1", MediaType.Voice), effect);
        var roundTrip = JsonSerializer.Deserialize<InteractionEffect>(JsonSerializer.Serialize<InteractionEffect>(new StartAgentWork("a1", MediaType.Email)));
        Assert.Equal(new StartAgentWork("a1", MediaType.Email), roundTrip);
    }
}
