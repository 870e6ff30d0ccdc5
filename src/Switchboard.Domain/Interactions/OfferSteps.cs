using System.Globalization;
using Switchboard.Domain.Queues;
using Switchboard.Domain.Routing;

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
            draft.Offer = new InteractionOffer(
                offer.AgentId, offer.QueueId, OfferPurpose.Main, draft.Now, draft.Now + draft.Policy.OfferTimeout, offer.QueueSequence, Routing: offer.Routing);
            draft.QueueSequence = offer.QueueSequence ?? draft.QueueSequence;
            draft.State = InteractionState.Offered;
            draft.Event("offered", [("agent", offer.AgentId), ("queue", offer.QueueId), .. Explained(offer.Routing)]);
            return draft.Applied();
        }

        if (record.Offer is null && record.Consult is { Target.Kind: TargetKind.Queue, AgentId: null } consult && consult.Target.Id == offer.QueueId && !record.IsOver)
        {
            var timeout = offer.Policy?.OfferTimeout ?? draft.Policy.OfferTimeout;
            draft.Offer = new InteractionOffer(
                offer.AgentId, offer.QueueId, OfferPurpose.Consult, draft.Now, draft.Now + timeout, offer.QueueSequence, Routing: offer.Routing);
            draft.Event("consult-offered", [("agent", offer.AgentId), ("queue", offer.QueueId), .. Explained(offer.Routing)]);
            return draft.Applied();
        }

        return InteractionMachine.Unchanged(record, $"Interaction '{record.Id}' is not waiting in queue '{offer.QueueId}' ({record.State}).");
    }

    /// <summary>
    /// Why the queue chose the agent, as timeline details: <c>skipped</c> is <c>agent:reason</c> pairs joined by commas,
    /// <c>skippedMore</c> those beyond; details that do not apply are left out (a queue may offer many calls a second).
    /// </summary>
    private static (string Key, string? Value)[] Explained(RoutingExplanation? why) => why is null
        ? []
        :
        [
            ("strategy", WireNames.Of(why.Strategy)),
            ("eligible", Number(why.Eligible)),
            ("idleSeconds", Number(why.IdleSeconds)),
            ("skillLevel", Number(why.SkillLevel)),
            ("load", Number(why.Load)),
            ("position", why.Position is { } position ? Number(position) : null),
            ("preferred", why.Preferred ? "true" : null),
            ("skipped", why.Skipped.Count > 0 ? string.Join(',', why.Skipped.Select(s => $"{s.AgentId}:{WireNames.Of(s.Reason)}")) : null),
            ("skippedMore", why.SkippedMore > 0 ? Number(why.SkippedMore) : null),
        ];

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static InteractionDecision Accept(InteractionDraft draft, string agentId, bool ringPhone)
    {
        var record = draft.Original;
        if (Refuse(record, agentId, "accept") is { } refusal)
        {
            return refusal;
        }

        var offer = record.Offer!;
        if (offer.PhoneLegId is not null)
        {
            return InteractionMachine.Unchanged(record, $"Accepted already: agent '{agentId}''s phone is ringing, and the call connects when it answers.");
        }

        if (ringPhone && record.Media == MediaType.Voice)
        {
            RingPhone(draft, offer);
            return draft.Applied();
        }

        Connect(draft, offer, legId: null);
        return draft.Applied();
    }

    /// <summary>
    /// The accepting agent's own phone is rung first; the offer stays open (so a reject, the customer leaving or the
    /// phone not answering in as long as the offer gave to accept puts the call back as unanswered) until it answers.
    /// </summary>
    private static void RingPhone(InteractionDraft draft, InteractionOffer offer)
    {
        var legId = offer.Purpose == OfferPurpose.Consult && draft.Consult?.LegId is { } consultLeg
            ? consultLeg
            : draft.AddLeg(offer.Purpose == OfferPurpose.Main ? 1 : 2, PartyKind.Agent, offer.AgentId, LegState.Ringing).Id;
        draft.Offer = offer with { PhoneLegId = legId, ExpiresAt = draft.Now + (offer.ExpiresAt - offer.OfferedAt) };
        draft.Effect(new DialLeg(legId, PartyKind.Agent, offer.AgentId));
        draft.Event("agent-phone-ringing", ("agent", offer.AgentId), ("leg", legId));
    }

    /// <summary>The agent whose phone was rung for its accept answered: the accept takes effect now.</summary>
    public static void PhoneAnswered(InteractionDraft draft, InteractionOffer offer) => Connect(draft, offer, offer.PhoneLegId);

    /// <summary>The agent's phone, rung for its accept, failed or hung up before answering: as an offer not answered in time.</summary>
    public static void PhoneNotAnswered(InteractionDraft draft, InteractionOffer offer)
    {
        NotAnswered(draft, offer);
        draft.Event("offer-timed-out", ("agent", offer.AgentId), ("reason", "the agent's phone did not answer"));
        ReturnOffer(draft);
    }

    /// <summary>The accept takes effect: the agent on the call (on <paramref name="legId"/> when its phone was rung for it).</summary>
    private static void Connect(InteractionDraft draft, InteractionOffer offer, string? legId)
    {
        var record = draft.Original;
        var agentId = offer.AgentId;
        draft.Offer = null;
        draft.Effect(new StartAgentWork(agentId, draft.Original.Media));
        if (offer.Purpose == OfferPurpose.Main)
        {
            if (legId is null)
            {
                draft.AddLeg(1, PartyKind.Agent, agentId, LegState.Connected);
            }
            else
            {
                draft.SetLeg(legId, LegState.Connected);
            }

            draft.SetCustomerLeg(LegState.Connected);
            draft.State = InteractionState.Connected;
            draft.Handler = agentId;
            draft.PreferredAgentId = null;
            draft.Participants.Add(agentId);
            if (!draft.HandledBy.Contains(agentId))
            {
                draft.HandledBy.Add(agentId);
            }

            draft.Event("accepted", ("agent", agentId));
            if (record.Media == MediaType.Email && draft.Customer?.CaseNumber is null)
            {
                draft.Effect(new FollowEmailCase(agentId));
            }

            return;
        }

        var consult = record.Consult!;
        legId ??= consult.LegId;
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
        HangUpPhone(draft, record.Offer);
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

        NotAnswered(draft, offer);
        draft.Event("offer-timed-out", ("agent", offer.AgentId));
        HangUpPhone(draft, offer);
        ReturnOffer(draft);
        return true;
    }

    /// <summary>What an unanswered offer does to its agent.</summary>
    private static void NotAnswered(InteractionDraft draft, InteractionOffer offer)
    {
        // A colleague who did not answer an agent's own call (not one from a queue) is not sent on a break for it: it
        // just stays as it was.
        var colleague = offer.QueueId is null && draft.Original.Direction == InteractionDirection.Internal;
        draft.Effect(colleague ? new MarkRejected(offer.AgentId, null) : new MarkNoAnswer(offer.AgentId));
    }

    /// <summary>Takes back the offer without an answer from its agent (a cancelled consult, the customer gone): its phone, if rung, stops.</summary>
    public static void Withdraw(InteractionDraft draft)
    {
        if (draft.Offer is { } offer)
        {
            draft.Effect(new ReleaseOffer(offer.AgentId));
            HangUpPhone(draft, offer);
            draft.Offer = null;
        }
    }

    /// <summary>Stops the agent's phone rung for the offer's accept, if it still rings.</summary>
    private static void HangUpPhone(InteractionDraft draft, InteractionOffer offer)
    {
        if (offer.PhoneLegId is { } legId && draft.Leg(legId) is { IsActive: true } leg)
        {
            draft.HangUp(leg);
        }
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
