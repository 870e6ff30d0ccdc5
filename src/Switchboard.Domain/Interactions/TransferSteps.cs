namespace Switchboard.Domain.Interactions;

/// <summary>Blind transfers, consults (line 2), transfer lines, cancel and conference.</summary>
internal static class TransferSteps
{
    /// <summary>Blind transfer. For an agent target the grain has already had that agent agree to hold the offer.</summary>
    public static InteractionDecision Transfer(InteractionDraft draft, string agentId, TransferTarget target)
    {
        if (RequireFreeHandler(draft, agentId, "transfer") is { } refusal)
        {
            return refusal;
        }

        if (target.Kind == TargetKind.Agent && target.Id == agentId)
        {
            return InteractionMachine.Invalid(draft.Original, "An agent cannot transfer a call to itself.");
        }

        HandOff(draft, agentId);
        draft.Event("transferred", ("agent", agentId), ("to", WireNames.Of(target.Kind)), ("target", target.Id));
        draft.SetCustomerLeg(LegState.Connected);
        switch (target.Kind)
        {
            case TargetKind.Agent:
                OfferSteps.OfferDirect(draft, target.Id, OfferPurpose.Main);
                break;
            case TargetKind.Queue:
                OfferSteps.Enqueue(draft, target.Id, draft.Now);
                break;
            default:
                var leg = draft.AddLeg(1, PartyKind.External, target.Id, LegState.Ringing);
                draft.Effect(new DialLeg(leg.Id, PartyKind.External, target.Id));
                draft.State = InteractionState.Connected;
                draft.Event("leg-dialed", ("leg", leg.Id), ("party", "external"), ("address", target.Id));
                break;
        }

        return draft.Applied();
    }

    /// <summary>Consult: the customer on hold, the target called on line 2 (for an agent, already agreed to hold it).</summary>
    public static InteractionDecision StartConsult(InteractionDraft draft, string agentId, TransferTarget target)
    {
        if (RequireFreeHandler(draft, agentId, "consult") is { } refusal)
        {
            return refusal;
        }

        if (target.Kind == TargetKind.Agent && target.Id == agentId)
        {
            return InteractionMachine.Invalid(draft.Original, "An agent cannot consult itself.");
        }

        draft.SetCustomerLeg(LegState.OnHold);
        draft.State = InteractionState.OnHold;
        draft.Event("consult-started", ("agent", agentId), ("to", WireNames.Of(target.Kind)), ("target", target.Id));
        switch (target.Kind)
        {
            case TargetKind.Agent:
                var agentLeg = draft.AddLeg(2, PartyKind.Agent, target.Id, LegState.Ringing);
                draft.Consult = new ConsultCall(target, agentLeg.Id, null, draft.Now);
                OfferSteps.OfferDirect(draft, target.Id, OfferPurpose.Consult);
                break;
            case TargetKind.Queue:
                draft.Consult = new ConsultCall(target, null, null, draft.Now);
                draft.Effect(new EnqueueWork(target.Id, draft.Original.Priority, draft.Now));
                break;
            default:
                var leg = draft.AddLeg(2, PartyKind.External, target.Id, LegState.Ringing);
                draft.Consult = new ConsultCall(target, leg.Id, null, draft.Now);
                draft.Effect(new DialLeg(leg.Id, PartyKind.External, target.Id));
                draft.Event("leg-dialed", ("leg", leg.Id), ("party", "external"), ("address", target.Id));
                break;
        }

        return draft.Applied();
    }

    /// <summary>Transfer lines: the handler leaves; the consulted party takes over line 1 with the customer.</summary>
    public static InteractionDecision CompleteConsult(InteractionDraft draft, string agentId)
    {
        if (RequireConnectedConsult(draft, agentId, "complete the consult") is { } refusal)
        {
            return refusal;
        }

        var consult = draft.Consult!;
        var consultLeg = draft.Leg(consult.LegId!)!;
        HandOff(draft, agentId);
        draft.SetLeg(consultLeg.Id, LegState.Connected, line: 1);
        draft.SetCustomerLeg(LegState.Connected);
        draft.Consult = null;
        draft.State = InteractionState.Connected;
        if (consult.AgentId is { } next)
        {
            draft.Handler = next;
            if (!draft.HandledBy.Contains(next))
            {
                draft.HandledBy.Add(next);
            }
        }

        draft.Event("consult-completed", ("agent", agentId), ("handler", draft.Handler), ("target", consult.Target.Id));
        return draft.Applied();
    }

    /// <summary>Back to line 1: the consult call is dropped (or its offer withdrawn) and the customer taken off hold.</summary>
    public static InteractionDecision CancelConsult(InteractionDraft draft, string agentId)
    {
        if (InteractionMachine.RequireHandler(draft, agentId, "cancel the consult") is { } refusal)
        {
            return refusal;
        }

        if (draft.Consult is not { } consult)
        {
            return InteractionMachine.NotAllowed(draft.Original, "Cannot cancel: there is no consult call.");
        }

        if (draft.Offer is { Purpose: OfferPurpose.Consult })
        {
            OfferSteps.Withdraw(draft);
        }

        if (consult.Target.Kind == TargetKind.Queue && consult.AgentId is null)
        {
            draft.Effect(new LeaveQueue(consult.Target.Id));
        }

        if (consult.LegId is { } legId && draft.Leg(legId) is { IsActive: true } leg)
        {
            draft.HangUp(leg);
        }

        if (consult.AgentId is { } consulted)
        {
            CallSteps.LeaveCall(draft, consulted);
        }

        draft.Consult = null;
        draft.SetCustomerLeg(LegState.Connected);
        draft.State = InteractionState.Connected;
        draft.Event("consult-cancelled", ("agent", agentId));
        return draft.Applied();
    }

    /// <summary>Merge lines: the customer, the handler and the consulted party on one call.</summary>
    public static InteractionDecision StartConference(InteractionDraft draft, string agentId)
    {
        if (RequireConnectedConsult(draft, agentId, "start a conference") is { } refusal)
        {
            return refusal;
        }

        foreach (var leg in draft.Legs.Where(l => l.IsActive && l.State != LegState.Connected).ToList())
        {
            draft.SetLeg(leg.Id, LegState.Connected);
        }

        draft.Consult = null;
        draft.Conference = true;
        draft.State = InteractionState.Connected;
        draft.Event("conference-started", ("agent", agentId), ("participants", string.Join(",", draft.Participants)));
        return draft.Applied();
    }

    /// <summary>
    /// Merge lines, on the call that stays: the other call's party joins as a conferenced leg (already live: it is not
    /// dialled), and the call is connected again if it was on hold.
    /// </summary>
    public static InteractionDecision MergeLines(InteractionDraft draft, MergeLines merge)
    {
        if (RequireLineToMerge(draft, merge.AgentId, allowConference: true) is { } refusal)
        {
            return refusal;
        }

        if (merge.FromInteractionId == draft.Original.Id)
        {
            return InteractionMachine.Invalid(draft.Original, "A call cannot be merged with itself: name the agent's other call.");
        }

        var leg = draft.AddLeg(1, PartyKind.External, merge.Address, LegState.Connected, new LegOrigin(merge.FromInteractionId, merge.FromLegId));
        draft.SetCustomerLeg(LegState.Connected);
        draft.State = InteractionState.Connected;
        draft.Conference = true;
        draft.Event("lines-merged", ("agent", merge.AgentId), ("from", merge.FromInteractionId), ("leg", leg.Id), ("address", merge.Address));
        return draft.Applied();
    }

    /// <summary>
    /// Merge lines, on the call that goes: its party leaves for the other call without being hung up, the agent's leg
    /// here hangs up, and the call ends (the agent owes its wrap-up).
    /// </summary>
    public static InteractionDecision HandOverLine(InteractionDraft draft, HandOverLine handOver)
    {
        if (RequireLineToMerge(draft, handOver.AgentId, allowConference: false) is { } refusal)
        {
            return refusal;
        }

        if (draft.CustomerLeg is not { } party)
        {
            return InteractionMachine.NotAllowed(draft.Original, "Cannot merge lines: nobody is on this call but the agent.");
        }

        draft.SetLeg(party.Id, LegState.Ended);
        draft.Event("merged-into", ("agent", handOver.AgentId), ("interaction", handOver.IntoInteractionId), ("leg", party.Id));
        CallSteps.Finish(draft, InteractionState.Ended, $"merged into {handOver.IntoInteractionId}");
        return draft.Applied();
    }

    private static InteractionDecision? RequireLineToMerge(InteractionDraft draft, string agentId, bool allowConference)
    {
        if (InteractionMachine.RequireHandler(draft, agentId, "merge lines") is { } refusal)
        {
            return refusal;
        }

        var record = draft.Original;
        if (record.State is not (InteractionState.Connected or InteractionState.OnHold) || record.Offer is not null)
        {
            return InteractionMachine.NotAllowed(record, $"Cannot merge lines: the call '{record.Id}' is {record.State}.");
        }

        if (record.Consult is not null)
        {
            return InteractionMachine.NotAllowed(record, $"Cannot merge lines: a consult is in progress on '{record.Id}'; complete or cancel it first.");
        }

        return record.Conference && !allowConference
            ? InteractionMachine.NotAllowed(record, $"Cannot merge lines: '{record.Id}' is a conference; merge the other call into it instead.")
            : null;
    }

    /// <summary>The handler leaves the call it passes on: its leg hangs up and its wrap-up starts.</summary>
    private static void HandOff(InteractionDraft draft, string agentId)
    {
        if (draft.AgentLeg(agentId) is { } leg)
        {
            draft.HangUp(leg);
        }

        CallSteps.LeaveCall(draft, agentId);
        draft.Handler = null;
    }

    private static InteractionDecision? RequireFreeHandler(InteractionDraft draft, string agentId, string action)
    {
        if (InteractionMachine.RequireHandler(draft, agentId, action) is { } refusal)
        {
            return refusal;
        }

        var record = draft.Original;
        if (record.State is not (InteractionState.Connected or InteractionState.OnHold))
        {
            return InteractionMachine.NotAllowed(record, $"Cannot {action}: the call is {record.State}.");
        }

        if (record.Consult is not null)
        {
            return InteractionMachine.NotAllowed(record, $"Cannot {action}: a consult is in progress on line 2; complete or cancel it first.");
        }

        return record.Conference
            ? InteractionMachine.NotAllowed(record, $"Cannot {action} during a conference.")
            : null;
    }

    private static InteractionDecision? RequireConnectedConsult(InteractionDraft draft, string agentId, string action)
    {
        if (InteractionMachine.RequireHandler(draft, agentId, action) is { } refusal)
        {
            return refusal;
        }

        var consult = draft.Consult;
        return consult?.LegId is { } legId && draft.Leg(legId) is { State: LegState.Connected }
            ? null
            : InteractionMachine.NotAllowed(draft.Original, $"Cannot {action}: {(consult is null ? "there is no consult call" : "the consulted party has not answered yet")}.");
    }
}
