using Switchboard.Domain.Interactions;
using Switchboard.Domain.Queues;
using static Switchboard.Domain.Tests.Interactions.InteractionScenario;
using Switchboard.Domain.Reports;

namespace Switchboard.Domain.Tests.Interactions;

/// <summary>
/// Chats (and other text media) through the interaction machine: queued, offered and accepted like calls, but with no
/// telephony effects and no call-only actions (hold, consult, conference, legs, transfer to a number).
/// </summary>
public sealed class ChatMachineTests
{
    private const string Id = "i7";

    /// <summary>Every call-only command, by name, as the handler a1 of a connected interaction would send it.</summary>
    public static TheoryData<string> CallOnlyCommands { get; } =
    [
        "hold",
        "resume",
        "consult-agent",
        "consult-queue",
        "consult-external",
        "complete-consult",
        "cancel-consult",
        "conference",
        "leg-answered",
        "leg-ended",
        "leg-failed",
        "leg-agent-ended",
        "transfer-external",
    ];

    [Fact]
    public void A_chat_created_into_a_queue_waits_there()
    {
        var chat = Create(MediaType.Chat, queueId: "support", priority: 7);

        Assert.Equal(DecisionKind.Applied, chat.Decision.Kind);
        Assert.Equal(InteractionState.Queued, chat.Record.State);
        Assert.Equal(MediaType.Chat, chat.Record.Media);
        Assert.Equal("support", chat.Record.QueueId);
        Assert.Equal(T0, chat.Record.QueuedAt);
        Assert.Equal([new EnqueueWork("support", 7, T0)], chat.Decision.Effects);
        Assert.Equal(["created", "queued"], chat.Record.Timeline.Select(e => e.Type));
        Assert.Equal("chat", chat.Record.Timeline[0].Details["media"]);
    }

    [Theory]
    [InlineData(MediaType.Chat)]
    [InlineData(MediaType.Email)]
    [InlineData(MediaType.Voicemail)]
    public void Offered_and_accepted_text_work_is_connected_and_starts_the_agent_work_of_its_medium(MediaType media)
    {
        var work = Create(media);
        var offered = work.Applied(new OfferToAgent("a1", "support", SupportPolicy), T0.AddSeconds(2));
        Assert.Equal(InteractionState.Offered, offered.Record.State);
        Assert.Empty(offered.Effects);

        var accepted = work.Applied(new AcceptOffer("a1"), T0.AddSeconds(6));

        Assert.Equal(InteractionState.Connected, work.Record.State);
        Assert.Equal("a1", work.Record.Handler);
        Assert.Equal(["a1"], work.Record.Participants);
        Assert.Null(work.Record.Offer);
        InteractionEffect[] expected = [new StartAgentWork("a1", media)];
        var answered = InteractionHistory.Of(work.Record, 0).Single(e => e.Type == HistoryTypes.Accepted);
        Assert.Equal(("support", 6.0), (answered.QueueId, answered.Seconds));
        Assert.Equal(media == MediaType.Email ? [.. expected, new FollowEmailCase("a1")] : expected, accepted.Effects);
    }

    [Fact]
    public void A_chat_the_agent_ends_sends_it_to_wrap_up_without_hanging_anything_up()
    {
        var chat = ConnectedChat();

        var ended = chat.Applied(new EndCall("a1"), T0.AddMinutes(5));

        Assert.Equal(InteractionState.Ended, chat.Record.State);
        Assert.Equal([new EndAgentWork("a1")], ended.Effects);
        Assert.Empty(chat.Record.Participants);
        Assert.True(Assert.Single(chat.Record.WrapUps).IsOpen);

        var wrapped = chat.Applied(new SaveWrapUp("a1", ["sale"], "resolved in chat"), T0.AddMinutes(6));
        Assert.Equal(InteractionState.WrappedUp, chat.Record.State);
        Assert.Equal([new CompleteAgentWrapUp("a1")], wrapped.Effects);
        chat.AssertNoTelephony();
    }

    [Fact]
    public void A_chat_without_required_codes_is_wrapped_up_when_the_agent_ends_it()
    {
        var chat = ConnectedChat(SupportPolicy with { CodeRequired = false });

        var ended = chat.Applied(new EndCall("a1"), T0.AddMinutes(5));

        Assert.Equal(InteractionState.WrappedUp, chat.Record.State);
        Assert.Equal([new EndAgentWork("a1"), new CompleteAgentWrapUp("a1")], ended.Effects);
        chat.AssertNoTelephony();
    }

    [Fact]
    public void A_chat_transferred_to_a_queue_waits_there_and_reaches_the_next_agent_as_a_chat()
    {
        var chat = ConnectedChat();
        var at = T0.AddMinutes(2);

        var transferred = chat.Applied(new Transfer("a1", new TransferTarget(TargetKind.Queue, "billing")), at);

        Assert.Equal(InteractionState.Queued, chat.Record.State);
        Assert.Equal("billing", chat.Record.QueueId);
        Assert.Null(chat.Record.Handler);
        Assert.Equal([new EndAgentWork("a1"), new EnqueueWork("billing", 5, at)], transferred.Effects);

        chat.Applied(new OfferToAgent("c1", "billing", SupportPolicy), at.AddSeconds(1));
        var accepted = chat.Applied(new AcceptOffer("c1"), at.AddSeconds(3));

        Assert.Equal([new StartAgentWork("c1", MediaType.Chat)], accepted.Effects);
        var answered = InteractionHistory.Of(chat.Record, 0).Last(e => e.Type == HistoryTypes.Accepted);
        Assert.Equal(("billing", "c1", 3.0), (answered.QueueId, answered.AgentId, answered.Seconds)); // waited since the transfer put it in billing
        Assert.Equal("c1", chat.Record.Handler);
        Assert.Equal(["a1", "c1"], chat.Record.HandledBy);

        var ended = chat.Applied(new EndCall("c1"), at.AddMinutes(1));
        Assert.Equal([new EndAgentWork("c1")], ended.Effects);
        chat.AssertNoTelephony();
    }

    [Fact]
    public void A_chat_transferred_to_an_agent_is_offered_to_it_directly_and_reaches_it_as_a_chat()
    {
        var chat = ConnectedChat();
        var at = T0.AddMinutes(2);

        var transferred = chat.Applied(new Transfer("a1", new TransferTarget(TargetKind.Agent, "b1")), at);

        Assert.Equal(InteractionState.Offered, chat.Record.State);
        Assert.Equal(new InteractionOffer("b1", null, OfferPurpose.Main, at, at + SupportPolicy.OfferTimeout), chat.Record.Offer);
        Assert.Equal([new EndAgentWork("a1")], transferred.Effects);

        var accepted = chat.Applied(new AcceptOffer("b1"), at.AddSeconds(4));
        Assert.Equal([new StartAgentWork("b1", MediaType.Chat)], accepted.Effects);
        Assert.Equal(InteractionState.Connected, chat.Record.State);
        Assert.Equal("b1", chat.Record.Handler);
        Assert.Equal(["a1", "b1"], chat.Record.HandledBy);

        var ended = chat.Applied(new EndCall("b1"), at.AddMinutes(1));
        Assert.Equal([new EndAgentWork("b1")], ended.Effects);
        chat.AssertNoTelephony();
    }

    [Fact]
    public void A_chat_nobody_answers_goes_back_to_its_queue()
    {
        var chat = Create(MediaType.Chat);
        chat.Applied(new OfferToAgent("a1", "support", SupportPolicy, QueueSequence: 12), T0.AddSeconds(1));

        var tick = InteractionMachine.Tick(chat.Record, T0.AddSeconds(1) + SupportPolicy.OfferTimeout);

        Assert.Equal(DecisionKind.Applied, tick.Kind);
        Assert.Equal(InteractionState.Queued, tick.Record.State);
        Assert.Equal([new MarkNoAnswer("a1"), new EnqueueWork("support", 5, T0, Requeue: true, Sequence: 12)], tick.Effects);
    }

    [Fact]
    public void A_direct_chat_is_offered_to_its_agent_and_completes_wrap_up_at_once()
    {
        var chat = Create(MediaType.Chat, queueId: null, agentId: "a1");
        Assert.Equal(InteractionState.Offered, chat.Record.State);
        Assert.Empty(chat.Decision.Effects);

        var accepted = chat.Applied(new AcceptOffer("a1"), T0.AddSeconds(3));
        Assert.Equal([new StartAgentWork("a1", MediaType.Chat)], accepted.Effects);

        var ended = chat.Applied(new EndCall("a1"), T0.AddMinutes(3));
        Assert.Equal(InteractionState.WrappedUp, chat.Record.State);
        Assert.Equal([new EndAgentWork("a1"), new CompleteAgentWrapUp("a1")], ended.Effects);
        chat.AssertNoTelephony();
    }

    [Fact]
    public void An_outbound_chat_starts_the_agent_work_without_dialing()
    {
        var chat = Chat.From(InteractionMachine.Create(new NewInteraction(Id, MediaType.Chat, InteractionDirection.Outbound, null, "a1", null, "visitor-42", 5, "agent:a1"), T0));

        Assert.Equal([new StartAgentWork("a1", MediaType.Chat)], chat.Decision.Effects);
        chat.AssertNoTelephony();
    }

    [Theory]
    [MemberData(nameof(CallOnlyCommands))]
    public void Call_only_actions_on_a_connected_chat_are_not_allowed_and_change_nothing(string command)
    {
        var chat = ConnectedChat();

        AssertCallOnlyRefusal(chat.Record, CommandFor(command), "chat");
    }

    [Theory]
    [MemberData(nameof(CallOnlyCommands))]
    public void Call_only_actions_are_refused_for_chats_in_every_state(string command)
    {
        var queued = Create(MediaType.Chat);
        AssertCallOnlyRefusal(queued.Record, CommandFor(command), "chat");

        queued.Applied(new OfferToAgent("a1", "support", SupportPolicy), T0.AddSeconds(1));
        AssertCallOnlyRefusal(queued.Record, CommandFor(command), "chat");

        var ended = ConnectedChat();
        ended.Applied(new EndCall("a1"), T0.AddMinutes(1));
        AssertCallOnlyRefusal(ended.Record, CommandFor(command), "chat");
    }

    [Theory]
    [InlineData(MediaType.Email, "email")]
    [InlineData(MediaType.Voicemail, "voicemail")]
    public void Call_only_actions_are_refused_for_emails_and_voicemails_too(MediaType media, string wireName)
    {
        var work = Create(media);
        work.Applied(new OfferToAgent("a1", "support", SupportPolicy), T0.AddSeconds(1));
        work.Applied(new AcceptOffer("a1"), T0.AddSeconds(2));

        foreach (var command in CallOnlyCommands)
        {
            AssertCallOnlyRefusal(work.Record, CommandFor(command), wireName);
        }
    }

    [Fact]
    public void The_refusal_names_the_action_the_interaction_and_its_medium()
    {
        var chat = ConnectedChat();

        var decision = InteractionMachine.Decide(chat.Record, new HoldCall("a1"), T0.AddMinutes(1));

        Assert.Equal($"Cannot hold: that applies to calls only, and interaction '{Id}' is chat.", decision.Detail);
        Assert.Contains("transfer to a phone number", InteractionMachine.Decide(chat.Record, CommandFor("transfer-external"), T0).Detail, StringComparison.Ordinal);
        Assert.Contains("report telephony legs", InteractionMachine.Decide(chat.Record, CommandFor("leg-ended"), T0).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Call_only_refusals_come_before_any_other_check()
    {
        var chat = ConnectedChat();

        // Voice would say NotParticipant (b9 has no part) or Invalid (no such leg); a chat refuses the action itself.
        AssertCallOnlyRefusal(chat.Record, new HoldCall("b9"), "chat");
        AssertCallOnlyRefusal(chat.Record, new LegEvent("L99", LegEventKind.Ended), "chat");
        AssertCallOnlyRefusal(chat.Record, new Transfer("b9", new TransferTarget(TargetKind.External, "+390600000000")), "chat");
    }

    [Theory]
    [MemberData(nameof(CallOnlyCommands))]
    public void The_same_actions_still_apply_to_a_call(string command)
    {
        var call = ConnectedCallReadyFor(command);
        var before = call.Record;

        var decision = call.Do(CommandFor(command));

        Assert.True(decision.Applied, $"{command} was {decision.Kind}: {decision.Detail}");
        Assert.NotSame(before, decision.Record);
        Assert.Equal(MediaType.Voice, decision.Record.Media);
    }

    [Fact]
    public void A_call_still_hangs_up_and_dials_its_legs()
    {
        var call = InteractionScenario.Connected();

        var transferred = call.Applied(new Transfer("a1", new TransferTarget(TargetKind.External, "+390633333333")));
        Assert.Equal([new HangUpLeg("L2"), new EndAgentWork("a1"), new DialLeg("L3", PartyKind.External, "+390633333333"), new BridgeLegs(["L1"], 6)], transferred.Effects);

        var other = InteractionScenario.Connected();
        Assert.Equal([new HangUpLeg("L2"), new HangUpLeg("L1"), new EndAgentWork("a1")], other.Applied(new EndCall("a1")).Effects);
    }

    [Fact]
    public void Transfers_of_a_chat_to_agents_and_queues_are_not_call_only()
    {
        var toQueue = ConnectedChat().Record;
        var toAgent = ConnectedChat().Record;

        Assert.Equal(DecisionKind.Applied, InteractionMachine.Decide(toQueue, new Transfer("a1", new TransferTarget(TargetKind.Queue, "billing")), T0).Kind);
        Assert.Equal(DecisionKind.Applied, InteractionMachine.Decide(toAgent, new Transfer("a1", new TransferTarget(TargetKind.Agent, "b1")), T0).Kind);
        Assert.Equal(DecisionKind.Invalid, InteractionMachine.Decide(toAgent, new Transfer("a1", new TransferTarget(TargetKind.Agent, "a1")), T0).Kind);
    }

    private static void AssertCallOnlyRefusal(InteractionRecord record, InteractionCommand command, string wireName)
    {
        var decision = InteractionMachine.Decide(record, command, T0.AddHours(1));

        Assert.Equal(DecisionKind.NotAllowed, decision.Kind);
        Assert.Same(record, decision.Record);
        Assert.Empty(decision.Effects);
        Assert.NotNull(decision.Detail);
        Assert.Contains("calls only", decision.Detail, StringComparison.Ordinal);
        Assert.EndsWith($"interaction '{Id}' is {wireName}.", decision.Detail, StringComparison.Ordinal);
    }

    private static InteractionCommand CommandFor(string name) => name switch
    {
        "hold" => new HoldCall("a1"),
        "resume" => new ResumeCall("a1"),
        "consult-agent" => new StartConsult("a1", new TransferTarget(TargetKind.Agent, "b1")),
        "consult-queue" => new StartConsult("a1", new TransferTarget(TargetKind.Queue, "billing")),
        "consult-external" => new StartConsult("a1", new TransferTarget(TargetKind.External, "+390644444444")),
        "complete-consult" => new CompleteConsult("a1"),
        "cancel-consult" => new CancelConsult("a1"),
        "conference" => new StartConference("a1"),
        "leg-answered" => new LegEvent("L3", LegEventKind.Answered),
        "leg-ended" => new LegEvent("L1", LegEventKind.Ended),
        "leg-failed" => new LegEvent("L3", LegEventKind.Failed),
        "leg-agent-ended" => new LegEvent("L2", LegEventKind.Ended),
        "transfer-external" => new Transfer("a1", new TransferTarget(TargetKind.External, "+390633333333")),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown command name."),
    };

    /// <summary>A connected voice call (a1 handling, customer L1, agent L2) brought to where <paramref name="command"/> applies.</summary>
    private static InteractionScenario ConnectedCallReadyFor(string command)
    {
        var call = InteractionScenario.Connected();
        switch (command)
        {
            case "resume":
                call.Applied(new HoldCall("a1"));
                break;
            case "complete-consult" or "cancel-consult" or "conference":
                call.Applied(new StartConsult("a1", new TransferTarget(TargetKind.Agent, "b1")));
                call.Applied(new AcceptOffer("b1"));
                break;
            case "leg-answered" or "leg-failed":
                call.Applied(new StartConsult("a1", new TransferTarget(TargetKind.External, "+390644444444"))); // rings L3
                break;
        }

        return call;
    }

    private static Chat ConnectedChat(RoutingPolicy? policy = null)
    {
        var chat = Create(MediaType.Chat);
        chat.Applied(new OfferToAgent("a1", "support", policy ?? SupportPolicy), T0.AddSeconds(1));
        chat.Applied(new AcceptOffer("a1"), T0.AddSeconds(2));
        Assert.Equal(InteractionState.Connected, chat.Record.State);
        return chat;
    }

    private static Chat Create(MediaType media, string? queueId = "support", string? agentId = null, int priority = 5) =>
        Chat.From(InteractionMachine.Create(new NewInteraction(Id, media, InteractionDirection.Inbound, queueId, agentId, "visitor-42", null, priority, "api"), T0));

    /// <summary>One non-voice interaction driven through the machine, keeping every effect it ever produced.</summary>
    private sealed class Chat
    {
        private readonly List<InteractionEffect> allEffects = [];

        private Chat(InteractionDecision created)
        {
            Decision = created;
            allEffects.AddRange(created.Effects);
        }

        /// <summary>The last decision.</summary>
        public InteractionDecision Decision { get; private set; }

        public InteractionRecord Record => Decision.Record;

        public static Chat From(InteractionDecision created)
        {
            Assert.Equal(DecisionKind.Applied, created.Kind);
            return new Chat(created);
        }

        public InteractionDecision Applied(InteractionCommand command, DateTimeOffset at)
        {
            var decision = InteractionMachine.Decide(Record, command, at);
            Assert.True(decision.Applied, $"{command.GetType().Name} was {decision.Kind}: {decision.Detail}");
            Decision = decision;
            allEffects.AddRange(decision.Effects);
            return decision;
        }

        /// <summary>No phone leg was ever dialed or hung up for it.</summary>
        public void AssertNoTelephony()
        {
            Assert.NotEqual(MediaType.Voice, Record.Media);
            Assert.DoesNotContain(allEffects, e => e is DialLeg or HangUpLeg);
        }
    }
}
