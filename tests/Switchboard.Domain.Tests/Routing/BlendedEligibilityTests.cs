using Switchboard.Domain.Agents;
using Switchboard.Domain.Queues;
using Switchboard.Domain.Routing;
using Switchboard.Domain.Tenancy;
using Switchboard.Domain.Tests.Support;

namespace Switchboard.Domain.Tests.Routing;

/// <summary>
/// Blended routing: which media an agent may be offered given its state, the work in hand, its capacity per medium and
/// the tenant's utilization rule (<see cref="RoutingEligibility"/>, <see cref="WorkCapacity"/>, <see cref="UtilizationRule"/>).
/// </summary>
public sealed class BlendedEligibilityTests
{
    private static readonly MediaType[] AllMedia = [MediaType.Voice, MediaType.Chat, MediaType.Email, MediaType.Voicemail];

    private static readonly StatusCodeCatalog Codes = StatusCodeCatalog.Empty;

    // ---- statuses, built through the agent state machine so that Busy carries what it really carries ----

    private static AgentStatus Idle(AgentState state) =>
        state == AgentState.LoggedOut
            ? AgentStatus.Initial(Fixture.T0)
            : Fixture.Step(AgentStatus.Initial(Fixture.T0), Fixture.Change(state, StateActor.Agent), Codes, Fixture.T1);

    /// <summary>Busy with <paramref name="workCount"/> pieces of work (w1, w2, …) taken while in <paramref name="from"/>.</summary>
    private static AgentStatus BusyFrom(AgentState from, int workCount)
    {
        var status = Idle(from);
        for (var i = 1; i <= workCount; i++)
        {
            status = Fixture.Step(status, new StartWork("w" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)), Codes, Fixture.T2);
        }

        Assert.Equal(AgentState.Busy, status.State);
        Assert.Equal(from, status.ResumeState);
        Assert.Equal(workCount, status.ActiveWork.Count);
        return status;
    }

    private static AgentStatus Busy(int workCount) => BusyFrom(AgentState.Available, workCount);

    private static bool Routed(AgentStatus status, IReadOnlyList<MediaType> active, MediaType media, WorkCapacity? capacity = null, UtilizationRule? rule = null, bool holdsOffer = false) =>
        RoutingEligibility.CanTake(status, active, holdsOffer, media, routed: true, capacity ?? WorkCapacity.Default, rule ?? UtilizationRule.Default);

    private static bool Direct(AgentStatus status, IReadOnlyList<MediaType> active, MediaType media, WorkCapacity? capacity = null, UtilizationRule? rule = null, bool holdsOffer = false) =>
        RoutingEligibility.CanTake(status, active, holdsOffer, media, routed: false, capacity ?? WorkCapacity.Default, rule ?? UtilizationRule.Default);

    private static IReadOnlyList<MediaType> Routable(AgentStatus status, IReadOnlyList<MediaType> active, WorkCapacity? capacity = null, UtilizationRule? rule = null, bool holdsOffer = false) =>
        RoutingEligibility.RoutableMedia(status, active, holdsOffer, capacity ?? WorkCapacity.Default, rule ?? UtilizationRule.Default);

    /// <summary>"Voice,Chat" → [Voice, Chat]; "" → [].</summary>
    private static MediaType[] Media(string csv) =>
        csv.Length == 0 ? [] : [.. csv.Split(',').Select(Enum.Parse<MediaType>)];

    private static MediaType[] Repeat(MediaType media, int count) => [.. Enumerable.Repeat(media, count)];

    // ---- the second line ----

    [Fact]
    public void A_direct_call_reaches_an_agent_whose_only_call_is_on_hold_on_line_2()
    {
        var onCall = Busy(1);
        MediaType[] voice = [MediaType.Voice];
        bool Line2(int callsOnHold, MediaType[] active, bool routed = false, bool holdsOffer = false, AgentStatus? status = null) =>
            RoutingEligibility.CanTake(status ?? onCall, active, holdsOffer, MediaType.Voice, routed, WorkCapacity.Default, UtilizationRule.Default, callsOnHold);

        Assert.True(Line2(callsOnHold: 1, voice));
        Assert.False(Line2(callsOnHold: 0, voice)); // talking on it: hold it first
        Assert.False(Line2(callsOnHold: 1, voice, routed: true)); // never a queue's call
        Assert.False(Line2(callsOnHold: 1, voice, holdsOffer: true)); // one offer at a time
        Assert.False(Line2(callsOnHold: 2, [MediaType.Voice, MediaType.Voice], status: Busy(2))); // both lines taken
        Assert.False(Line2(callsOnHold: 1, voice, status: BusyFrom(AgentState.Offline, 1) is var offline
            ? Fixture.Step(offline, Fixture.Change(AgentState.Break, StateActor.Agent), Codes, Fixture.T2) : null)); // a break asked for next
        Assert.False(RoutingEligibility.CanTake(onCall, voice, false, MediaType.Voice, routed: false, WorkCapacity.Default with { Voice = 0 }, UtilizationRule.Default, 1));
    }

    // ---- no work in hand ----

    [Theory]
    [InlineData(MediaType.Voice)]
    [InlineData(MediaType.Chat)]
    [InlineData(MediaType.Email)]
    [InlineData(MediaType.Voicemail)]
    public void An_idle_available_agent_takes_every_medium_routed_and_direct(MediaType media)
    {
        var available = Idle(AgentState.Available);

        Assert.True(Routed(available, [], media));
        Assert.True(Direct(available, [], media));
    }

    [Fact]
    public void An_idle_available_agent_hears_of_every_medium_in_media_order() =>
        Assert.Equal(AllMedia, Routable(Idle(AgentState.Available), []));

    [Theory]
    [InlineData(AgentState.Available, true, true)]
    [InlineData(AgentState.Offline, false, true)]
    [InlineData(AgentState.Break, false, false)]
    [InlineData(AgentState.LoggedOut, false, false)]
    public void Without_work_the_state_decides_for_every_medium(AgentState state, bool routed, bool direct)
    {
        var status = Idle(state);

        foreach (var media in AllMedia)
        {
            Assert.Equal(routed, Routed(status, [], media));
            Assert.Equal(direct, Direct(status, [], media));
        }

        Assert.Equal(routed ? AllMedia : Array.Empty<MediaType>(), Routable(status, []));
    }

    [Fact]
    public void An_offline_agent_takes_direct_work_of_any_medium_but_is_routed_nothing()
    {
        var offline = Idle(AgentState.Offline);

        Assert.All(AllMedia, media => Assert.True(Direct(offline, [], media)));
        Assert.All(AllMedia, media => Assert.False(Routed(offline, [], media)));
        Assert.Empty(Routable(offline, []));
    }

    // ---- several chats ----

    [Theory]
    [InlineData(1, true)]
    [InlineData(2, true)]
    [InlineData(3, false)] // the default chat capacity
    public void A_busy_agent_takes_another_chat_only_below_its_chat_capacity(int chats, bool takesAnother)
    {
        var busy = Busy(chats);
        var active = Repeat(MediaType.Chat, chats);

        Assert.Equal(takesAnother, Routed(busy, active, MediaType.Chat));
        Assert.Equal(takesAnother, Direct(busy, active, MediaType.Chat));
    }

    [Theory]
    [InlineData(1, 1, false)]
    [InlineData(5, 4, true)]
    [InlineData(5, 5, false)]
    [InlineData(10, 9, true)]
    [InlineData(10, 10, false)]
    public void The_chat_capacity_of_the_agent_is_the_limit(int capacity, int chats, bool takesAnother)
    {
        var busy = Busy(chats);

        Assert.Equal(takesAnother, Routed(busy, Repeat(MediaType.Chat, chats), MediaType.Chat, WorkCapacity.Default with { Chat = capacity }));
    }

    [Fact]
    public void A_full_chat_capacity_leaves_room_for_the_other_text_media_and_for_voice()
    {
        var busy = Busy(3);
        MediaType[] active = [MediaType.Chat, MediaType.Chat, MediaType.Chat];

        Assert.False(Routed(busy, active, MediaType.Chat));
        Assert.True(Routed(busy, active, MediaType.Email));
        Assert.True(Routed(busy, active, MediaType.Voicemail));
        Assert.True(Routed(busy, active, MediaType.Voice));
        Assert.Equal([MediaType.Voice, MediaType.Email, MediaType.Voicemail], Routable(busy, active));
    }

    [Fact]
    public void Each_medium_counts_against_its_own_capacity_only()
    {
        var busy = Busy(4);
        MediaType[] active = [MediaType.Email, MediaType.Chat, MediaType.Email, MediaType.Voicemail];

        Assert.True(Routed(busy, active, MediaType.Chat)); // 1 of 3
        Assert.False(Routed(busy, active, MediaType.Email)); // 2 of 2
        Assert.False(Routed(busy, active, MediaType.Voicemail)); // 1 of 1
        Assert.True(Routed(busy, active, MediaType.Voice)); // text does not block voice by default
        Assert.Equal([MediaType.Voice, MediaType.Chat], Routable(busy, active));
    }

    // ---- the utilization rule ----

    [Theory]
    [InlineData(MediaType.Chat)]
    [InlineData(MediaType.Email)]
    [InlineData(MediaType.Voicemail)]
    public void By_default_a_call_in_hand_keeps_every_other_medium_away(MediaType media)
    {
        var onCall = Busy(1);
        MediaType[] active = [MediaType.Voice];

        Assert.False(Routed(onCall, active, media));
        Assert.False(Direct(onCall, active, media));
    }

    [Fact]
    public void An_agent_on_a_call_takes_no_second_call_and_hears_of_nothing()
    {
        var onCall = Busy(1);

        Assert.False(Routed(onCall, [MediaType.Voice], MediaType.Voice));
        Assert.False(Direct(onCall, [MediaType.Voice], MediaType.Voice));
        Assert.Empty(Routable(onCall, [MediaType.Voice]));
    }

    [Fact]
    public void Without_voice_blocking_others_a_call_in_hand_leaves_room_for_text_but_not_for_a_second_call()
    {
        var onCall = Busy(1);
        var rule = new UtilizationRule(VoiceBlocksOthers: false, OthersBlockVoice: false);

        Assert.True(Routed(onCall, [MediaType.Voice], MediaType.Chat, rule: rule));
        Assert.False(Routed(onCall, [MediaType.Voice], MediaType.Voice, rule: rule));
        Assert.Equal([MediaType.Chat, MediaType.Email, MediaType.Voicemail], Routable(onCall, [MediaType.Voice], rule: rule));
    }

    [Theory]
    [InlineData(MediaType.Chat)]
    [InlineData(MediaType.Email)]
    [InlineData(MediaType.Voicemail)]
    public void By_default_text_in_hand_does_not_keep_a_call_away(MediaType inHand)
    {
        var busy = Busy(1);

        Assert.True(Routed(busy, [inHand], MediaType.Voice));
        Assert.True(Direct(busy, [inHand], MediaType.Voice));
    }

    [Theory]
    [InlineData(MediaType.Chat)]
    [InlineData(MediaType.Email)]
    [InlineData(MediaType.Voicemail)]
    public void With_others_blocking_voice_text_in_hand_keeps_calls_away(MediaType inHand)
    {
        var busy = Busy(1);
        var rule = UtilizationRule.Default with { OthersBlockVoice = true };

        Assert.False(Routed(busy, [inHand], MediaType.Voice, rule: rule));
        Assert.False(Direct(busy, [inHand], MediaType.Voice, rule: rule));
    }

    [Fact]
    public void With_others_blocking_voice_an_agent_in_a_chat_still_hears_of_text_media()
    {
        var busy = Busy(1);
        var rule = UtilizationRule.Default with { OthersBlockVoice = true };

        Assert.Equal([MediaType.Chat, MediaType.Email, MediaType.Voicemail], Routable(busy, [MediaType.Chat], rule: rule));
        Assert.Equal(AllMedia, Routable(busy, [MediaType.Chat]));
    }

    [Fact]
    public void The_rule_does_not_matter_to_an_agent_with_nothing_in_hand()
    {
        var available = Idle(AgentState.Available);
        var strictest = new UtilizationRule(VoiceBlocksOthers: true, OthersBlockVoice: true);

        Assert.Equal(AllMedia, Routable(available, [], rule: strictest));
    }

    // ---- capacity zero ----

    [Theory]
    [InlineData(MediaType.Voice)]
    [InlineData(MediaType.Chat)]
    [InlineData(MediaType.Email)]
    [InlineData(MediaType.Voicemail)]
    public void A_capacity_of_zero_means_never_that_medium_routed_or_direct_idle_or_busy(MediaType media)
    {
        var capacity = WithCapacity(WorkCapacity.Default, media, 0);
        var available = Idle(AgentState.Available);
        var offline = Idle(AgentState.Offline);
        var busy = Busy(1);
        MediaType[] emailInHand = [MediaType.Email];

        Assert.False(Routed(available, [], media, capacity));
        Assert.False(Direct(available, [], media, capacity));
        Assert.False(Direct(offline, [], media, capacity));
        Assert.False(Routed(busy, emailInHand, media, capacity));
        Assert.False(Direct(busy, emailInHand, media, capacity));
        Assert.Equal(AllMedia.Where(m => m != media), Routable(available, [], capacity));

        // With the default capacity every one of these would take it.
        Assert.True(Routed(available, [], media));
        Assert.True(Direct(offline, [], media));
        Assert.True(Routed(busy, emailInHand, media));
    }

    [Fact]
    public void A_negative_capacity_counts_as_zero()
    {
        var capacity = new WorkCapacity(Voice: -1, Chat: -3, Email: 1, Voicemail: 0);

        Assert.Equal([MediaType.Email], Routable(Idle(AgentState.Available), [], capacity));
    }

    [Fact]
    public void An_agent_with_no_capacity_at_all_hears_of_nothing()
    {
        var none = new WorkCapacity(0, 0, 0, 0);

        Assert.Empty(Routable(Idle(AgentState.Available), [], none));
        Assert.All(AllMedia, media => Assert.False(Direct(Idle(AgentState.Offline), [], media, none)));
    }

    // ---- offers, requested states, where the work was taken from ----

    [Fact]
    public void A_held_offer_keeps_everything_else_away()
    {
        var available = Idle(AgentState.Available);
        var offline = Idle(AgentState.Offline);
        var busy = Busy(1);

        foreach (var media in AllMedia)
        {
            Assert.False(Routed(available, [], media, holdsOffer: true));
            Assert.False(Direct(available, [], media, holdsOffer: true));
            Assert.False(Direct(offline, [], media, holdsOffer: true));
            Assert.False(Routed(busy, [MediaType.Chat], media, holdsOffer: true));
            Assert.False(Direct(busy, [MediaType.Chat], media, holdsOffer: true));
        }

        Assert.Empty(Routable(available, [], holdsOffer: true));
        Assert.Empty(Routable(busy, [MediaType.Chat], holdsOffer: true));
    }

    [Theory]
    [InlineData(AgentState.Break)]
    [InlineData(AgentState.LoggedOut)]
    public void A_busy_agent_that_asked_for_a_break_or_to_log_out_takes_nothing_more(AgentState requested)
    {
        var busy = Busy(1);
        var decision = AgentStateMachine.Decide(busy, Fixture.Change(requested, StateActor.Agent), Codes, Fixture.T3);
        Assert.Equal(DecisionOutcome.Deferred, decision.Outcome);
        var leaving = decision.Status;
        Assert.Equal(requested, leaving.Next!.State);

        foreach (var media in AllMedia)
        {
            Assert.False(Routed(leaving, [MediaType.Chat], media));
            Assert.False(Direct(leaving, [MediaType.Chat], media));
        }

        Assert.Empty(Routable(leaving, [MediaType.Chat]));
        Assert.Equal(AllMedia, Routable(busy, [MediaType.Chat])); // the same agent before it asked
    }

    [Fact]
    public void A_busy_agent_that_asked_to_go_offline_afterwards_takes_direct_work_only()
    {
        var busy = Busy(1);
        var decision = AgentStateMachine.Decide(busy, Fixture.Change(AgentState.Offline, StateActor.Agent), Codes, Fixture.T3);
        Assert.Equal(DecisionOutcome.Deferred, decision.Outcome);
        var leaving = decision.Status;

        foreach (var media in AllMedia)
        {
            Assert.False(Routed(leaving, [MediaType.Chat], media));
        }

        Assert.True(Direct(leaving, [MediaType.Chat], MediaType.Chat));
        Assert.Empty(Routable(leaving, [MediaType.Chat]));
    }

    [Fact]
    public void A_busy_agent_that_asked_to_be_available_afterwards_is_still_routed_work()
    {
        var offline = BusyFrom(AgentState.Offline, 1);
        Assert.Empty(Routable(offline, [MediaType.Chat]));

        var decision = AgentStateMachine.Decide(offline, Fixture.Change(AgentState.Available, StateActor.Agent), Codes, Fixture.T3);
        Assert.Equal(DecisionOutcome.Deferred, decision.Outcome);

        Assert.Equal(AllMedia, Routable(decision.Status, [MediaType.Chat]));
    }

    [Fact]
    public void A_busy_agent_that_took_its_work_while_offline_takes_direct_work_but_is_routed_nothing()
    {
        var busy = BusyFrom(AgentState.Offline, 1);
        MediaType[] active = [MediaType.Chat];

        Assert.True(Direct(busy, active, MediaType.Chat));
        Assert.True(Direct(busy, active, MediaType.Email));
        Assert.True(Direct(busy, active, MediaType.Voice));
        Assert.All(AllMedia, media => Assert.False(Routed(busy, active, media)));
        Assert.Empty(Routable(busy, active));
    }

    [Fact]
    public void A_busy_agent_that_took_its_work_while_offline_still_respects_capacity_and_rule()
    {
        var busy = BusyFrom(AgentState.Offline, 3);

        Assert.False(Direct(busy, [MediaType.Chat, MediaType.Chat, MediaType.Chat], MediaType.Chat));
        Assert.False(Direct(busy, [MediaType.Voice, MediaType.Chat, MediaType.Chat], MediaType.Email));
    }

    [Fact]
    public void An_agent_in_wrap_up_takes_nothing()
    {
        var busy = Busy(1);
        var wrapUp = Fixture.Step(busy, new EndWork("w1"), Codes, Fixture.T3);
        Assert.Equal(AgentState.WrapUp, wrapUp.State);

        foreach (var media in AllMedia)
        {
            Assert.False(Routed(wrapUp, [], media));
            Assert.False(Direct(wrapUp, [], media));
        }

        Assert.Empty(Routable(wrapUp, []));
    }

    [Theory]
    [InlineData(AgentState.WrapUp)]
    [InlineData(AgentState.Break)]
    [InlineData(AgentState.LoggedOut)]
    public void Wrap_up_break_and_logged_out_take_nothing_whatever_the_capacity_and_rule(AgentState state)
    {
        var status = AgentStatus.Initial(Fixture.T0) with { State = state };
        var roomy = new WorkCapacity(WorkCapacity.MaxVoice, WorkCapacity.MaxText, WorkCapacity.MaxText, WorkCapacity.MaxText);
        var lenient = new UtilizationRule(VoiceBlocksOthers: false, OthersBlockVoice: false);

        foreach (var media in AllMedia)
        {
            Assert.False(Routed(status, [], media, roomy, lenient));
            Assert.False(Direct(status, [], media, roomy, lenient));
        }

        Assert.Empty(Routable(status, [], roomy, lenient));
    }

    // ---- RoutableMedia is CanTake(routed) over all media, in media order ----

    [Theory]
    [InlineData(0, "", "Voice,Chat,Email,Voicemail")]
    [InlineData(1, "Voice", "")]
    [InlineData(1, "Chat", "Voice,Chat,Email,Voicemail")]
    [InlineData(1, "Voicemail", "Voice,Chat,Email")]
    [InlineData(2, "Email,Email", "Voice,Chat,Voicemail")]
    [InlineData(4, "Email,Chat,Chat,Chat", "Voice,Email,Voicemail")]
    [InlineData(5, "Voicemail,Email,Chat,Email,Chat", "Voice,Chat")]
    [InlineData(6, "Voicemail,Email,Chat,Email,Chat,Chat", "Voice")]
    public void Routable_media_follow_capacity_and_rule_in_media_order(int workCount, string inHand, string expected)
    {
        var status = workCount == 0 ? Idle(AgentState.Available) : Busy(workCount);
        var active = Media(inHand);

        var routable = Routable(status, active);

        Assert.Equal(Media(expected), routable);
        Assert.Equal(AllMedia.Where(m => Routed(status, active, m)), routable);
        Assert.Equal(AllMedia.Except(routable), RoutingEligibility.Unroutable(status, active, holdsOffer: false, WorkCapacity.Default, UtilizationRule.Default).Keys.Order());
    }

    [Fact]
    public void Routable_media_are_listed_in_media_order_not_in_the_order_of_the_work_in_hand()
    {
        var busy = Busy(2);
        var lenient = new UtilizationRule(VoiceBlocksOthers: false, OthersBlockVoice: false);
        var capacity = new WorkCapacity(Voice: 1, Chat: 2, Email: 2, Voicemail: 2);

        Assert.Equal([MediaType.Chat, MediaType.Email, MediaType.Voicemail], Routable(busy, [MediaType.Voicemail, MediaType.Voice], capacity, lenient));
    }

    [Fact]
    public void Null_arguments_are_refused()
    {
        var status = Idle(AgentState.Available);

        Assert.Throws<ArgumentNullException>(() => RoutingEligibility.CanTake(null!, [], false, MediaType.Chat, true, WorkCapacity.Default, UtilizationRule.Default));
        Assert.Throws<ArgumentNullException>(() => RoutingEligibility.CanTake(status, null!, false, MediaType.Chat, true, WorkCapacity.Default, UtilizationRule.Default));
        Assert.Throws<ArgumentNullException>(() => RoutingEligibility.CanTake(status, [], false, MediaType.Chat, true, null!, UtilizationRule.Default));
        Assert.Throws<ArgumentNullException>(() => RoutingEligibility.CanTake(status, [], false, MediaType.Chat, true, WorkCapacity.Default, null!));
    }

    // ---- WorkCapacity ----

    [Fact]
    public void The_default_capacity_is_one_call_three_chats_two_emails_one_voicemail()
    {
        Assert.Equal(new WorkCapacity(Voice: 1, Chat: 3, Email: 2, Voicemail: 1), WorkCapacity.Default);
        Assert.All(AllMedia, media => Assert.True(WorkCapacity.IsValid(media, WorkCapacity.Default.For(media))));
    }

    [Theory]
    [InlineData(MediaType.Voice, 1)]
    [InlineData(MediaType.Chat, 4)]
    [InlineData(MediaType.Email, 7)]
    [InlineData(MediaType.Voicemail, 9)]
    public void For_reads_the_capacity_of_that_medium(MediaType media, int expected) =>
        Assert.Equal(expected, new WorkCapacity(Voice: 1, Chat: 4, Email: 7, Voicemail: 9).For(media));

    [Fact]
    public void For_an_unknown_medium_throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => WorkCapacity.Default.For((MediaType)99));

    [Theory]
    [InlineData(MediaType.Voice, 1)]
    [InlineData(MediaType.Chat, 10)]
    [InlineData(MediaType.Email, 10)]
    [InlineData(MediaType.Voicemail, 10)]
    public void Max_is_one_call_and_ten_of_any_text_medium(MediaType media, int expected)
    {
        Assert.Equal(expected, WorkCapacity.Max(media));
        Assert.Equal(1, WorkCapacity.MaxVoice);
        Assert.Equal(10, WorkCapacity.MaxText);
    }

    [Theory]
    [InlineData(MediaType.Voice, -1, false)]
    [InlineData(MediaType.Voice, 0, true)]
    [InlineData(MediaType.Voice, 1, true)]
    [InlineData(MediaType.Voice, 2, false)]
    [InlineData(MediaType.Chat, -1, false)]
    [InlineData(MediaType.Chat, 0, true)]
    [InlineData(MediaType.Chat, 1, true)]
    [InlineData(MediaType.Chat, 10, true)]
    [InlineData(MediaType.Chat, 11, false)]
    [InlineData(MediaType.Email, -1, false)]
    [InlineData(MediaType.Email, 0, true)]
    [InlineData(MediaType.Email, 10, true)]
    [InlineData(MediaType.Email, 11, false)]
    [InlineData(MediaType.Voicemail, -1, false)]
    [InlineData(MediaType.Voicemail, 0, true)]
    [InlineData(MediaType.Voicemail, 10, true)]
    [InlineData(MediaType.Voicemail, 11, false)]
    [InlineData(MediaType.Chat, int.MinValue, false)]
    [InlineData(MediaType.Chat, int.MaxValue, false)]
    public void IsValid_accepts_zero_to_the_maximum_of_the_medium(MediaType media, int value, bool valid) =>
        Assert.Equal(valid, WorkCapacity.IsValid(media, value));

    // ---- UtilizationRule.Blocks ----

    [Fact]
    public void The_default_rule_lets_calls_block_others_and_not_the_other_way_round() =>
        Assert.Equal(new UtilizationRule(VoiceBlocksOthers: true, OthersBlockVoice: false), UtilizationRule.Default);

    [Theory]
    // Nothing in hand blocks nothing.
    [InlineData(true, true, "", MediaType.Voice, false)]
    [InlineData(true, true, "", MediaType.Chat, false)]
    // Voice blocks others.
    [InlineData(true, false, "Voice", MediaType.Chat, true)]
    [InlineData(true, false, "Voice", MediaType.Email, true)]
    [InlineData(true, false, "Voice", MediaType.Voicemail, true)]
    [InlineData(true, false, "Chat,Voice", MediaType.Chat, true)]
    [InlineData(false, false, "Voice", MediaType.Chat, false)]
    [InlineData(false, true, "Voice", MediaType.Email, false)]
    // A call never blocks a call by rule: capacity (at most one) does that.
    [InlineData(true, true, "Voice", MediaType.Voice, false)]
    // Others block voice.
    [InlineData(true, false, "Chat", MediaType.Voice, false)]
    [InlineData(true, false, "Chat,Email,Voicemail", MediaType.Voice, false)]
    [InlineData(false, true, "Chat", MediaType.Voice, true)]
    [InlineData(false, true, "Email", MediaType.Voice, true)]
    [InlineData(false, true, "Voicemail", MediaType.Voice, true)]
    [InlineData(false, true, "Voice,Chat", MediaType.Voice, true)]
    // Text never blocks text.
    [InlineData(true, true, "Chat,Chat", MediaType.Chat, false)]
    [InlineData(true, true, "Chat", MediaType.Email, false)]
    [InlineData(true, true, "Email,Voicemail", MediaType.Chat, false)]
    public void Blocks_follows_the_two_switches(bool voiceBlocksOthers, bool othersBlockVoice, string inHand, MediaType media, bool blocks) =>
        Assert.Equal(blocks, new UtilizationRule(voiceBlocksOthers, othersBlockVoice).Blocks(Media(inHand), media));

    [Fact]
    public void Blocks_refuses_a_null_list() =>
        Assert.Throws<ArgumentNullException>(() => UtilizationRule.Default.Blocks(null!, MediaType.Chat));

    // ---- why not: what a queue says of a member it passed over ----

    [Fact]
    public void Why_not_names_the_rule_that_keeps_the_work_away()
    {
        MediaType[] call = [MediaType.Voice];
        var available = Idle(AgentState.Available);
        var wrapUp = Fixture.Step(Busy(1), new EndWork("w1"), Codes, Fixture.T3);
        var breakNext = Fixture.Step(Busy(1), Fixture.Change(AgentState.Break, StateActor.Agent), Codes, Fixture.T3);

        Assert.Null(WhyNot(available, [], MediaType.Voice));
        Assert.Equal(SkipReason.HasOffer, WhyNot(available, [], MediaType.Voice, holdsOffer: true));
        Assert.Equal(SkipReason.NoCapacity, WhyNot(available, [], MediaType.Chat, WorkCapacity.Default with { Chat = 0 }));
        Assert.Equal(SkipReason.LoggedOut, WhyNot(Idle(AgentState.LoggedOut), [], MediaType.Voice));
        Assert.Equal(SkipReason.Offline, WhyNot(Idle(AgentState.Offline), [], MediaType.Voice));
        Assert.Equal(SkipReason.Break, WhyNot(Idle(AgentState.Break), [], MediaType.Voice));
        Assert.Equal(SkipReason.WrapUp, WhyNot(wrapUp, [], MediaType.Voice));
        Assert.Equal(SkipReason.AwayNext, WhyNot(breakNext, [MediaType.Chat], MediaType.Chat));
        Assert.Equal(SkipReason.AtCapacity, WhyNot(Busy(1), call, MediaType.Voice));
        Assert.Equal(SkipReason.BlockedMedium, WhyNot(Busy(1), call, MediaType.Chat));
        Assert.Equal(SkipReason.BlockedMedium, WhyNot(Busy(1), [MediaType.Chat], MediaType.Voice, rule: new UtilizationRule(VoiceBlocksOthers: true, OthersBlockVoice: true)));
    }

    [Fact]
    public void Why_not_names_the_first_of_several_rules_in_the_order_they_are_checked()
    {
        Assert.Equal(SkipReason.HasOffer, WhyNot(Idle(AgentState.Break), [], MediaType.Voice, WorkCapacity.Default with { Voice = 0 }, holdsOffer: true));
        Assert.Equal(SkipReason.NoCapacity, WhyNot(Idle(AgentState.Break), [], MediaType.Voice, WorkCapacity.Default with { Voice = 0 }));
        Assert.Equal(SkipReason.AtCapacity, WhyNot(Busy(4), [MediaType.Voice, .. Repeat(MediaType.Chat, 3)], MediaType.Chat)); // the call blocks chats too
    }

    [Fact]
    public void Unroutable_media_each_say_why()
    {
        static string Unroutable(AgentStatus status, MediaType[] active) => string.Join(",",
            RoutingEligibility.Unroutable(status, active, holdsOffer: false, WorkCapacity.Default, UtilizationRule.Default).OrderBy(r => r.Key).Select(r => $"{r.Key}:{r.Value}"));

        Assert.Equal("", Unroutable(Idle(AgentState.Available), []));
        Assert.Equal("Voice:AtCapacity,Chat:BlockedMedium,Email:BlockedMedium,Voicemail:BlockedMedium", Unroutable(Busy(1), [MediaType.Voice]));
        Assert.Equal("Chat:AtCapacity", Unroutable(Busy(3), Repeat(MediaType.Chat, 3)));
        Assert.Equal("Voice:Break,Chat:Break,Email:Break,Voicemail:Break", Unroutable(Idle(AgentState.Break), []));
    }

    private static SkipReason? WhyNot(
        AgentStatus status, IReadOnlyList<MediaType> active, MediaType media, WorkCapacity? capacity = null, UtilizationRule? rule = null, bool holdsOffer = false) =>
        RoutingEligibility.WhyNot(status, active, holdsOffer, media, routed: true, capacity ?? WorkCapacity.Default, rule ?? UtilizationRule.Default);

    private static WorkCapacity WithCapacity(WorkCapacity capacity, MediaType media, int value) => media switch
    {
        MediaType.Voice => capacity with { Voice = value },
        MediaType.Chat => capacity with { Chat = value },
        MediaType.Email => capacity with { Email = value },
        MediaType.Voicemail => capacity with { Voicemail = value },
        _ => throw new ArgumentOutOfRangeException(nameof(media)),
    };
}
