using Switchboard.Domain.Queues;

namespace Switchboard.Domain.Interactions;

/// <summary>A mutable working copy of an <see cref="InteractionRecord"/> while one command is decided.</summary>
internal sealed class InteractionDraft
{
    private readonly InteractionRecord original;

    public InteractionDraft(InteractionRecord record, DateTimeOffset now, string actor)
    {
        original = record;
        Now = now;
        Actor = actor;
        State = record.State;
        QueueId = record.QueueId;
        QueuedAt = record.QueuedAt;
        QueueSequence = record.QueueSequence;
        EndedAt = record.EndedAt;
        Legs = [.. record.Legs];
        Offer = record.Offer;
        Handler = record.Handler;
        Participants = [.. record.Participants];
        HandledBy = [.. record.HandledBy];
        Consult = record.Consult;
        Conference = record.Conference;
        Policy = record.Policy;
        WrapUps = [.. record.WrapUps];
        Timeline = [.. record.Timeline];
        Customer = record.Customer;
        Cobrowse = [.. record.Cobrowse];
        PreferredAgentId = record.PreferredAgentId;
    }

    public DateTimeOffset Now { get; }

    public string Actor { get; }

    public InteractionRecord Original => original;

    public InteractionState State { get; set; }

    public string? QueueId { get; set; }

    public DateTimeOffset? QueuedAt { get; set; }

    public long? QueueSequence { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    public List<CallLeg> Legs { get; }

    public InteractionOffer? Offer { get; set; }

    public string? Handler { get; set; }

    public List<string> Participants { get; }

    public List<string> HandledBy { get; }

    public ConsultCall? Consult { get; set; }

    public bool Conference { get; set; }

    public RoutingPolicy Policy { get; set; }

    public List<WrapUpItem> WrapUps { get; }

    public List<TimelineEvent> Timeline { get; }

    public CustomerLink? Customer { get; set; }

    public List<CobrowseSession> Cobrowse { get; }

    public string? PreferredAgentId { get; set; }

    public List<InteractionEffect> Effects { get; } = [];

    public void Event(string type, params (string Key, string? Value)[] details) =>
        Timeline.Add(new TimelineEvent(
            Timeline.Count + 1,
            Now,
            type,
            Actor,
            details.Where(d => d.Value is not null).ToDictionary(d => d.Key, d => d.Value!, StringComparer.Ordinal)));

    /// <summary>Asks the grain to carry out <paramref name="effect"/>; telephony only for calls (a chat's parties are not phone legs).</summary>
    public void Effect(InteractionEffect effect)
    {
        if (effect is DialLeg or HangUpLeg or BridgeLegs && Original.Media != MediaType.Voice)
        {
            return;
        }

        Effects.Add(effect);
    }

    public CallLeg? Leg(string legId) => Legs.FirstOrDefault(l => l.Id == legId);

    public CallLeg? CustomerLeg => Legs.FirstOrDefault(l => l.Party == PartyKind.Customer && l.IsActive);

    public CallLeg? AgentLeg(string agentId) => Legs.FirstOrDefault(l => l.Party == PartyKind.Agent && l.Address == agentId && l.IsActive);

    public CallLeg AddLeg(int line, PartyKind party, string address, LegState state, LegOrigin? movedFrom = null)
    {
        var leg = new CallLeg("L" + (Legs.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), line, party, address, state, Now, MovedFrom: movedFrom);
        Legs.Add(leg);
        return leg;
    }

    public void SetLeg(string legId, LegState state, int? line = null)
    {
        var index = Legs.FindIndex(l => l.Id == legId);
        var leg = Legs[index];
        var over = state is LegState.Ended or LegState.Failed;
        Legs[index] = leg with { State = state, Line = line ?? leg.Line, EndedAt = over ? leg.EndedAt ?? Now : null };
    }

    /// <summary>Ends a leg on our side: marks it and asks the gateway to drop it.</summary>
    public void HangUp(CallLeg leg)
    {
        if (leg.IsActive)
        {
            SetLeg(leg.Id, LegState.Ended);
            Effect(new HangUpLeg(leg.Id));
        }
    }

    public void SetCustomerLeg(LegState state)
    {
        if (CustomerLeg is { } leg && leg.State != state)
        {
            SetLeg(leg.Id, state);
        }
    }

    public InteractionRecord ToRecord() => original with
    {
        State = State,
        QueueId = QueueId,
        QueuedAt = QueuedAt,
        QueueSequence = QueueSequence,
        EndedAt = EndedAt,
        Legs = [.. Legs],
        Offer = Offer,
        Handler = Handler,
        Participants = [.. Participants],
        HandledBy = [.. HandledBy],
        Consult = Consult,
        Conference = Conference,
        Policy = Policy,
        WrapUps = [.. WrapUps],
        Timeline = [.. Timeline],
        Customer = Customer,
        Cobrowse = [.. Cobrowse],
        PreferredAgentId = PreferredAgentId,
    };

    public InteractionDecision Applied()
    {
        AskToBridge();
        return new(DecisionKind.Applied, ToRecord(), [.. Effects], null);
    }

    /// <summary>
    /// Asks for the legs to be connected anew when who hears whom changed: not for a lone caller (nothing to connect yet)
    /// nor once every leg is gone (the hang-ups say it).
    /// </summary>
    private void AskToBridge()
    {
        string[] before = [.. original.Legs.Where(l => l.State == LegState.Connected).Select(l => l.Id)];
        string[] now = [.. Legs.Where(l => l.State == LegState.Connected).Select(l => l.Id)];
        if (!before.SequenceEqual(now, StringComparer.Ordinal) && (now.Length >= 2 || (before.Length >= 2 && now.Length > 0)))
        {
            Effect(new BridgeLegs(now, Timeline.Count));
        }
    }
}
