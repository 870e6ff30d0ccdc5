using Switchboard.Domain.Queues;

namespace Switchboard.Domain.Interactions;

/// <summary>Queueing and offers: enqueue, offer, accept, reject, no answer, overflow.</summary>
internal static class OfferSteps
{
    public static void Enqueue(InteractionDraft draft, string queueId, DateTimeOffset enqueuedAt)
    {
        draft.State = InteractionState.Queued;
        draft.QueueId = queueId;
        draft.QueuedAt = enqueuedAt;
        draft.QueueSequence = null; // a new arrival there: the queue numbers it
        draft.Effect(new EnqueueWork(queueId, draft.Original.Priority, enqueuedAt));
        draft.Event("queued", ("queue", queueId));
    }

    /// <summary>A direct offer: the agent has already agreed to hold it (the grain asked first).</summary>
    public static void OfferDirect(InteractionDraft draft, string agentId, OfferPurpose purpose)
    {
        draft.Offer = new InteractionOffer(agentId, null, purpose, draft.Now, draft.Now + draft.Policy.OfferTimeout);
        if (purpose == OfferPurpose.Main)
        {
            draft.State = InteractionState.Offered;
        }

        draft.Event(purpose == OfferPurpose.Main ? "offered" : "consult-offered", ("agent", agentId));
    }

    public static InteractionDecision Offer(InteractionDraft draft, OfferToAgent offer)
    {
        var record = draft.Original;
        if (record.Offer is null && record.State == InteractionState.Queued && record.QueueId == offer.QueueId)
        {
            draft.Policy = offer.Policy ?? draft.Policy;
            draft.Offer = new InteractionOffer(offer.AgentId, offer.QueueId, OfferPurpose.Main, draft.Now, draft.Now + draft.Policy.OfferTimeout, offer.QueueSequence);
            draft.QueueSequence = offer.QueueSequence ?? draft.QueueSequence;
            draft.State = InteractionState.Offered;
            draft.Event("offered", ("agent", offer.AgentId), ("queue", offer.QueueId));
            return draft.Applied();
        }

        if (record.Offer is null && record.Consult is { Target.Kind: TargetKind.Queue, AgentId: null } consult && consult.Target.Id == offer.QueueId && !record.IsOver)
        {
            var timeout = offer.Policy?.OfferTimeout ?? draft.Policy.OfferTimeout;
            draft.Offer = new InteractionOffer(offer.AgentId, offer.QueueId, OfferPurpose.Consult, draft.Now, draft.Now + timeout, offer.QueueSequence);
            draft.Event("consult-offered", ("agent", offer.AgentId), ("queue", offer.QueueId));
            return draft.Applied();
        }

        return InteractionMachine.Unchanged(record, $"Interaction '{record.Id}' is not waiting in queue '{offer.QueueId}' ({record.State}).");
    }

    public static InteractionDecision Accept(InteractionDraft draft, string agentId)
    {
        var record = draft.Original;
        if (Refuse(record, agentId, "accept") is { } refusal)
        {
            return refusal;
        }

        var offer = record.Offer!;
        draft.Offer = null;
        draft.Effect(new StartAgentWork(agentId, draft.Original.Media));
        if (offer.Purpose == OfferPurpose.Main)
        {
            draft.AddLeg(1, PartyKind.Agent, agentId, LegState.Connected);
            draft.SetCustomerLeg(LegState.Connected);
            draft.State = InteractionState.Connected;
            draft.Handler = agentId;
            draft.PreferredAgentId = null;
            draft.Participants.Add(agentId);
            if (!draft.HandledBy.Contains(agentId))
            {
                draft.HandledBy.Add(agentId);
            }

            if (offer.QueueId is { } queueId)
            {
                draft.Effect(new CountAnswered(queueId, draft.Now - (draft.QueuedAt ?? offer.OfferedAt)));
            }

            draft.Event("accepted", ("agent", agentId));
            if (record.Media == MediaType.Email && draft.Customer?.CaseNumber is null)
            {
                draft.Effect(new FollowEmailCase(agentId));
            }

            return draft.Applied();
        }

        var consult = record.Consult!;
        var legId = consult.LegId;
        if (legId is null)
        {
            legId = draft.AddLeg(2, PartyKind.Agent, agentId, LegState.Connected).Id;
        }
        else
        {
            draft.SetLeg(legId, LegState.Connected);
        }

        draft.Consult = consult with { LegId = legId, AgentId = agentId };
        draft.Participants.Add(agentId);
        draft.Event("consult-connected", ("agent", agentId), ("leg", legId));
        return draft.Applied();
    }

    public static InteractionDecision Reject(InteractionDraft draft, string agentId)
    {
        var record = draft.Original;
        if (Refuse(record, agentId, "reject") is { } refusal)
        {
            return refusal;
        }

        // A direct offer (a transfer, a direct call) has no queue rule: the agent just stays as it was.
        draft.Effect(new MarkRejected(agentId, record.Offer!.QueueId is null ? null : record.Policy.RejectAgentState));
        draft.Event("rejected", ("agent", agentId));
        ReturnOffer(draft);
        return draft.Applied();
    }

    /// <summary>RONA: an offer past its time goes back (to the head of its queue) and the agent to Break / no-answer.</summary>
    public static bool ExpireOffer(InteractionDraft draft)
    {
        if (draft.Offer is not { } offer || draft.Now < offer.ExpiresAt)
        {
            return false;
        }

        // A colleague who did not answer an agent's own call (not one from a queue) is not sent on a break for it: it
        // just stays as it was.
        var colleague = offer.QueueId is null && draft.Original.Direction == InteractionDirection.Internal;
        draft.Effect(colleague ? new MarkRejected(offer.AgentId, null) : new MarkNoAnswer(offer.AgentId));
        draft.Event("offer-timed-out", ("agent", offer.AgentId));
        ReturnOffer(draft);
        return true;
    }

    public static InteractionDecision MoveToQueue(InteractionDraft draft, string queueId)
    {
        var record = draft.Original;
        if (record.State != InteractionState.Queued || record.Offer is not null || record.QueueId == queueId)
        {
            return InteractionMachine.Unchanged(record, $"Interaction '{record.Id}' is not waiting to be moved ({record.State}).");
        }

        draft.Event("overflowed", ("from", record.QueueId), ("to", queueId));
        draft.QueueId = queueId;
        draft.QueueSequence = null;
        draft.Effect(new EnqueueWork(queueId, record.Priority, record.QueuedAt ?? draft.Now));
        return draft.Applied();
    }

    /// <summary>The open offer is over unanswered: main work back to its queue (or failed), a consult back or dropped.</summary>
    private static void ReturnOffer(InteractionDraft draft)
    {
        var offer = draft.Offer!;
        draft.Offer = null;
        if (offer.AgentId == draft.PreferredAgentId)
        {
            draft.PreferredAgentId = null; // asked once: from now on anyone may take it first
        }

        if (offer.Purpose == OfferPurpose.Consult)
        {
            var consult = draft.Consult!;
            if (consult.Target.Kind == TargetKind.Queue)
            {
                draft.Effect(new EnqueueWork(consult.Target.Id, draft.Original.Priority, consult.StartedAt, Requeue: true, offer.QueueSequence));
                draft.Event("consult-requeued", ("queue", consult.Target.Id));
            }
            else
            {
                if (consult.LegId is { } legId)
                {
                    draft.SetLeg(legId, LegState.Failed);
                }

                draft.Consult = null;
                draft.Event("consult-failed", ("agent", offer.AgentId));
            }

            return;
        }

        if (draft.QueueId is { } queueId)
        {
            draft.State = InteractionState.Queued;
            // Back at its place: also after a blind transfer to an agent nobody answered (a direct offer, so the place
            // comes from the record, kept since the queue first offered it).
            draft.Effect(new EnqueueWork(queueId, draft.Original.Priority, draft.QueuedAt ?? draft.Now, Requeue: true, draft.QueueSequence));
            draft.Event("requeued", ("queue", queueId));
            return;
        }

        // A direct call nobody answered has nowhere to go back to.
        CallSteps.Fail(draft, "not answered");
    }

    private static InteractionDecision? Refuse(InteractionRecord record, string agentId, string action)
    {
        if (record.Offer is not { } offer)
        {
            return InteractionMachine.NotAllowed(record, $"Cannot {action}: interaction '{record.Id}' has no open offer ({record.State}).");
        }

        return offer.AgentId != agentId
            ? InteractionMachine.NotParticipant(record, $"Interaction '{record.Id}' is offered to another agent, not to '{agentId}'.")
            : null;
    }
}
