namespace Switchboard.Domain.Interactions;

/// <summary>Call control: hold, resume, hang-ups (agent or telephony), and the end of an interaction.</summary>
internal static class CallSteps
{
    public static InteractionDecision Hold(InteractionDraft draft, string agentId)
    {
        if (InteractionMachine.RequireHandler(draft, agentId, "hold") is { } refusal)
        {
            return refusal;
        }

        var record = draft.Original;
        if (record.State != InteractionState.Connected || record.Consult is not null)
        {
            return InteractionMachine.NotAllowed(record, $"Cannot hold: the call is {Describe(record)}.");
        }

        draft.SetCustomerLeg(LegState.OnHold);
        draft.State = InteractionState.OnHold;
        draft.Effect(new HoldAgentLine(agentId));
        draft.Event("held", ("agent", agentId));
        return draft.Applied();
    }

    public static InteractionDecision Resume(InteractionDraft draft, string agentId)
    {
        if (InteractionMachine.RequireHandler(draft, agentId, "resume") is { } refusal)
        {
            return refusal;
        }

        var record = draft.Original;
        if (record.State != InteractionState.OnHold || record.Consult is not null)
        {
            return InteractionMachine.NotAllowed(record, $"Cannot resume: the call is {Describe(record)}{(record.Consult is null ? string.Empty : "; cancel or complete the consult instead")}.");
        }

        draft.SetCustomerLeg(LegState.Connected);
        draft.State = InteractionState.Connected;
        draft.Event("resumed", ("agent", agentId));
        return draft.Applied();
    }

    /// <summary>An agent hangs up: a consulted agent leaves line 2, a conferenced agent leaves, otherwise the call ends.</summary>
    public static InteractionDecision End(InteractionDraft draft, string agentId)
    {
        var record = draft.Original;
        if (record.IsOver)
        {
            return InteractionMachine.NotAllowed(record, $"Cannot end: the interaction is {record.State}.");
        }

        if (draft.AgentLeg(agentId) is not { } leg)
        {
            return record.Offer?.AgentId == agentId
                ? InteractionMachine.NotAllowed(record, "Cannot end an offer: accept or reject it.")
                : InteractionMachine.NotParticipant(record, $"Agent '{agentId}' is not on interaction '{record.Id}'.");
        }

        if (record.Offer is { PhoneLegId: { } ringing } && ringing == leg.Id)
        {
            return InteractionMachine.NotAllowed(record, "Cannot end: the agent's phone is ringing for its accept; reject the offer instead.");
        }

        draft.HangUp(leg);
        AgentLeft(draft, agentId, leg.Id);
        return draft.Applied();
    }

    public static InteractionDecision OnLegEvent(InteractionDraft draft, LegEvent legEvent)
    {
        var record = draft.Original;
        if (draft.Leg(legEvent.LegId) is not { } leg)
        {
            return InteractionMachine.Invalid(record, $"Interaction '{record.Id}' has no leg '{legEvent.LegId}'.");
        }

        if (!leg.IsActive || (legEvent.Kind == LegEventKind.Answered && leg.State != LegState.Ringing))
        {
            return InteractionMachine.Unchanged(record, $"Leg '{leg.Id}' is {leg.State}.");
        }

        if (draft.Offer is { PhoneLegId: { } phoneLeg } offer && phoneLeg == leg.Id)
        {
            // The phone rung for an agent's accept: answered, the accept takes effect; otherwise the offer went unanswered.
            var answered = legEvent.Kind == LegEventKind.Answered;
            draft.SetLeg(leg.Id, answered ? LegState.Connected : legEvent.Kind == LegEventKind.Failed ? LegState.Failed : LegState.Ended);
            draft.Event(answered ? "leg-answered" : legEvent.Kind == LegEventKind.Failed ? "leg-failed" : "leg-ended", ("leg", leg.Id), ("party", WireNames.Of(leg.Party)));
            if (answered)
            {
                OfferSteps.PhoneAnswered(draft, offer);
            }
            else
            {
                OfferSteps.PhoneNotAnswered(draft, offer);
            }

            return draft.Applied();
        }

        if (legEvent.Kind == LegEventKind.Answered)
        {
            Answered(draft, leg);
            return draft.Applied();
        }

        draft.SetLeg(leg.Id, legEvent.Kind == LegEventKind.Failed ? LegState.Failed : LegState.Ended);
        draft.Event(legEvent.Kind == LegEventKind.Failed ? "leg-failed" : "leg-ended", ("leg", leg.Id), ("party", WireNames.Of(leg.Party)));
        switch (leg.Party)
        {
            case PartyKind.Customer:
                CustomerLeft(draft);
                break;
            case PartyKind.Agent:
                AgentLeft(draft, leg.Address, leg.Id);
                break;
            default:
                ExternalLeft(draft, leg, legEvent.Kind == LegEventKind.Failed);
                break;
        }

        return draft.Applied();
    }

    /// <summary>The interaction is over: every leg hung up, open offers released, agents to wrap-up.</summary>
    public static void Finish(InteractionDraft draft, InteractionState state, string reason)
    {
        ReleaseOpenOffer(draft);
        if (draft.Consult is { Target.Kind: TargetKind.Queue, AgentId: null } pending)
        {
            draft.Effect(new LeaveQueue(pending.Target.Id));
        }

        if (state == InteractionState.Abandoned && draft.QueueId is { } queueId && draft.Original.State == InteractionState.Queued)
        {
            draft.Effect(new LeaveQueue(queueId));
        }

        foreach (var leg in draft.Legs.Where(l => l.IsActive).ToList())
        {
            draft.HangUp(leg);
        }

        draft.Consult = null;
        draft.Conference = false;
        draft.State = state;
        draft.EndedAt = draft.Now;
        draft.Event(state switch
        {
            InteractionState.Abandoned => "abandoned",
            InteractionState.Failed => "failed",
            _ => "ended",
        }, ("reason", reason));

        foreach (var agentId in draft.Participants.ToList())
        {
            WrapUpSteps.Open(draft, agentId);
        }

        draft.Participants.Clear();
        WrapUpSteps.SettleIfDone(draft);
    }

    public static void Fail(InteractionDraft draft, string reason) => Finish(draft, InteractionState.Failed, reason);

    private static void Answered(InteractionDraft draft, CallLeg leg)
    {
        draft.SetLeg(leg.Id, LegState.Connected);
        draft.Event("leg-answered", ("leg", leg.Id), ("party", WireNames.Of(leg.Party)));
        if (draft.Original.State != InteractionState.Dialing)
        {
            return;
        }

        if (leg.Party == PartyKind.Agent)
        {
            // Outbound: the agent picked up, now the callee's phone rings.
            var callee = draft.AddLeg(1, PartyKind.Customer, draft.Original.To ?? "unknown", LegState.Ringing);
            draft.Effect(new DialLeg(callee.Id, PartyKind.Customer, callee.Address));
            draft.Event("leg-dialed", ("leg", callee.Id), ("party", "customer"), ("address", callee.Address));
        }
        else if (leg.Party == PartyKind.Customer)
        {
            draft.State = InteractionState.Connected;
            draft.Event("connected", ("agent", draft.Handler));
        }
    }

    /// <summary>The customer leaves a chat: its side ends, then as when a caller hangs up.</summary>
    public static InteractionDecision CustomerLeaves(InteractionDraft draft)
    {
        var record = draft.Original;
        if (record.IsOver || draft.CustomerLeg is not { } leg)
        {
            return InteractionMachine.Unchanged(record, $"The chat is {record.State}: the customer has left already.");
        }

        draft.SetLeg(leg.Id, LegState.Ended);
        draft.Event("customer-left");
        CustomerLeft(draft);
        return draft.Applied();
    }

    private static void CustomerLeft(InteractionDraft draft)
    {
        var state = draft.Original.State;
        if (state is InteractionState.Queued or InteractionState.Offered)
        {
            Finish(draft, InteractionState.Abandoned, "the caller hung up");
        }
        else if (state == InteractionState.Dialing)
        {
            Finish(draft, InteractionState.Failed, "the callee did not answer");
        }
        else
        {
            Finish(draft, InteractionState.Ended, "the customer hung up");
        }
    }

    /// <summary>An agent's leg is over (already marked): leave a consult or conference, or end the call.</summary>
    private static void AgentLeft(InteractionDraft draft, string agentId, string legId)
    {
        var record = draft.Original;
        var callerBeforeAnswer = record.State == InteractionState.Offered && record.Direction == InteractionDirection.Internal && record.Handler == agentId;
        if (record.State == InteractionState.Dialing || callerBeforeAnswer)
        {
            Finish(draft, InteractionState.Failed, "the agent hung up before the callee answered");
            return;
        }

        if (record.Consult is { } consult && consult.LegId == legId)
        {
            draft.Consult = null;
            if (consult.AgentId == agentId)
            {
                LeaveCall(draft, agentId);
                draft.Event("consult-ended", ("agent", agentId));
            }
            else
            {
                // The consulted agent's phone stopped ringing before it answered: its offer goes with the consult.
                ReleaseOpenOffer(draft);
                draft.Event("consult-failed", ("agent", agentId));
            }

            return;
        }

        var othersOnCall = draft.Participants.Count(p => p != agentId) + draft.Legs.Count(l => l.IsActive && l.Party == PartyKind.External);
        if (record.Conference && othersOnCall > 0)
        {
            LeaveCall(draft, agentId);
            if (draft.Handler == agentId)
            {
                draft.Handler = draft.Participants.FirstOrDefault();
                if (draft.Handler is { } next && !draft.HandledBy.Contains(next))
                {
                    draft.HandledBy.Add(next);
                }
            }

            draft.Conference = draft.Participants.Count + draft.Legs.Count(l => l.IsActive && l.Party == PartyKind.External) > 1;
            draft.Event("participant-left", ("agent", agentId), ("handler", draft.Handler));
            return;
        }

        Finish(draft, InteractionState.Ended, $"agent {agentId} hung up");
    }

    /// <summary>An external leg is over: a consult to a number ends; otherwise the call (the customer with the number) ends.</summary>
    private static void ExternalLeft(InteractionDraft draft, CallLeg leg, bool failed)
    {
        if (draft.Original.Consult is { } consult && consult.LegId == leg.Id)
        {
            draft.Consult = null;
            draft.Event(failed ? "consult-failed" : "consult-ended", ("address", leg.Address));
            return;
        }

        if (draft.Participants.Count > 0)
        {
            // A conferenced number left; the agents and the customer go on.
            draft.Conference = draft.Participants.Count > 1;
            return;
        }

        Finish(draft, failed ? InteractionState.Failed : InteractionState.Ended, failed ? $"the transfer to {leg.Address} failed" : $"{leg.Address} hung up");
    }

    /// <summary>One agent leaves a call that goes on: off the participants, to wrap-up.</summary>
    public static void LeaveCall(InteractionDraft draft, string agentId)
    {
        draft.Participants.Remove(agentId);
        WrapUpSteps.Open(draft, agentId);
    }

    private static void ReleaseOpenOffer(InteractionDraft draft) => OfferSteps.Withdraw(draft);

    private static string Describe(InteractionRecord record) => record.Consult is null ? record.State.ToString() : $"{record.State} with a consult on line 2";
}
