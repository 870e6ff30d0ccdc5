using System.Globalization;
using System.Text;
using Switchboard.Domain.Agents;
using Switchboard.Domain.Interactions;
using Switchboard.Domain.Queues;
using Switchboard.Domain.Routing;
using Switchboard.Domain.Tenancy;

namespace Switchboard.Domain.Tests.Properties;

/// <summary>
/// A synchronous, in-memory contact center: the real domain decisions (<see cref="AgentStateMachine"/>,
/// <see cref="InteractionMachine"/>, <see cref="WaitingList"/>, <see cref="AgentSelector"/>, <see cref="WorkPreference"/>,
/// <see cref="RoutingEligibility"/>) glued together the way the grains glue them. Each region below mirrors one grain;
/// the comments name the grain method it copies. Only the glue is here, no rule of its own.
/// </summary>
/// <remarks>
/// Grain calls that wait for an answer are plain method calls. One-way grain calls (<c>[OneWay]</c> on
/// <c>IQueueRouterGrain</c>: <c>Enqueue</c>, <c>Withdraw</c>, <c>MemberAvailable</c>, <c>MemberNotReady</c>,
/// <c>Dispatch</c>) go to a mailbox and are delivered by <see cref="Settle"/> after the current turn, as Orleans runs them in a later turn of the
/// receiving grain. <see cref="Settle"/> then dispatches every queue until nothing changes: the routers'
/// <c>SelfDispatch</c> after every enqueue and every member notice, run to the end.
/// </remarks>
internal sealed class RoutingWorld
{
    public static readonly DateTimeOffset T0 = new(2030, 1, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The tenant's status codes: Break needs one; Offline, Available and LoggedOut take none.</summary>
    public static readonly StatusCodeCatalog Codes = new(
    [
        new StatusCodeDefinition("lunch", "Lunch", [AgentState.Break]),
        new StatusCodeDefinition("training", "Training", [AgentState.Break]),
    ]);

    public const string MissingQueue = "q-missing";

    private const int SettleLimit = 10_000;

    private readonly Queue<(string Description, Action Deliver)> mailbox = new();
    private readonly List<string> trace = [];
    private long arrivalCounter;
    private int nextId = 1;

    public RoutingWorld()
    {
        AddQueue("q-sales", MediaType.Voice, RoutingStrategy.LongestIdle, new RoutingPolicy(TimeSpan.FromSeconds(15), ["sale", "no-sale"], CodeRequired: true, TimeSpan.FromSeconds(60), AgentState.Break));
        AddQueue("q-support", MediaType.Voice, RoutingStrategy.RoundRobin, new RoutingPolicy(TimeSpan.FromSeconds(20), ["fixed", "escalated"], CodeRequired: false, null, AgentState.Available));
        AddQueue("q-vip", MediaType.Voice, RoutingStrategy.SkillLevel, new RoutingPolicy(TimeSpan.FromSeconds(10), ["vip"], CodeRequired: true, null, AgentState.Offline));
        AddQueue("q-chat", MediaType.Chat, RoutingStrategy.LongestIdle, new RoutingPolicy(TimeSpan.FromSeconds(30), ["solved"], CodeRequired: true, TimeSpan.FromSeconds(90), AgentState.Available));
        AddQueue("q-web", MediaType.Chat, RoutingStrategy.SkillLevel, new RoutingPolicy(TimeSpan.FromSeconds(20), ["solved"], CodeRequired: false, null, AgentState.Break));

        // Blended agents with different capacities: several chats at once, and calls beside them.
        AddAgent("a1", new() { ["q-sales"] = 5, ["q-support"] = 3, ["q-chat"] = 5 }, WorkCapacity.Default);
        AddAgent("a2", new() { ["q-sales"] = 7, ["q-vip"] = 9 }, WorkCapacity.Default);
        AddAgent("a3", new() { ["q-support"] = 5, ["q-vip"] = 4, ["q-chat"] = 4, ["q-web"] = 7 }, WorkCapacity.Default with { Chat = 2 });
        AddAgent("a4", new() { ["q-sales"] = 2, ["q-support"] = 8, ["q-vip"] = 6, ["q-web"] = 3 }, WorkCapacity.Default with { Chat = 1 });
        AddAgent("a5", [], WorkCapacity.Default with { Chat = 0 }); // in no queue: direct work, transfers and consults only; never chats

        // Everybody starts logged in: a1-a4 Available, a5 Offline (steps log them out and in again).
        foreach (var id in Agents.Keys)
        {
            ChangeAgentState(id, id == "a5" ? AgentState.Offline : AgentState.Available, null, StateActor.Agent);
        }

        Settle();
    }

    public DateTimeOffset Now { get; private set; } = T0;

    /// <summary>The tenant's utilization rule (<c>TenantGrain</c>), changed by <see cref="SetUtilization"/>.</summary>
    public UtilizationRule Rule { get; private set; } = UtilizationRule.Default;

    public SortedDictionary<string, SimAgent> Agents { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, SimRouter> Routers { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, InteractionRecord> Interactions { get; } = new(StringComparer.Ordinal);

    /// <summary>Every interaction created, in creation order.</summary>
    public List<string> Created { get; } = [];

    /// <summary>Not glue: how each agent looked when it agreed to hold the interaction's latest offer.</summary>
    public Dictionary<string, HoldFact> Holds { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Not glue: the model's arrival order. Set when work newly enters a queue (create, blind transfer, consult to a
    /// queue); a requeue after an unanswered or rejected offer must keep it.
    /// </summary>
    public Dictionary<(string InteractionId, string QueueId, bool Consult), (DateTimeOffset At, long Order)> Arrivals { get; } = [];

    /// <summary>Not glue: rule breaks seen while a step ran (checked with the invariants).</summary>
    public List<string> Violations { get; } = [];

    public IReadOnlyList<string> Trace => trace;

    public IReadOnlyList<string> AgentIds => [.. Agents.Keys];

    public IReadOnlyList<string> QueueIds => [.. Routers.Keys];

    public string NewInteractionId() => "i" + (nextId++).ToString("D2", CultureInfo.InvariantCulture);

    public void Note(string line) => trace.Add($"[{(Now - T0).TotalSeconds,5}s] {line}");

    // ------------------------------------------------------------------------------------------------------------
    // Requests from outside (API, telephony, clock): the entry points the operations use.
    // ------------------------------------------------------------------------------------------------------------

    /// <summary>An agent (or a supervisor) sets the agent's state. Mirrors <c>AgentGrain.ChangeState</c> → <c>Run</c>.</summary>
    public AgentDecision ChangeAgentState(string agentId, AgentState target, string? code, StateActor actor)
    {
        var agent = Agents[agentId];
        if (agent.HeldOffer is { } held)
        {
            // The offer resolves first (accept, reject, or its timeout): StateChangeOutcome.TransitionNotAllowed.
            Note($"{agentId} asks {target}/{code ?? "-"} as {actor}: refused, holds an offer of {held.InteractionId}");
            return new AgentDecision(DecisionOutcome.Rejected, agent.Status, null, RejectionReason.TransitionNotAllowed,
                $"Agent '{agentId}' is being offered interaction '{held.InteractionId}': accept or reject it first.");
        }

        var command = new ChangeState(target, code, actor, actor == StateActor.Agent ? agentId : "sup-1", actor == StateActor.Supervisor ? "forced" : null);
        var decision = AgentStateMachine.Decide(agent.Status, command, Codes, Now);
        Note($"{agentId} asks {target}/{code ?? "-"} as {actor}: {decision.Outcome} -> {decision.Status.State}");
        if (decision.Changed)
        {
            Persist(agent, () => agent.Status = decision.Status);
        }

        return decision;
    }

    /// <summary>
    /// Inbound work into a queue (of the queue's medium, as the API insists), or straight to an agent. Mirrors
    /// <c>InteractionGrain.Create</c>.
    /// </summary>
    public ActResult CreateInteraction(string id, string? queueId, string? agentId, int priority, MediaType media = MediaType.Voice)
    {
        media = queueId is not null ? Routers[queueId].Media : media;
        var spec = new NewInteraction(id, media, InteractionDirection.Inbound, queueId, agentId, media == MediaType.Voice ? "+390212345678" : "maria@example.com", null, priority, "api");
        var decision = InteractionMachine.Create(spec, Now);
        if (queueId is null && agentId is not null && !HoldDirect(agentId, id, media))
        {
            Note($"create {id} for {agentId}: agent unavailable");
            return ActResult.Refused("agent unavailable");
        }

        Note($"create {media} {id} p{priority} into {queueId ?? "agent " + agentId}");
        Created.Add(id);
        Commit(id, decision);
        if (queueId is not null)
        {
            Arrived(id, queueId, consult: false);
        }

        return ActResult.Done;
    }

    /// <summary>An agent's action on an interaction. Mirrors <c>InteractionGrain.Act</c> (with <c>CheckTarget</c>).</summary>
    public ActResult Act(string interactionId, InteractionCommand command)
    {
        var record = Interactions[interactionId];
        if (command is AcceptOffer accept && record.Media == MediaType.Voice && record.Offer is { PhoneLegId: null } offer && offer.AgentId == accept.AgentId
            && !TakeLine(accept.AgentId, interactionId))
        {
            Note($"{interactionId} {Describe(command)}: talking on another call");
            return ActResult.Refused("talking on another call");
        }

        var decision = InteractionMachine.Decide(record, command, Now);
        if (!decision.Applied)
        {
            Note($"{interactionId} {Describe(command)}: {decision.Kind}");
            return ActResult.Refused($"{decision.Kind}: {decision.Detail}");
        }

        var target = command switch
        {
            Transfer transfer => transfer.Target,
            StartConsult consult => consult.Target,
            _ => null,
        };
        if (target is { Kind: TargetKind.Agent } && !HoldDirect(target.Id, interactionId, record.Media))
        {
            Note($"{interactionId} {Describe(command)}: target agent unavailable");
            return ActResult.Refused("agent unavailable");
        }

        var talker = command switch
        {
            ResumeCall c => c.AgentId,
            StartConsult c => c.AgentId,
            CancelConsult c => c.AgentId,
            StartConference c => c.AgentId,
            _ => null,
        };
        if (talker is not null && !TakeLine(talker, interactionId))
        {
            if (target is { Kind: TargetKind.Agent })
            {
                WithdrawHold(target.Id, interactionId);
            }

            Note($"{interactionId} {Describe(command)}: talking on another call");
            return ActResult.Refused("talking on another call");
        }

        if (target is { Kind: TargetKind.Queue } && !Routers.ContainsKey(target.Id))
        {
            Note($"{interactionId} {Describe(command)}: no such queue");
            return ActResult.Refused("no such queue");
        }

        if (target is { Kind: TargetKind.Queue } && Routers[target.Id].Media != record.Media)
        {
            Note($"{interactionId} {Describe(command)}: queue carries {Routers[target.Id].Media}");
            return ActResult.Refused("queue of other media");
        }

        Note($"{interactionId} {Describe(command)}: applied ({record.State} -> {decision.Record.State})");
        Commit(interactionId, decision);
        if (target is { Kind: TargetKind.Queue } queue)
        {
            Arrived(interactionId, queue.Id, consult: command is StartConsult);
        }

        return ActResult.Done;
    }

    /// <summary>A web chat's customer leaves. Mirrors <c>InteractionGrain.CustomerLeaves</c>.</summary>
    public ActResult CustomerLeaves(string interactionId)
    {
        var decision = InteractionMachine.Decide(Interactions[interactionId], new CustomerLeaves(), Now);
        Note($"{interactionId} customer leaves: {decision.Kind}");
        if (!decision.Applied)
        {
            return ActResult.Refused($"{decision.Kind}: {decision.Detail}");
        }

        Commit(interactionId, decision);
        return ActResult.Done;
    }

    /// <summary>A telephony leg event. Mirrors <c>InteractionGrain.ReportLeg</c>.</summary>
    public ActResult ReportLeg(string interactionId, string legId, LegEventKind kind)
    {
        var decision = InteractionMachine.Decide(Interactions[interactionId], new LegEvent(legId, kind), Now);
        Note($"{interactionId} leg {legId} {kind}: {decision.Kind}");
        if (!decision.Applied)
        {
            return ActResult.Refused($"{decision.Kind}: {decision.Detail}");
        }

        Commit(interactionId, decision);
        return ActResult.Done;
    }

    /// <summary>
    /// An admin sets the tenant's utilization rule. Mirrors <c>TenantGrain.SetUtilization</c>: once stored, every agent
    /// tells its queues again (<c>RenotifyQueues</c>) what it may be offered under it.
    /// </summary>
    public void SetUtilization(UtilizationRule rule)
    {
        Note($"utilization: voice blocks others {rule.VoiceBlocksOthers}, others block voice {rule.OthersBlockVoice}");
        Rule = rule;
        foreach (var agent in Agents.Values)
        {
            NotifyQueues(agent, null, evenIfUnready: true);
        }
    }

    /// <summary>
    /// The business clock moves on. Every deadline on the way fires at its time, as <c>DeadlineScheduler</c> calls
    /// <c>InteractionGrain.CheckDeadlines</c>; routing settles after each.
    /// </summary>
    public void AdvanceTo(DateTimeOffset target)
    {
        for (var guard = 0; ; guard++)
        {
            if (guard > SettleLimit)
            {
                throw new InvalidOperationException("Deadlines keep firing without the clock moving.");
            }

            DateTimeOffset? due = null;
            foreach (var id in Created)
            {
                if (Interactions[id].NextDeadline is { } deadline && deadline <= target && (due is null || deadline < due))
                {
                    due = deadline;
                }
            }

            foreach (var agent in Agents.Values)
            {
                if (agent.RenotifyAt is { } at && at <= target && (due is null || at < due))
                {
                    due = at;
                }
            }

            if (due is null)
            {
                break;
            }

            if (due > Now)
            {
                Now = due.Value;
            }

            foreach (var id in Created.Where(id => Interactions[id].NextDeadline <= Now).ToList())
            {
                CheckDeadlines(id);
            }

            foreach (var agent in Agents.Values.Where(a => a.RenotifyAt <= Now).ToList())
            {
                RenotifyQueues(agent);
            }

            Settle(guard);
        }

        if (target > Now)
        {
            Now = target;
        }
    }

    /// <summary>
    /// Delivers one-way messages and dispatches every queue until nothing changes. <paramref name="seed"/> only
    /// rotates the order in which the queues take their turns.
    /// </summary>
    public void Settle(int seed = 0)
    {
        var queues = Routers.Values.ToList();
        for (var round = 0; ; round++)
        {
            if (round > SettleLimit)
            {
                throw new InvalidOperationException("Routing does not settle (offers keep bouncing between queues).");
            }

            var changed = false;
            while (mailbox.TryDequeue(out var message))
            {
                message.Deliver();
                changed = true;
            }

            for (var i = 0; i < queues.Count; i++)
            {
                changed |= Dispatch(queues[(i + seed + round) % queues.Count]);
            }

            if (!changed && mailbox.Count == 0)
            {
                return;
            }
        }
    }

    /// <summary>Everything a refused request must leave as it was (the clock aside).</summary>
    public string Snapshot()
    {
        var s = new StringBuilder();
        foreach (var id in Created)
        {
            var r = Interactions[id];
            s.Append(CultureInfo.InvariantCulture, $"{id}|{r.State}|{r.QueueId}|{r.QueuedAt:O}|{r.Offer}|{r.Handler}|{string.Join(",", r.Participants)}|{string.Join(",", r.HandledBy)}|{r.Consult}|{r.Conference}|{r.Policy.OfferTimeout}|");
            s.AppendJoin(",", r.Legs.Select(l => $"{l.Id}:{l.Party}:{l.Address}:{l.State}:{l.Line}"));
            s.Append('|').AppendJoin(",", r.WrapUps.Select(w => $"{w.AgentId}:{w.CompletedAt:O}:{string.Join("+", w.Codes)}:{w.Notes}:{w.TimedOut}"));
            s.Append(CultureInfo.InvariantCulture, $"|{r.Timeline.Count}|{r.EndedAt:O}").AppendLine();
        }

        foreach (var a in Agents.Values)
        {
            var st = a.Status;
            s.Append(CultureInfo.InvariantCulture, $"{a.Id}|{st.State}|{st.ReasonCode}|{st.Since:O}|{st.Version}|{st.Next}|{st.ResumeState}|{st.ResumeReasonCode}|{string.Join(",", st.ActiveWork)}|{string.Join(",", a.WorkMedia.OrderBy(w => w.Key, StringComparer.Ordinal))}|{a.HeldOffer}|{a.LastOfferEndedAt:O}|{string.Join(",", a.OwedWrapUps)}").AppendLine();
        }

        foreach (var q in Routers.Values)
        {
            s.Append(CultureInfo.InvariantCulture, $"{q.Id}|{q.Waiting.NextSequence}|{q.LastOffered}|");
            s.AppendJoin(",", q.Waiting.Items.Select(w => $"{w.InteractionId}:{w.Priority}:{w.EnqueuedAt:O}:{w.Sequence}"));
            s.Append('|').AppendJoin(",", q.Members.Select(m => $"{m.Key}:{m.Value.Ready}")).AppendLine();
        }

        s.Append(CultureInfo.InvariantCulture, $"rule {Rule}").AppendLine();
        return s.ToString();
    }

    // ------------------------------------------------------------------------------------------------------------
    // InteractionGrain
    // ------------------------------------------------------------------------------------------------------------

    /// <summary>
    /// Mirrors <c>InteractionGrain.TryOffer</c>: the decision first, then the agent's agreement, then the commit.
    /// <paramref name="work"/> is the work as it waits in the queue (<c>QueueRouterGrain.ToItem</c>).
    /// </summary>
    private OfferAttempt TryOffer(string queueId, string agentId, RoutingPolicy policy, WaitingWork work)
    {
        var interactionId = work.InteractionId;
        if (!Interactions.TryGetValue(interactionId, out var record))
        {
            return OfferAttempt.NotWaiting;
        }

        var decision = InteractionMachine.Decide(record, new OfferToAgent(agentId, queueId, policy, work.Sequence), Now);
        if (!decision.Applied)
        {
            return OfferAttempt.NotWaiting;
        }

        // The work as it waits in that queue (a consult waits there since the consult began, not since the call did).
        if (!TryHoldOffer(agentId, interactionId, queueId, work.Priority, work.EnqueuedAt, routed: true, record.Media))
        {
            return OfferAttempt.AgentUnavailable;
        }

        CheckOfferedIsHead(queueId, interactionId);
        Note($"{queueId} offers {interactionId} to {agentId} ({decision.Record.Offer!.Purpose})");
        Commit(interactionId, decision);
        return OfferAttempt.Offered;
    }

    /// <summary>Mirrors <c>InteractionGrain.CheckDeadlines</c>.</summary>
    private void CheckDeadlines(string interactionId)
    {
        var decision = InteractionMachine.Tick(Interactions[interactionId], Now);
        if (decision.Applied)
        {
            Note($"{interactionId} deadline: {string.Join(", ", decision.Effects.Select(e => e.GetType().Name))}");
            Commit(interactionId, decision);
        }
    }

    /// <summary>Mirrors <c>InteractionGrain.HoldDirect</c>.</summary>
    private bool HoldDirect(string agentId, string interactionId, MediaType media) =>
        TryHoldOffer(agentId, interactionId, null, 0, Now, routed: false, media);

    /// <summary>Mirrors <c>InteractionGrain.Commit</c> + <c>RunPendingEffects</c> (no storage failures here).</summary>
    private void Commit(string interactionId, InteractionDecision decision)
    {
        Interactions[interactionId] = decision.Record;
        foreach (var effect in decision.Effects)
        {
            Execute(interactionId, effect);
        }
    }

    /// <summary>Mirrors <c>InteractionGrain.Execute</c>.</summary>
    private void Execute(string interactionId, InteractionEffect effect)
    {
        switch (effect)
        {
            case EnqueueWork e:
                if (!Routers.ContainsKey(e.QueueId))
                {
                    Note($"{interactionId}: queue {e.QueueId} is gone");
                }

                Send(e.QueueId, $"enqueue {interactionId}{(e.Requeue ? $" (requeue, seq {e.Sequence?.ToString(CultureInfo.InvariantCulture) ?? "-"})" : "")}",
                    router => Enqueue(router, interactionId, e.Priority, e.EnqueuedAt, e.Requeue, e.Sequence));
                break;
            case LeaveQueue e:
                Send(e.QueueId, $"withdraw {interactionId}", router => Withdraw(router, interactionId));
                break;
            case ReleaseOffer e:
                ReleaseAgentOffer(e.AgentId, interactionId);
                break;
            case MarkNoAnswer e:
                OfferNotAnswered(e.AgentId, interactionId);
                break;
            case MarkRejected e:
                OfferRejected(e.AgentId, interactionId, e.State);
                break;
            case StartAgentWork e:
                StartWork(e.AgentId, interactionId, e.Media);
                break;
            case EndAgentWork e:
                EndWork(e.AgentId, interactionId);
                break;
            case CompleteAgentWrapUp e:
                CompleteWrapUpFor(e.AgentId, interactionId);
                break;
            case DialLeg or HangUpLeg or BridgeLegs:
                break; // telephony: no leg events come back by themselves in this world
            case HoldAgentLine e:
                PutCallOnHold(e.AgentId, interactionId);
                break;
            default:
                throw new InvalidOperationException($"Unknown effect {effect.GetType().Name}.");
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // QueueRouterGrain
    // ------------------------------------------------------------------------------------------------------------

    /// <summary>Mirrors <c>QueueRouterGrain.Enqueue</c> (one way; its <c>SelfDispatch</c> is <see cref="Settle"/>).</summary>
    private static void Enqueue(SimRouter router, string interactionId, int priority, DateTimeOffset enqueuedAt, bool requeue, long? sequence)
    {
        if (!router.Waiting.Contains(interactionId))
        {
            if (requeue && sequence is { } number)
            {
                router.Waiting.Restore(new WaitingWork(interactionId, priority, enqueuedAt, number));
            }
            else
            {
                router.Waiting.Add(interactionId, priority, enqueuedAt);
            }
        }
    }

    /// <summary>Mirrors <c>QueueRouterGrain.Withdraw</c>.</summary>
    private static void Withdraw(SimRouter router, string interactionId) => router.Waiting.Remove(interactionId, out _);

    /// <summary>Mirrors <c>QueueRouterGrain.MemberReady</c>.</summary>
    private static void MemberReady(SimRouter router, string agentId, Readiness readiness)
    {
        if (router.Members.TryGetValue(agentId, out var member))
        {
            router.Members[agentId] = member with { Ready = readiness };
        }
    }

    /// <summary>Mirrors <c>QueueRouterGrain.MemberNotReady</c>.</summary>
    private static void MemberNotReady(SimRouter router, string agentId)
    {
        if (router.Members.TryGetValue(agentId, out var member))
        {
            router.Members[agentId] = member with { Ready = null };
        }
    }

    /// <summary>Mirrors <c>QueueRouterGrain.PeekHead</c> (the head with the queue's medium).</summary>
    private static (QueueHead Head, MediaType Media)? PeekHead(SimRouter router) =>
        router.Waiting.Head is { } head ? (new QueueHead(router.Id, head.InteractionId, head.Priority, head.EnqueuedAt), router.Media) : null;

    /// <summary>Mirrors <c>QueueRouterGrain.Dispatch</c>. Returns whether anything changed (for <see cref="Settle"/>).</summary>
    private bool Dispatch(SimRouter router)
    {
        var changed = false;
        while (router.Waiting.Head is { } work)
        {
            var candidates = AgentSelector.Order(
                router.Strategy,
                router.Members.Where(m => m.Value.EligibleFor(router.Media)).Select(m => new RoutingCandidate(m.Key, m.Value.SkillLevel, m.Value.Ready!.IdleSince, m.Value.Ready.Load)),
                router.LastOffered);
            if (candidates.Count == 0)
            {
                return changed;
            }

            var resolved = false;
            foreach (var candidate in candidates)
            {
                var attempt = TryOffer(router.Id, candidate.AgentId, router.Policy, work);
                if (attempt == OfferAttempt.AgentUnavailable)
                {
                    router.Members[candidate.AgentId] = router.Members[candidate.AgentId] with { Ready = null };
                    changed = true;
                    continue;
                }

                if (attempt == OfferAttempt.Offered)
                {
                    router.Members[candidate.AgentId] = router.Members[candidate.AgentId] with { Ready = null };
                    router.LastOffered = candidate.AgentId;
                }
                else
                {
                    Note($"{router.Id} drops {work.InteractionId}: no longer waiting here");
                }

                // Offered, or no longer waiting here (abandoned, moved): either way it leaves the queue.
                router.Waiting.Remove(work.InteractionId, out _);
                changed = true;
                resolved = true;
                break;
            }

            if (!resolved)
            {
                return changed; // nobody could take the head now; the next notice from a member tries again
            }
        }

        return changed;
    }

    // ------------------------------------------------------------------------------------------------------------
    // AgentGrain
    // ------------------------------------------------------------------------------------------------------------

    /// <summary>Mirrors <c>AgentGrain.StartWork</c> (<c>RunExisting</c> with <c>evenIfUnchanged</c>).</summary>
    private void StartWork(string agentId, string workId, MediaType media)
    {
        var agent = Agents[agentId];
        var decision = AgentStateMachine.Decide(agent.Status, new StartWork(workId), StatusCodeCatalog.Empty, Now);
        if (decision.Outcome == DecisionOutcome.Rejected)
        {
            Note($"{agentId} StartWork({workId}) rejected: {decision.Detail}");
        }

        var needsWrite = agent.HeldOffer?.InteractionId == workId || (decision.Status.ActiveWork.Contains(workId) && agent.WorkMedia.GetValueOrDefault(workId) != media);
        if (decision.Changed || needsWrite)
        {
            Persist(agent, () =>
            {
                agent.Status = decision.Status;
                if (agent.HeldOffer?.InteractionId == workId)
                {
                    agent.HeldOffer = null;
                }

                if (agent.Status.ActiveWork.Contains(workId))
                {
                    agent.WorkMedia[workId] = media;
                }
            });
        }
    }

    /// <summary>Mirrors <c>AgentGrain.EndWork</c> (<c>Commit</c> lets a hold go with its work).</summary>
    private void EndWork(string agentId, string workId)
    {
        var agent = Agents[agentId];
        var decision = AgentStateMachine.Decide(agent.Status, new EndWork(workId), StatusCodeCatalog.Empty, Now);
        if (decision.Changed)
        {
            Persist(agent, () =>
            {
                agent.Status = decision.Status;
                agent.OwedWrapUps = OwedWrapUps.AfterEnd(agent.OwedWrapUps, workId);
                agent.CallsOnHold.RemoveAll(c => !agent.Status.ActiveWork.Contains(c));
            });
        }
    }

    /// <summary>Mirrors <c>AgentGrain.TakeLine</c>: false while another of its calls is not on hold; the call is no longer on hold.</summary>
    private bool TakeLine(string agentId, string interactionId)
    {
        var agent = Agents[agentId];
        var calls = agent.Status.ActiveWork.Where(w => agent.WorkMedia.GetValueOrDefault(w, MediaType.Voice) == MediaType.Voice);
        if (calls.Any(c => c != interactionId && !agent.CallsOnHold.Contains(c)))
        {
            return false;
        }

        agent.CallsOnHold.Remove(interactionId);
        return true;
    }

    /// <summary>Mirrors <c>AgentGrain.PutCallOnHold</c>.</summary>
    private void PutCallOnHold(string agentId, string interactionId)
    {
        var agent = Agents[agentId];
        if (agent.Status.ActiveWork.Contains(interactionId) && agent.WorkMedia.GetValueOrDefault(interactionId, MediaType.Voice) == MediaType.Voice
            && !agent.CallsOnHold.Contains(interactionId))
        {
            agent.CallsOnHold.Add(interactionId);
        }
    }

    /// <summary>Mirrors <c>AgentGrain.CompleteWrapUpFor</c>.</summary>
    private void CompleteWrapUpFor(string agentId, string workId)
    {
        var agent = Agents[agentId];
        if (OwedWrapUps.AfterComplete(agent.OwedWrapUps, workId, agent.Status.State) is not { } after)
        {
            return;
        }

        if (after.LeaveWrapUp)
        {
            var decision = AgentStateMachine.Decide(agent.Status, new CompleteWrapUp(), StatusCodeCatalog.Empty, Now);
            if (decision.Changed)
            {
                Persist(agent, () =>
                {
                    agent.Status = decision.Status;
                    agent.OwedWrapUps = after.Owed;
                });
            }

            return;
        }

        Persist(agent, () => agent.OwedWrapUps = after.Owed);
    }

    /// <summary>Mirrors <c>AgentGrain.TryHoldOffer</c>, including "prefers better work of its other queues".</summary>
    private bool TryHoldOffer(string agentId, string interactionId, string? queueId, int priority, DateTimeOffset enqueuedAt, bool routed, MediaType media)
    {
        if (!Agents.TryGetValue(agentId, out var agent))
        {
            return false;
        }

        if (agent.HeldOffer?.InteractionId == interactionId)
        {
            return true;
        }

        var active = agent.ActiveMedia;
        if (!RoutingEligibility.CanTake(agent.Status, active, agent.HeldOffer is not null, media, routed, agent.Capacity, Rule, agent.HeldCallCount))
        {
            return false;
        }

        if (queueId is { } offeredQueue && WorkPreference.LooksElsewhere(interactionId, routed, agent.Queues.Count, agent.Declined, Now))
        {
            var offered = new QueueHead(offeredQueue, interactionId, priority, enqueuedAt);
            var heads = agent.Queues.Keys.Where(q => q != offeredQueue).Select(q => PeekHead(Routers[q]))
                .Where(h => h is { } head && RoutingEligibility.CanTake(agent.Status, active, holdsOffer: false, head.Media, routed: true, agent.Capacity, Rule))
                .Select(h => (QueueHead?)h!.Value.Head);
            if (WorkPreference.BetterElsewhere(offered, heads) is { } better && Ready(agent) is { } ready)
            {
                agent.Declined = WorkPreference.Decline(agent.Declined, interactionId, Now);
                Note($"{agentId} declines {interactionId} of {offeredQueue}: prefers {better.InteractionId} of {better.QueueId}");
                Send(better.QueueId, $"{agentId} ready", router => MemberReady(router, agentId, ready));
                agent.RenotifyAt = Now + WorkPreference.Window;
                return false;
            }
        }

        agent.Declined = null;
        Holds[interactionId] = new HoldFact(interactionId, agentId, routed, queueId, media, agent.Status.State, agent.Status.ResumeState, agent.Status.Next?.State,
            active, agent.Capacity.For(media), Rule, agent.HeldOffer?.InteractionId, Now, agent.HeldCallCount);
        Persist(agent, () => agent.HeldOffer = new HeldOffer(interactionId, queueId, routed, Now));
        return true;
    }

    /// <summary>Mirrors <c>AgentGrain.RenotifyQueues</c> (<c>NotifyQueues(null, evenIfUnready: true)</c>), run by the preference deadline.</summary>
    private void RenotifyQueues(SimAgent agent)
    {
        agent.RenotifyAt = null;
        NotifyQueues(agent, null, evenIfUnready: true);
    }

    /// <summary>Mirrors <c>AgentGrain.WithdrawHold</c>: a refused request lets go of its hold; the idle time stays.</summary>
    private void WithdrawHold(string agentId, string interactionId)
    {
        var agent = Agents[agentId];
        if (agent.HeldOffer?.InteractionId == interactionId)
        {
            Persist(agent, () => agent.HeldOffer = null);
        }
    }

    /// <summary>Mirrors <c>AgentGrain.ReleaseOffer</c>.</summary>
    private void ReleaseAgentOffer(string agentId, string interactionId)
    {
        var agent = Agents[agentId];
        if (agent.HeldOffer?.InteractionId == interactionId)
        {
            Persist(agent, () =>
            {
                agent.HeldOffer = null;
                agent.LastOfferEndedAt = Now;
            });
        }
    }

    /// <summary>Mirrors <c>AgentGrain.OfferNotAnswered</c>.</summary>
    private void OfferNotAnswered(string agentId, string interactionId) =>
        EndOffer(agentId, interactionId, AgentState.Break, SystemReasonCodes.NoAnswer, "offer not answered in time");

    /// <summary>Mirrors <c>AgentGrain.OfferRejected</c>: to <paramref name="then"/>, or only released when null (a direct offer).</summary>
    private void OfferRejected(string agentId, string interactionId, AgentState? then)
    {
        if (then is { } state)
        {
            EndOffer(agentId, interactionId, state, state == AgentState.Available ? null : SystemReasonCodes.Rejected, "offer rejected");
        }
        else
        {
            ReleaseAgentOffer(agentId, interactionId);
        }
    }

    /// <summary>Mirrors <c>AgentGrain.EndOffer</c>.</summary>
    private void EndOffer(string agentId, string interactionId, AgentState then, string? code, string reason)
    {
        var agent = Agents[agentId];
        if (agent.HeldOffer?.InteractionId != interactionId)
        {
            return;
        }

        var decision = AgentStateMachine.Decide(agent.Status, new ChangeState(then, code, StateActor.System, null, reason), StatusCodeCatalog.Empty, Now);
        Note($"{agentId} {reason}: {agent.Status.State} -> {(decision.Changed ? decision.Status.State : agent.Status.State)}");
        Persist(agent, () =>
        {
            if (decision.Changed)
            {
                agent.Status = decision.Status;
            }

            agent.HeldOffer = null;
            agent.LastOfferEndedAt = Now;
        });
    }

    /// <summary>Mirrors <c>AgentGrain.Readiness</c>.</summary>
    private Readiness? Ready(SimAgent agent)
    {
        var active = agent.ActiveMedia;
        var media = RoutingEligibility.RoutableMedia(agent.Status, active, agent.HeldOffer is not null, agent.Capacity, Rule);
        return media.Count == 0
            ? null
            : new Readiness(agent.LastOfferEndedAt is { } ended && ended > agent.Status.Since ? ended : agent.Status.Since, active.Count, media);
    }

    /// <summary>Mirrors <c>AgentGrain.Persist</c>: apply, then <c>NotifyQueues</c> with the readiness from before.</summary>
    private void Persist(SimAgent agent, Action change)
    {
        var before = Ready(agent);
        change();
        NotifyQueues(agent, before);
    }

    /// <summary>Mirrors <c>AgentGrain.NotifyQueues</c> (one-way notices to every queue of the agent).</summary>
    private void NotifyQueues(SimAgent agent, Readiness? before, bool evenIfUnready = false)
    {
        var after = Ready(agent);
        if (Readiness.Same(before, after) && !(evenIfUnready && after is null))
        {
            return;
        }

        foreach (var queueId in agent.Queues.Keys)
        {
            if (after is { } ready)
            {
                Send(queueId, $"{agent.Id} ready {ready}", router => MemberReady(router, agent.Id, ready));
            }
            else
            {
                Send(queueId, $"{agent.Id} unavailable", router => MemberNotReady(router, agent.Id));
            }
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // Set-up and helpers (not glue)
    // ------------------------------------------------------------------------------------------------------------

    private void AddQueue(string id, MediaType media, RoutingStrategy strategy, RoutingPolicy policy) => Routers[id] = new SimRouter(id, media, strategy, policy);

    /// <summary>The queue grains' <c>JoinQueue</c> on both sides; routers learn availability as in <c>LoadSettings</c>.</summary>
    private void AddAgent(string id, Dictionary<string, int> queues, WorkCapacity capacity)
    {
        var agent = new SimAgent(id, queues, capacity, T0);
        Agents[id] = agent;
        foreach (var (queueId, skill) in queues)
        {
            Routers[queueId].Members[id] = new RouterMember(skill, Ready(agent));
        }
    }

    /// <summary>A one-way call to a router, delivered by <see cref="Settle"/>.</summary>
    private void Send(string queueId, string description, Action<SimRouter> message)
    {
        if (Routers.TryGetValue(queueId, out var router))
        {
            mailbox.Enqueue(($"{queueId}: {description}", () => message(router)));
        }
    }

    private void Arrived(string interactionId, string queueId, bool consult) =>
        Arrivals[(interactionId, queueId, consult)] = (Now, ++arrivalCounter);

    /// <summary>The model's arrival of waiting work: its consult's when a consult to this queue is pending, else its own.</summary>
    public (DateTimeOffset At, long Order)? ArrivalOf(string interactionId, string queueId)
    {
        var record = Interactions[interactionId];
        var consult = record.Consult is { Target.Kind: TargetKind.Queue, AgentId: null } c && c.Target.Id == queueId;
        return Arrivals.TryGetValue((interactionId, queueId, consult), out var arrival) ? arrival : null;
    }

    /// <summary>Invariant 5 at the moment of an offer: the offered work is the queue's best by priority, then model arrival.</summary>
    private void CheckOfferedIsHead(string queueId, string interactionId)
    {
        var best = Routers[queueId].Waiting.Items
            .OrderByDescending(w => w.Priority)
            .ThenBy(w => ArrivalOf(w.InteractionId, queueId)?.At ?? DateTimeOffset.MaxValue)
            .ThenBy(w => ArrivalOf(w.InteractionId, queueId)?.Order ?? long.MaxValue)
            .First();
        if (best.InteractionId != interactionId)
        {
            Violations.Add($"{queueId} offered {interactionId} while {best.InteractionId} (p{best.Priority}, arrived #{ArrivalOf(best.InteractionId, queueId)?.Order}) "
                + $"was ahead of it (arrived #{ArrivalOf(interactionId, queueId)?.Order}); waiting: {string.Join(", ", Routers[queueId].Waiting.Items.Select(w => $"{w.InteractionId}/p{w.Priority}/seq{w.Sequence}"))}");
        }
    }

    private static string Describe(InteractionCommand command) => command switch
    {
        Transfer t => $"{t.GetType().Name}({t.AgentId} -> {t.Target.Kind} {t.Target.Id})",
        StartConsult c => $"{c.GetType().Name}({c.AgentId} -> {c.Target.Kind} {c.Target.Id})",
        SaveWrapUp w => $"SaveWrapUp({w.AgentId}, [{string.Join(",", w.Codes)}])",
        _ => command.ToString(),
    };
}
