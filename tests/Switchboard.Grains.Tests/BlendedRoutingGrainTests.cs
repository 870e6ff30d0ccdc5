using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Switchboard.Contracts;
using Switchboard.Contracts.Agents;
using Switchboard.Contracts.Chats;
using Switchboard.Contracts.Interactions;
using Switchboard.Contracts.Live;
using Switchboard.Contracts.Queues;
using Switchboard.Contracts.Tenancy;
using Switchboard.Domain.Agents;
using Switchboard.Domain.Interactions;
using Switchboard.Domain.Queues;
using Switchboard.Domain.Routing;

namespace Switchboard.Grains.Tests;

/// <summary>
/// Blended routing on the cluster: agents in chat and voice queues, capacity per medium from the profile, the tenant's
/// utilization rule, wrap-ups owed per chat, and the new wire types through the Orleans serializer.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class BlendedRoutingGrainTests(ClusterFixture fixture)
{
    private readonly IClusterClient client = fixture.Client;

    [Fact]
    public async Task A_hold_withdrawn_by_a_refused_request_keeps_the_agents_idle_time_and_an_offer_released_restarts_it()
    {
        var tenant = TestIds.Tenant();
        var a1 = await client.AvailableAgent(tenant, "a1");
        var idleSince = (await a1.GetRoutingReadiness())!.IdleSince;
        fixture.Time.Advance(TimeSpan.FromMinutes(1));

        Assert.Null(await a1.TryHoldOffer(new OfferHold("i1", null, 0, fixture.Time.GetUtcNow(), Routed: false, MediaType.Voice)));
        await a1.WithdrawHold("i1"); // the consult that asked for it was refused: nothing was offered
        Assert.Equal(idleSince, (await a1.GetRoutingReadiness())!.IdleSince);

        Assert.Null(await a1.TryHoldOffer(new OfferHold("i2", null, 0, fixture.Time.GetUtcNow(), Routed: false, MediaType.Voice)));
        await a1.ReleaseOffer("i2"); // an offer that was made and withdrawn: its time counts from now
        Assert.Equal(fixture.Time.GetUtcNow(), (await a1.GetRoutingReadiness())!.IdleSince);
    }

    [Fact]
    public async Task An_agent_with_three_chats_is_offered_a_call_but_not_a_fourth_chat()
    {
        await AgentAtChatCapacityTakesACallButNoFourthChat(deactivate: false);
    }

    [Fact]
    public async Task An_agent_with_three_chats_is_offered_a_call_but_not_a_fourth_chat_after_it_and_its_queues_are_deactivated()
    {
        await AgentAtChatCapacityTakesACallButNoFourthChat(deactivate: true);
    }

    [Fact]
    public async Task An_agent_owing_two_chat_wrap_ups_leaves_wrap_up_only_after_both_also_across_deactivation()
    {
        var tenant = TestIds.Tenant();
        var a1 = await client.AvailableAgent(tenant, "a1");
        await client.CreateQueue(tenant, "chat", ChatTestHelpers.ChatQueue(codeRequired: true), ("a1", 5));
        var router = Router(tenant, "chat");
        var c1 = await client.AcceptedChat(tenant, "c1", "chat", "a1");
        var c2 = await client.AcceptedChat(tenant, "c2", "chat", "a1");

        // The first chat ends: the other goes on, so the agent stays Busy, owing the first one's wrap-up.
        Assert.Equal(InteractionState.Ended, (await c1.Act(InteractionActionKind.End, "a1")).State);
        Assert.Equal(AgentState.Busy, (await a1.StateOf()).State);
        Assert.Equal(["c2", "c1"], await a1.GetCurrentWork());
        Assert.Equal(InteractionState.Ended, (await c2.Act(InteractionActionKind.End, "a1")).State);
        Assert.Equal(AgentState.WrapUp, (await a1.StateOf()).State);
        Assert.Empty((await a1.GetRoutingReadiness())!.Media);

        await fixture.DeactivateAllAsync(a1, c1, c2, router);
        Assert.Equal(AgentState.WrapUp, (await a1.StateOf()).State);
        Assert.Equal(["c1", "c2"], await a1.GetCurrentWork());

        // One wrap-up saved: the other is still owed.
        Assert.Equal(InteractionState.WrappedUp, (await c1.Act(InteractionActionKind.WrapUp, "a1", codes: ["sale"])).State);
        Assert.Equal(AgentState.WrapUp, (await a1.StateOf()).State);
        Assert.Equal(["c2"], await a1.GetCurrentWork());

        // A replay of the first one's completion ends nothing, nor does deactivation.
        Assert.Equal(StateChangeOutcome.Unchanged, (await a1.CompleteWrapUpFor("c1")).Outcome);
        await fixture.DeactivateAllAsync(a1, c2);
        Assert.Equal(AgentState.WrapUp, (await a1.StateOf()).State);
        Assert.Equal(StateChangeOutcome.Unchanged, (await a1.CompleteWrapUpFor("c1")).Outcome);
        Assert.Equal(AgentState.WrapUp, (await a1.StateOf()).State);

        // Chats wait meanwhile, and the one waiting is offered once the last wrap-up is saved.
        var c3 = await client.InboundChat(tenant, "c3", "chat");
        await router.WaitingExactly("c3");
        Assert.Equal(InteractionState.Queued, (await c3.Get())!.State);
        Assert.Equal(InteractionState.WrappedUp, (await c2.Act(InteractionActionKind.WrapUp, "a1", codes: ["sale"])).State);
        Assert.Equal(AgentState.Available, (await a1.StateOf()).State);
        var work = await a1.GetCurrentWork();
        Assert.DoesNotContain("c1", work);
        Assert.DoesNotContain("c2", work);
        await c3.OfferedTo("a1");

        await fixture.DeactivateAllAsync(a1);
        Assert.Equal(AgentState.Available, (await a1.StateOf()).State);
    }

    [Fact]
    public async Task A_chat_capacity_of_zero_keeps_chats_away_until_it_is_given_back()
    {
        var tenant = TestIds.Tenant();
        var a1 = await client.AvailableAgent(tenant, "a1");
        await client.CreateQueue(tenant, "chat", ChatTestHelpers.ChatQueue(), ("a1", 5));
        var router = Router(tenant, "chat");

        var none = await a1.Update(new AgentProfilePatch(null, null, new AgentCapacityPatch(null, 0, null, null)));
        Assert.Equal(new AgentCapacity(1, 0, 2, 1), none!.Profile.Capacity);
        Assert.Equal([MediaType.Voice, MediaType.Email, MediaType.Voicemail], (await a1.GetRoutingReadiness())!.Media);

        var chat = await client.InboundChat(tenant, "c1", "chat");
        var waiting = await router.WaitingExactly("c1");
        Assert.Equal(SkipReason.NoCapacity, await a1.TryHoldOffer(new OfferHold("c1", "chat", 5, waiting[0].EnqueuedAt, Routed: true, MediaType.Chat)));
        Assert.Equal(InteractionState.Queued, (await chat.Get())!.State);

        // Stored: still no chats after the agent and its queue come back from storage.
        await fixture.DeactivateAllAsync(a1, router);
        Assert.Equal(new AgentCapacity(1, 0, 2, 1), (await a1.Get())!.Profile.Capacity);
        Assert.Equal([MediaType.Voice, MediaType.Email, MediaType.Voicemail], (await a1.GetRoutingReadiness())!.Media);
        Assert.Equal(SkipReason.NoCapacity, await a1.TryHoldOffer(new OfferHold("c1", "chat", 5, waiting[0].EnqueuedAt, Routed: true, MediaType.Chat)));
        await router.WaitingExactly("c1");
        Assert.Equal(InteractionState.Queued, (await chat.Get())!.State);

        // Given back (to the default, which is stored as none): the waiting chat is offered.
        var back = await a1.Update(new AgentProfilePatch(null, null, new AgentCapacityPatch(null, 3, null, null)));
        Assert.Null(back!.Profile.Capacity);
        await chat.OfferedTo("a1");
        await router.WaitingExactly();
        Assert.Null((await a1.Get())!.Profile.Capacity);
    }

    [Fact]
    public async Task A_utilization_rule_where_chats_block_calls_keeps_calls_away_until_it_is_changed_back()
    {
        var tenant = TestIds.Tenant();
        var a1 = await client.AvailableAgent(tenant, "a1");
        await client.CreateQueue(tenant, "chat", ChatTestHelpers.ChatQueue(), ("a1", 5));
        await client.CreateQueue(tenant, "voice", RoutingTestHelpers.Queue(), ("a1", 5));
        var tenantGrain = client.GetGrain<ITenantGrain>(tenant);
        await client.AcceptedChat(tenant, "c1", "chat", "a1");
        Assert.Equal([MediaType.Voice, MediaType.Chat, MediaType.Email, MediaType.Voicemail], (await a1.GetRoutingReadiness())!.Media);

        await tenantGrain.SetUtilization(new UtilizationSettings(VoiceBlocksOthers: true, OthersBlockVoice: true));
        Assert.Equal([MediaType.Chat, MediaType.Email, MediaType.Voicemail], (await a1.GetRoutingReadiness())!.Media);
        var call = await client.InboundCall(tenant, "v1", "voice");
        var waiting = await Router(tenant, "voice").WaitingExactly("v1");
        Assert.Equal(SkipReason.BlockedMedium, await a1.TryHoldOffer(new OfferHold("v1", "voice", 5, waiting[0].EnqueuedAt, Routed: true, MediaType.Voice)));
        Assert.Equal(InteractionState.Queued, (await call.Get())!.State);

        // Back to the default: the tenant asks its agents to tell their queues again, and the call is offered.
        await tenantGrain.SetUtilization(new UtilizationSettings(VoiceBlocksOthers: true, OthersBlockVoice: false));
        await call.OfferedTo("a1");
    }

    [Fact]
    public async Task Readiness_chat_activity_and_interaction_changes_survive_the_orleans_serializer()
    {
        var serializer = client.ServiceProvider.GetRequiredService<Serializer>();

        var readiness = new RoutingReadiness(ClusterFixture.Start, 2, [MediaType.Voice, MediaType.Email, MediaType.Voicemail]);
        var readinessCopy = RoundTrip(serializer, readiness);
        Assert.Equal((readiness.IdleSince, readiness.Load), (readinessCopy.IdleSince, readinessCopy.Load));
        Assert.Equal(readiness.Media, readinessCopy.Media);
        Assert.Empty(RoundTrip(serializer, readiness with { Media = [] }).Media);

        // A chat and its messages, as the interactions stream carries them: typed as their base.
        var tenant = TestIds.Tenant();
        await client.AvailableAgent(tenant, "a1");
        await client.CreateQueue(tenant, "chat", ChatTestHelpers.ChatQueue(), ("a1", 5));
        var chat = await client.AcceptedChat(tenant, "c1", "chat", "a1");
        var message = await chat.Posted(ChatSender.Agent, "a1", "line one\nline two\twith a tab", 1);
        var view = (await chat.Get())!;

        var said = new ChatActivity("c1", ["a1", "b2"], message with { FaqId = "faq-7" }, null, null, ClusterFixture.Start);
        var typing = new ChatActivity("c1", ["a1"], null, ChatSender.Customer, null, ClusterFixture.Start.AddSeconds(1));
        var agentTyping = new ChatActivity("c1", [], null, ChatSender.Agent, "a1", ClusterFixture.Start.AddSeconds(2));
        var changed = new InteractionChanged(view, ["a1"], "a1", ClusterFixture.Start.AddSeconds(3));
        foreach (var activity in new[] { said, typing, agentTyping })
        {
            var copy = Assert.IsType<ChatActivity>(RoundTrip<InteractionLiveEvent>(serializer, activity));
            Assert.NotSame(activity, copy);
            AssertSame(activity, copy);
            AssertSame(activity, RoundTrip(serializer, activity));
            AssertSame(activity, Assert.IsType<ChatActivity>(RoundTrip(serializer, new LiveEvent<InteractionLiveEvent>(Guid.NewGuid(), activity)).Item));
        }

        var changedCopy = Assert.IsType<InteractionChanged>(RoundTrip<InteractionLiveEvent>(serializer, changed));
        Assert.Equal(Json(changed), Json(changedCopy));
        Assert.Equal(["a1"], changedCopy.AgentIds);
        Assert.Equal(MediaType.Chat, changedCopy.Interaction.Media);
        Assert.Equal(Json(view), Json(changedCopy.Interaction));
    }

    [Fact]
    public async Task Readiness_notices_cross_from_an_agent_to_its_queue_router_on_the_other_silo()
    {
        var tenant = TestIds.Tenant();
        var a1 = await client.AvailableAgent(tenant, "a1");
        await client.CreateQueue(tenant, "chat", ChatTestHelpers.ChatQueue(), ("a1", 5));
        var router = Router(tenant, "chat");
        await router.GetWaiting();
        var agentSilo = fixture.SiloOf(a1);
        var otherSilo = fixture.Cluster.Silos.Select(s => s.SiloAddress).Single(s => !s.Equals(agentSilo));
        await fixture.EnsureOn(router, otherSilo);
        Assert.Equal(agentSilo, fixture.SiloOf(a1));

        // Each chat is offered only once the router heard (from the other silo) that the agent has room for one more.
        for (var i = 1; i <= 3; i++)
        {
            fixture.Time.Advance(TimeSpan.FromSeconds(1));
            await client.AcceptedChat(tenant, $"c{i}", "chat", "a1");
            var ready = await a1.GetRoutingReadiness();
            Assert.Equal(i, ready!.Load);
            Assert.Equal(i < 3, ready.Media.Contains(MediaType.Chat));
        }

        Assert.Equal(otherSilo, fixture.SiloOf(router));
    }

    /// <summary>
    /// An agent in a chat queue and a voice queue takes three chats; a fourth waits while a call, which came after it, is
    /// offered (chats do not block calls by default, and the chat queue's older head does not count: the agent cannot
    /// take it); once the call and one chat are over, the fourth chat is offered.
    /// </summary>
    private async Task AgentAtChatCapacityTakesACallButNoFourthChat(bool deactivate)
    {
        var tenant = TestIds.Tenant();
        var a1 = await client.AvailableAgent(tenant, "a1");
        await client.CreateQueue(tenant, "chat", ChatTestHelpers.ChatQueue(), ("a1", 5));
        await client.CreateQueue(tenant, "voice", RoutingTestHelpers.Queue(), ("a1", 5));
        var chatRouter = Router(tenant, "chat");
        var voiceRouter = Router(tenant, "voice");
        var chats = new List<IInteractionGrain>();
        for (var i = 1; i <= 3; i++)
        {
            fixture.Time.Advance(TimeSpan.FromSeconds(1));
            chats.Add(await client.AcceptedChat(tenant, $"c{i}", "chat", "a1"));
        }

        var presence = (await a1.GetPresence())!;
        Assert.Equal(AgentState.Busy, presence.State.State);
        Assert.Equal([MediaType.Chat, MediaType.Chat, MediaType.Chat], presence.ActiveMedia);
        var ready = (await a1.GetRoutingReadiness())!;
        Assert.Equal(3, ready.Load);
        Assert.Equal([MediaType.Voice, MediaType.Email, MediaType.Voicemail], ready.Media);

        if (deactivate)
        {
            await voiceRouter.GetWaiting(); // so that there is an activation to deactivate
            await fixture.DeactivateAllAsync([a1, chatRouter, voiceRouter, .. chats]);
            presence = (await a1.GetPresence())!;
            Assert.Equal([MediaType.Chat, MediaType.Chat, MediaType.Chat], presence.ActiveMedia);
            Assert.Equal([MediaType.Voice, MediaType.Email, MediaType.Voicemail], (await a1.GetRoutingReadiness())!.Media);
        }

        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        var fourth = await client.InboundChat(tenant, "c4", "chat");
        var waiting = await chatRouter.WaitingExactly("c4");
        var fourthHold = new OfferHold("c4", "chat", 5, waiting[0].EnqueuedAt, Routed: true, MediaType.Chat);
        Assert.Equal(SkipReason.AtCapacity, await a1.TryHoldOffer(fourthHold));

        // The call came later than the waiting chat, yet is offered: the agent could not take the chat.
        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        var call = await client.InboundCall(tenant, "v1", "voice");
        await call.OfferedTo("a1");
        Assert.Equal(SkipReason.HasOffer, await a1.TryHoldOffer(fourthHold));
        Assert.Equal(InteractionState.Queued, (await fourth.Get())!.State);
        await chatRouter.WaitingExactly("c4");

        if (deactivate)
        {
            await fixture.DeactivateAllAsync(a1, chatRouter, voiceRouter);
            Assert.Equal(SkipReason.HasOffer, await a1.TryHoldOffer(fourthHold));
            Assert.Equal(InteractionState.Offered, (await call.Get())!.State);
        }

        // On the call nothing else comes: calls block other work by default.
        await call.Act(InteractionActionKind.Accept, "a1");
        Assert.Empty((await a1.GetRoutingReadiness())!.Media);
        Assert.Equal(SkipReason.AtCapacity, await a1.TryHoldOffer(fourthHold));
        await call.Act(InteractionActionKind.End, "a1");
        Assert.Equal(AgentState.Busy, (await a1.StateOf()).State);
        Assert.Equal([MediaType.Chat, MediaType.Chat, MediaType.Chat], (await a1.GetPresence())!.ActiveMedia);
        Assert.Equal(InteractionState.Queued, (await fourth.Get())!.State);

        // One chat over: room for the fourth.
        await chats[0].Act(InteractionActionKind.End, "a1");
        await fourth.OfferedTo("a1");
        await fourth.Act(InteractionActionKind.Accept, "a1");
        Assert.Equal([MediaType.Chat, MediaType.Chat, MediaType.Chat], (await a1.GetPresence())!.ActiveMedia);
        await chatRouter.WaitingExactly();
    }

    private IQueueRouterGrain Router(string tenantId, string queueId) => client.GetGrain<IQueueRouterGrain>(GrainKeys.Queue(tenantId, queueId));


    private static T RoundTrip<T>(Serializer serializer, T value) => serializer.Deserialize<T>(serializer.SerializeToArray(value))!;

    private static readonly string[] NoAgents = [];

    private static void AssertSame(ChatActivity expected, ChatActivity actual)
    {
        Assert.Equal(expected.AgentIds, actual.AgentIds);
        Assert.Equal(expected with { AgentIds = NoAgents }, actual with { AgentIds = NoAgents }); // the rest compares by value
    }

    private static string Json<T>(T value) => System.Text.Json.JsonSerializer.Serialize(value);
}
