using Switchboard.Domain.Queues;

namespace Switchboard.Domain.Interactions;

/// <summary>
/// The interaction state machine (voice first): decides what a command does to an <see cref="InteractionRecord"/> and
/// which effects (queue, agent, telephony) the grain must carry out. Pure: no I/O, time comes in as <c>now</c>.
/// </summary>
public static class InteractionMachine
{
    /// <summary>The first record of a new interaction and what must happen for it.</summary>
    public static InteractionDecision Create(NewInteraction spec, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var record = new InteractionRecord
        {
            Id = spec.Id,
            Media = spec.Media,
            Direction = spec.Direction,
            State = InteractionState.Queued,
            Priority = spec.Priority,
            From = spec.From,
            CustomerName = spec.CustomerName,
            To = spec.To,
            PreferredAgentId = spec.Direction == InteractionDirection.Inbound && spec.QueueId is not null ? spec.PreferredAgentId : null,
            RelatedInteractionId = spec.RelatedInteractionId,
            CreatedAt = now,
        };
        var draft = new InteractionDraft(record, now, spec.Actor);
        draft.Event("created", ("direction", WireNames.Of(spec.Direction)), ("media", WireNames.Of(spec.Media)), ("from", spec.From), ("to", spec.To));
        if (spec.Customer is { } customer)
        {
            draft.Customer = customer;
            draft.Event("customer-matched", ("customerId", customer.CustomerId));
        }

        if (spec.Direction == InteractionDirection.Outbound)
        {
            var agentId = spec.AgentId ?? throw new ArgumentException("An outbound call needs the agent who dials.", nameof(spec));
            draft.State = InteractionState.Dialing;
            draft.Handler = agentId;
            draft.Participants.Add(agentId);
            draft.HandledBy.Add(agentId);
            var agentLeg = draft.AddLeg(1, PartyKind.Agent, agentId, LegState.Ringing);
            draft.Effect(new StartAgentWork(agentId, draft.Original.Media));
            draft.Effect(new DialLeg(agentLeg.Id, PartyKind.Agent, agentId));
            draft.Event("leg-dialed", ("leg", agentLeg.Id), ("party", "agent"), ("address", agentId));
            return draft.Applied();
        }

        if (spec.Direction == InteractionDirection.Internal)
        {
            // The agent who starts it is in it at once (its leg, its work); the colleague is offered it, with no queue.
            var caller = spec.From ?? throw new ArgumentException("Internal work needs the agent who starts it (From).", nameof(spec));
            var callee = spec.AgentId ?? throw new ArgumentException("Internal work needs the agent it is for.", nameof(spec));
            draft.Handler = caller;
            draft.Participants.Add(caller);
            draft.HandledBy.Add(caller);
            if (spec.RingCaller && spec.Media == MediaType.Voice)
            {
                var callerLeg = draft.AddLeg(1, PartyKind.Agent, caller, LegState.Ringing);
                draft.Effect(new DialLeg(callerLeg.Id, PartyKind.Agent, caller));
                draft.Event("leg-dialed", ("leg", callerLeg.Id), ("party", "agent"), ("address", caller));
            }
            else
            {
                draft.AddLeg(1, PartyKind.Agent, caller, LegState.Connected);
            }

            draft.Effect(new StartAgentWork(caller, draft.Original.Media));
            OfferSteps.OfferDirect(draft, callee, OfferPurpose.Main);
            return draft.Applied();
        }

        draft.AddLeg(1, PartyKind.Customer, spec.From ?? "unknown", LegState.Connected);
        if (spec.QueueId is { } queueId)
        {
            OfferSteps.Enqueue(draft, queueId, now);
        }
        else
        {
            var agentId = spec.AgentId ?? throw new ArgumentException("Inbound work needs a queue or an agent.", nameof(spec));
            OfferSteps.OfferDirect(draft, agentId, OfferPurpose.Main);
        }

        return draft.Applied();
    }

    /// <summary>What <paramref name="command"/> does to <paramref name="record"/> now.</summary>
    public static InteractionDecision Decide(InteractionRecord record, InteractionCommand command, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(command);
        if (CallOnly(record, command) is { } refusal)
        {
            return refusal;
        }

        var draft = new InteractionDraft(record, now, command.Actor);
        var decision = command switch
        {
            OfferToAgent offer => OfferSteps.Offer(draft, offer),
            AcceptOffer accept => OfferSteps.Accept(draft, accept.AgentId, accept.RingPhone),
            RejectOffer reject => OfferSteps.Reject(draft, reject.AgentId),
            MoveToQueue move => OfferSteps.MoveToQueue(draft, move.QueueId),
            HoldCall hold => CallSteps.Hold(draft, hold.AgentId),
            ResumeCall resume => CallSteps.Resume(draft, resume.AgentId),
            EndCall end => CallSteps.End(draft, end.AgentId),
            LegEvent leg => CallSteps.OnLegEvent(draft, leg),
            Transfer transfer => TransferSteps.Transfer(draft, transfer.AgentId, transfer.Target),
            StartConsult consult => TransferSteps.StartConsult(draft, consult.AgentId, consult.Target),
            CompleteConsult complete => TransferSteps.CompleteConsult(draft, complete.AgentId),
            CancelConsult cancel => TransferSteps.CancelConsult(draft, cancel.AgentId),
            StartConference conference => TransferSteps.StartConference(draft, conference.AgentId),
            MergeLines merge => TransferSteps.MergeLines(draft, merge),
            HandOverLine handOver => TransferSteps.HandOverLine(draft, handOver),
            SaveWrapUp wrapUp => WrapUpSteps.Save(draft, wrapUp),
            LinkCustomer link => Link(draft, link.Link),
            CustomerLeaves => record.Media == MediaType.Chat
                ? CallSteps.CustomerLeaves(draft)
                : NotAllowed(record, $"Only a chat's customer leaves through the API; interaction '{record.Id}' is {WireNames.Of(record.Media)} (telephony reports its legs)."),
            StartCobrowse start => CobrowseSteps.Start(draft, start),
            JoinCobrowse join => CobrowseSteps.Join(draft, join),
            EndCobrowse end => CobrowseSteps.End(draft, end),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "Unknown interaction command."),
        };
        return EndCobrowseWhenOver(decision, now, command.Actor);
    }

    /// <summary>A change that ends the interaction ends its open co-browse session too, in the same change.</summary>
    private static InteractionDecision EndCobrowseWhenOver(InteractionDecision decision, DateTimeOffset now, string actor)
    {
        if (!decision.Applied || !decision.Record.IsOver || !decision.Record.Cobrowse.Any(s => s.IsOpen))
        {
            return decision;
        }

        var draft = new InteractionDraft(decision.Record, now, actor);
        CobrowseSteps.CloseWithInteraction(draft);
        return decision with { Record = draft.ToRecord() };
    }

    /// <summary>Links the customer (and case) by hand; the same link again changes nothing.</summary>
    private static InteractionDecision Link(InteractionDraft draft, CustomerLink link)
    {
        var current = draft.Original.Customer;
        if (current is not null && current.ByHand && current.CustomerId == link.CustomerId && current.CaseNumber == link.CaseNumber)
        {
            return Unchanged(draft.Original, "It is linked to this customer and case already.");
        }

        draft.Customer = link;
        draft.Event("customer-linked", ("customerId", link.CustomerId),
            ("caseId", link.CaseNumber?.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("previousCustomerId", current?.CustomerId));

        // The case linked before no longer lists it; the new one does.
        if (current is { ByHand: true, CaseNumber: { } old } && old != link.CaseNumber)
        {
            draft.Effect(new UpdateCaseLink(old, Linked: false, draft.Actor));
        }

        if (link.CaseNumber is { } number)
        {
            draft.Effect(new UpdateCaseLink(number, Linked: true, draft.Actor));
        }

        return draft.Applied();
    }

    /// <summary>Carries out what is due at <paramref name="now"/>: an unanswered offer, wrap-ups past their limit, co-browse codes that expired unused.</summary>
    public static InteractionDecision Tick(InteractionRecord record, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(record);
        var draft = new InteractionDraft(record, now, "system");
        var changed = OfferSteps.ExpireOffer(draft);
        changed |= WrapUpSteps.ExpireWrapUps(draft);
        changed |= CobrowseSteps.Expire(draft);
        return changed ? EndCobrowseWhenOver(draft.Applied(), now, "system") : Unchanged(record, "nothing is due");
    }

    /// <summary>
    /// The refusal of a call-only action on other media, or null: chats, emails and voicemails have no hold, no line 2
    /// (consult, conference) and no phone legs, and go to agents or queues only, never to a phone number.
    /// </summary>
    private static InteractionDecision? CallOnly(InteractionRecord record, InteractionCommand command)
    {
        if (record.Media == MediaType.Voice)
        {
            return null;
        }

        var action = command switch
        {
            HoldCall => "hold",
            ResumeCall => "resume",
            StartConsult => "consult",
            CompleteConsult => "complete a consult",
            CancelConsult => "cancel a consult",
            StartConference => "conference",
            MergeLines or HandOverLine => "merge lines",
            LegEvent => "report telephony legs",
            Transfer { Target.Kind: TargetKind.External } => "transfer to a phone number",
            _ => null,
        };
        return action is null ? null : NotAllowed(record, $"Cannot {action}: that applies to calls only, and interaction '{record.Id}' is {WireNames.Of(record.Media)}.");
    }

    internal static InteractionDecision Unchanged(InteractionRecord record, string detail) => new(DecisionKind.Unchanged, record, [], detail);

    internal static InteractionDecision NotAllowed(InteractionRecord record, string detail) => new(DecisionKind.NotAllowed, record, [], detail);

    internal static InteractionDecision NotParticipant(InteractionRecord record, string detail) => new(DecisionKind.NotParticipant, record, [], detail);

    internal static InteractionDecision Invalid(InteractionRecord record, string detail) => new(DecisionKind.Invalid, record, [], detail);

    /// <summary>The refusal for an action by <paramref name="agentId"/> that needs the handler of a live call, or null if allowed.</summary>
    internal static InteractionDecision? RequireHandler(InteractionDraft draft, string agentId, string action)
    {
        var record = draft.Original;
        if (record.IsOver)
        {
            return NotAllowed(record, $"Cannot {action}: the interaction is {record.State}.");
        }

        if (record.Handler != agentId || draft.AgentLeg(agentId) is null)
        {
            return record.Participants.Contains(agentId)
                ? NotAllowed(record, $"Cannot {action}: only the agent handling the interaction ({record.Handler ?? "none"}) can.")
                : NotParticipant(record, $"Agent '{agentId}' is not handling interaction '{record.Id}'.");
        }

        return null;
    }
}
