using Switchboard.Domain.Agents;
using Switchboard.Domain.Interactions;
using Switchboard.Domain.Queues;
using Switchboard.Domain.Routing;

namespace Switchboard.Domain.Tests.Properties;

/// <summary>What must hold in the world once routing has settled after any step. Returns the broken rules.</summary>
internal static class WorldInvariants
{
    public static List<string> Broken(RoutingWorld w)
    {
        var problems = new List<string>(w.Violations);
        OneOfferPerAgent(w, problems);
        OffersWentToEligibleAgents(w, problems);
        EveryInteractionInOnePlace(w, problems);
        NothingLost(w, problems);
        FifoWithinPriority(w, problems);
        AgentsMatchTheirWork(w, problems);
        NoIdleAgentBesideWaitingWork(w, problems);
        NeverAboveCapacity(w, problems);
        OneCallAtATime(w, problems);
        return problems;
    }

    /// <summary>
    /// Whether an agent looking like this may be offered work of <paramref name="media"/>: the blended-routing rules,
    /// written out here rather than taken from the domain. One offer at a time; a medium with capacity 0 never. With no
    /// work: routed work to an Available agent, direct work to an Available or Offline one. With work: only Busy, going
    /// back afterwards (to the next state asked for, else where it took the work from) to a state that receives such
    /// work, below capacity for the medium, and
    /// neither a call in hand keeping others away nor (when the rule says so) other work keeping a call away. A second
    /// call, put through directly (not routed), may join an only call the agent has on hold.
    /// </summary>
    public static bool CouldTake(
        AgentState state, AgentState? resumeState, AgentState? nextState, IReadOnlyList<MediaType> active, bool holdsOther,
        MediaType media, int capacity, bool routed, UtilizationRule rule, int callsOnHold = 0)
    {
        if (holdsOther || capacity == 0)
        {
            return false;
        }

        var receives = routed ? [AgentState.Available] : new[] { AgentState.Available, AgentState.Offline };
        if (active.Count == 0)
        {
            return receives.Contains(state);
        }

        var callInHand = active.Contains(MediaType.Voice);
        var otherInHand = active.Any(m => m != MediaType.Voice);
        var blocked = media == MediaType.Voice ? rule.OthersBlockVoice && otherInHand : rule.VoiceBlocksOthers && callInHand;
        return state == AgentState.Busy && receives.Contains(nextState ?? resumeState ?? AgentState.Available)
            && (active.Count(m => m == media) < capacity || (media == MediaType.Voice && !routed && callsOnHold == 1 && active.Count(m => m == MediaType.Voice) == 1))
            && !blocked;
    }

    /// <summary>8. No agent ever has more work of a medium in hand than its capacity for it.</summary>
    private static void NeverAboveCapacity(RoutingWorld w, List<string> problems)
    {
        foreach (var agent in w.Agents.Values)
        {
            foreach (var media in agent.ActiveMedia.Distinct())
            {
                var count = agent.ActiveMedia.Count(m => m == media);
                var lines = media == MediaType.Voice && agent.Capacity.Voice > 0 ? 2 : agent.Capacity.For(media); // a call on each line at most
                if (count > lines)
                {
                    problems.Add($"8: {agent.Id} has {count} {media} in hand, capacity {lines}: [{string.Join(", ", agent.Status.ActiveWork)}]");
                }
            }

            if (agent.Status.ActiveWork.Any(id => w.Interactions[id].Media != agent.WorkMedia.GetValueOrDefault(id, MediaType.Voice)))
            {
                problems.Add($"8: {agent.Id} keeps the wrong media for its work: {string.Join(", ", agent.WorkMedia)}");
            }
        }
    }

    /// <summary>9. An agent talks on one call at a time: of the calls in its hands, all but one at most are on hold.</summary>
    private static void OneCallAtATime(RoutingWorld w, List<string> problems)
    {
        foreach (var agent in w.Agents.Values)
        {
            var talking = agent.Status.ActiveWork
                .Where(id => w.Interactions[id] is { Media: MediaType.Voice, IsOver: false } call && call.State != InteractionState.OnHold)
                .ToList();
            if (talking.Count > 1)
            {
                problems.Add($"9: {agent.Id} talks on {talking.Count} calls at once: [{string.Join(", ", talking)}]");
            }
        }
    }

    /// <summary>1. No agent holds more than one offer, and the agents' held offers are exactly the interactions' open offers.</summary>
    private static void OneOfferPerAgent(RoutingWorld w, List<string> problems)
    {
        foreach (var group in w.Created.Where(id => w.Interactions[id].Offer is not null).GroupBy(id => w.Interactions[id].Offer!.AgentId))
        {
            if (group.Count() > 1)
            {
                problems.Add($"1: agent {group.Key} has {group.Count()} open offers: {string.Join(", ", group)}");
            }

            var held = w.Agents[group.Key].HeldOffer;
            foreach (var id in group)
            {
                if (held?.InteractionId != id)
                {
                    problems.Add($"1: {id} is offered to {group.Key}, who holds {held?.InteractionId ?? "nothing"}");
                }
            }
        }

        foreach (var agent in w.Agents.Values)
        {
            if (agent.HeldOffer is { } held && w.Interactions[held.InteractionId].Offer?.AgentId != agent.Id)
            {
                problems.Add($"1: {agent.Id} holds an offer of {held.InteractionId}, which is offered to {w.Interactions[held.InteractionId].Offer?.AgentId ?? "nobody"} ({w.Interactions[held.InteractionId].State})");
            }
        }
    }

    /// <summary>
    /// 2. Every open offer went to an agent who could take it when it was made (<see cref="CouldTake"/>): never on break,
    /// logged out or in wrap-up, never above capacity, never work the rule blocked, never while holding another offer.
    /// </summary>
    private static void OffersWentToEligibleAgents(RoutingWorld w, List<string> problems)
    {
        foreach (var id in w.Created)
        {
            if (w.Interactions[id].Offer is not { } offer)
            {
                continue;
            }

            if (!w.Holds.TryGetValue(id, out var fact) || fact.AgentId != offer.AgentId)
            {
                problems.Add($"2: {id} is offered to {offer.AgentId}, who never agreed to hold it");
                continue;
            }

            var routed = offer.QueueId is not null;
            var eligible = CouldTake(fact.State, fact.ResumeState, fact.NextState, fact.ActiveMedia, fact.HeldAnother is not null, fact.Media, fact.Capacity, routed, fact.Rule, fact.CallsOnHold);
            if (!eligible || fact.Routed != routed || fact.Media != w.Interactions[id].Media)
            {
                problems.Add($"2: {id} ({(routed ? "routed" : "direct")} {fact.Media}) was offered to {offer.AgentId} while {fact.State} (resume {fact.ResumeState}, next {fact.NextState}), "
                    + $"in hand [{string.Join(", ", fact.ActiveMedia)}], capacity {fact.Capacity}, rule {fact.Rule}, holding {fact.HeldAnother ?? "nothing"}");
            }
        }
    }

    /// <summary>
    /// 3. Every interaction is in exactly one place: in one waiting list iff Queued (or its consult to a queue waits), offered
    /// iff Offered (or its consult is offered), never waiting once connected, on hold or over.
    /// </summary>
    private static void EveryInteractionInOnePlace(RoutingWorld w, List<string> problems)
    {
        foreach (var id in w.Created)
        {
            var r = w.Interactions[id];
            var waitingIn = w.Routers.Values.Where(q => q.Waiting.Contains(id)).Select(q => q.Id).ToList();
            string? expected = null;
            if (r.State == InteractionState.Queued && r.Offer is null)
            {
                expected = r.QueueId;
            }
            else if (!r.IsOver && r.Offer is null && r.Consult is { Target.Kind: TargetKind.Queue, AgentId: null } pending)
            {
                expected = pending.Target.Id;
            }

            if (expected is null ? waitingIn.Count != 0 : waitingIn.Count != 1 || waitingIn[0] != expected)
            {
                problems.Add($"3: {id} ({r.State}, offer {r.Offer?.AgentId ?? "none"}, consult {r.Consult?.Target.Id ?? "none"}) waits in [{string.Join(", ", waitingIn)}], expected {expected ?? "none"}");
            }

            if ((r.State == InteractionState.Offered) != (r.Offer is { Purpose: OfferPurpose.Main }))
            {
                problems.Add($"3: {id} is {r.State} with offer {r.Offer}");
            }

            if (r.Offer is { Purpose: OfferPurpose.Consult } && (r.Consult is null || r.State != InteractionState.OnHold))
            {
                problems.Add($"3: {id} offers a consult while {r.State} with consult {r.Consult}");
            }

            switch (r.State)
            {
                case InteractionState.Queued or InteractionState.Offered when r.Handler is not null || r.Participants.Count > 0:
                    problems.Add($"3: {id} is {r.State} but has handler {r.Handler} and participants [{string.Join(", ", r.Participants)}]");
                    break;
                case InteractionState.Connected or InteractionState.OnHold when r.Handler is null || !r.Participants.Contains(r.Handler):
                    problems.Add($"3: {id} is {r.State} with handler {r.Handler ?? "none"} and participants [{string.Join(", ", r.Participants)}]");
                    break;
                case InteractionState.Ended or InteractionState.WrappedUp or InteractionState.Abandoned or InteractionState.Failed
                    when r.Offer is not null || r.Participants.Count > 0 || r.Consult is not null || r.Legs.Any(l => l.IsActive):
                    problems.Add($"3: {id} is {r.State} but still has offer {r.Offer}, participants [{string.Join(", ", r.Participants)}], consult {r.Consult}");
                    break;
                case InteractionState.Dialing:
                    problems.Add($"3: {id} is Dialing, which no step here starts");
                    break;
            }
        }
    }

    /// <summary>4. Nothing is lost: waiting + offered + in progress + finished = created.</summary>
    private static void NothingLost(RoutingWorld w, List<string> problems)
    {
        var records = w.Created.Select(id => w.Interactions[id]).ToList();
        var waiting = records.Count(r => r.State == InteractionState.Queued && w.Routers.TryGetValue(r.QueueId ?? "", out var q) && q.Waiting.Contains(r.Id));
        var offered = records.Count(r => r.State == InteractionState.Offered && r.Offer is not null && w.Agents[r.Offer.AgentId].HeldOffer?.InteractionId == r.Id);
        var inProgress = records.Count(r => r.State is InteractionState.Connected or InteractionState.OnHold);
        var finished = records.Count(r => r.IsOver);
        if (waiting + offered + inProgress + finished != w.Created.Count || w.Interactions.Count != w.Created.Count)
        {
            problems.Add($"4: created {w.Created.Count} but waiting {waiting} + offered {offered} + in progress {inProgress} + finished {finished}"
                + $" = {waiting + offered + inProgress + finished}; states: {string.Join(", ", records.Select(r => $"{r.Id}:{r.State}"))}");
        }
    }

    /// <summary>
    /// 5. In each queue, waiting work is in priority order, and work of equal priority in order of arrival (the model's
    /// arrival, which a requeue keeps), with its original arrival time.
    /// </summary>
    private static void FifoWithinPriority(RoutingWorld w, List<string> problems)
    {
        foreach (var q in w.Routers.Values)
        {
            var items = q.Waiting.Items;
            for (var i = 0; i < items.Count; i++)
            {
                var arrival = w.ArrivalOf(items[i].InteractionId, q.Id);
                if (arrival is null)
                {
                    problems.Add($"5: {items[i].InteractionId} waits in {q.Id} but never arrived there");
                    continue;
                }

                if (arrival.Value.At != items[i].EnqueuedAt)
                {
                    problems.Add($"5: {items[i].InteractionId} waits in {q.Id} since {items[i].EnqueuedAt:T} but arrived at {arrival.Value.At:T}");
                }

                if (i == 0)
                {
                    continue;
                }

                var before = items[i - 1];
                if (before.Priority < items[i].Priority)
                {
                    problems.Add($"5: in {q.Id}, {before.InteractionId} (p{before.Priority}) waits ahead of {items[i].InteractionId} (p{items[i].Priority})");
                }
                else if (before.Priority == items[i].Priority && w.ArrivalOf(before.InteractionId, q.Id) is { } earlier && earlier.Order > arrival.Value.Order)
                {
                    problems.Add($"5: in {q.Id}, {before.InteractionId} (arrival #{earlier.Order}) waits ahead of {items[i].InteractionId} (arrival #{arrival.Value.Order}), both p{before.Priority}: "
                        + string.Join(", ", items.Select(x => $"{x.InteractionId}/p{x.Priority}/{x.EnqueuedAt:T}/seq{x.Sequence}")));
                }
            }
        }
    }

    /// <summary>
    /// 6. An agent is Busy iff it has active work; active work is a live interaction the agent is on, and everyone on a
    /// live interaction has it as active work. An agent is in WrapUp iff it owes an open wrap-up, for the work that
    /// started it.
    /// </summary>
    private static void AgentsMatchTheirWork(RoutingWorld w, List<string> problems)
    {
        foreach (var agent in w.Agents.Values)
        {
            var s = agent.Status;
            if ((s.State == AgentState.Busy) != (s.ActiveWork.Count > 0))
            {
                problems.Add($"6: {agent.Id} is {s.State} with active work [{string.Join(", ", s.ActiveWork)}]");
            }

            foreach (var work in s.ActiveWork)
            {
                var r = w.Interactions[work];
                if (r.IsOver || !r.Participants.Contains(agent.Id))
                {
                    problems.Add($"6: {agent.Id} works on {work}, which is {r.State} with participants [{string.Join(", ", r.Participants)}]");
                }
            }

            var open = w.Created.Where(id => w.Interactions[id].WrapUps.Any(u => u.AgentId == agent.Id && u.IsOpen)).ToList();
            var owesAndIdle = open.Count > 0 && s.ActiveWork.Count == 0;
            if ((s.State == AgentState.WrapUp) != owesAndIdle || !open.Order(StringComparer.Ordinal).SequenceEqual(agent.OwedWrapUps.Order(StringComparer.Ordinal)))
            {
                problems.Add($"6: {agent.Id} is {s.State} with work [{string.Join(", ", s.ActiveWork)}], owing [{string.Join(", ", agent.OwedWrapUps)}], and has open wrap-ups of [{string.Join(", ", open)}]");
            }
        }

        foreach (var id in w.Created)
        {
            var r = w.Interactions[id];
            if (r.IsOver)
            {
                continue;
            }

            foreach (var participant in r.Participants)
            {
                var status = w.Agents[participant].Status;
                if (!status.ActiveWork.Contains(id))
                {
                    problems.Add($"6: {participant} is on {id} ({r.State}) but is {status.State} with active work [{string.Join(", ", status.ActiveWork)}]");
                }
            }
        }
    }

    /// <summary>
    /// 7. Routing is work-conserving once settled: no work waits in a queue while one of its members could be offered it
    /// (<see cref="CouldTake"/>: an idle agent, or a busy one with room for the queue's medium) and holds no offer (a lost
    /// notice would leave both waiting for ever), except an agent that just declined work for better work elsewhere, whose
    /// re-notice is due within the preference window.
    /// </summary>
    private static void NoIdleAgentBesideWaitingWork(RoutingWorld w, List<string> problems)
    {
        foreach (var q in w.Routers.Values.Where(q => q.Waiting.Count > 0))
        {
            foreach (var member in q.Members.Keys)
            {
                var agent = w.Agents[member];
                var s = agent.Status;
                var could = CouldTake(s.State, s.ResumeState, s.Next?.State, agent.ActiveMedia, agent.HeldOffer is not null, q.Media, agent.Capacity.For(q.Media), routed: true, w.Rule);
                if (could && agent.RenotifyAt is null)
                {
                    problems.Add($"7: {q.Waiting.Head!.InteractionId} waits in {q.Id} ({q.Media}) while member {member} could take it: {s.State}, in hand [{string.Join(", ", agent.ActiveMedia)}] "
                        + $"(router heard {q.Members[member].Ready?.ToString() ?? "nothing"})");
                }
            }
        }
    }
}
