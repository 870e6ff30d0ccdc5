using CsCheck;
using Switchboard.Domain.Agents;
using Switchboard.Domain.Interactions;
using Switchboard.Domain.Queues;
using Switchboard.Domain.Routing;

namespace Switchboard.Domain.Tests.Properties;

/// <summary>Generators for steps, and what each step asks of the world.</summary>
internal static class WorldOps
{
    private static readonly AgentState[] StateTargets =
    [
        AgentState.Available, AgentState.Available, AgentState.Available, AgentState.Available,
        AgentState.Offline, AgentState.Break, AgentState.Break, AgentState.LoggedOut,
        AgentState.Busy, AgentState.WrapUp, // never allowed to ask for these
    ];

    public static readonly Gen<OpKind> Kind = Gen.Frequency(
        (10, Gen.Const(OpKind.Create)),
        (1, Gen.Const(OpKind.CreateDirect)),
        (8, Gen.Const(OpKind.SetState)),
        (10, Gen.Const(OpKind.Accept)),
        (3, Gen.Const(OpKind.Reject)),
        (4, Gen.Const(OpKind.Advance)),
        (2, Gen.Const(OpKind.CustomerHangUp)),
        (1, Gen.Const(OpKind.AgentLegDropped)),
        (3, Gen.Const(OpKind.AgentEnd)),
        (2, Gen.Const(OpKind.Hold)),
        (2, Gen.Const(OpKind.Resume)),
        (2, Gen.Const(OpKind.TransferToAgent)),
        (2, Gen.Const(OpKind.TransferToQueue)),
        (3, Gen.Const(OpKind.ConsultAgent)),
        (2, Gen.Const(OpKind.ConsultQueue)),
        (3, Gen.Const(OpKind.CompleteConsult)),
        (2, Gen.Const(OpKind.CancelConsult)),
        (2, Gen.Const(OpKind.Conference)),
        (4, Gen.Const(OpKind.WrapUp)),
        (2, Gen.Const(OpKind.Random)),
        (1, Gen.Const(OpKind.SetUtilization)),
        (2, Gen.Const(OpKind.SecondLine)));

    public static readonly Gen<WorldOp> Op =
        Gen.Select(Kind, Gen.Int[0, 99], Gen.Int[0, 99], Gen.Int[0, 99], Gen.Int[0, 2], (kind, a, b, c, pause) => new WorldOp(kind, a, b, c, pause));

    /// <summary>Runs one step against the world. Returns false when the world refused it (which must change nothing).</summary>
    public static bool Run(RoutingWorld w, WorldOp op)
    {
        var agents = w.AgentIds;
        var queues = w.QueueIds;
        var agent = agents[op.B % agents.Count];
        switch (op.Kind)
        {
            case OpKind.Create:
                return w.CreateInteraction(w.NewInteractionId(), queues[op.A % queues.Count], null, Priority(op.B)).Applied;

            case OpKind.CreateDirect:
                return w.CreateInteraction(w.NewInteractionId(), null, agents[op.A % agents.Count], Priority(op.B), op.C % 3 == 0 ? MediaType.Chat : MediaType.Voice).Applied;

            case OpKind.SecondLine:
            {
                var holding = w.Agents.Values.Where(a => a.CallsOnHold.Count > 0).Select(a => a.Id).ToList();
                return holding.Count > 0 && w.CreateInteraction(w.NewInteractionId(), null, holding[op.A % holding.Count], Priority(op.B)).Applied;
            }

            case OpKind.SetUtilization:
                w.SetUtilization(new UtilizationRule(VoiceBlocksOthers: op.B % 2 == 0, OthersBlockVoice: op.B % 4 >= 2));
                return true;

            case OpKind.SetState:
            {
                var target = StateTargets[op.B % StateTargets.Length];
                var code = target == AgentState.Break
                    ? (op.C % 4) switch { 0 => null, 3 => "training", _ => "lunch" }
                    : op.C % 6 == 0 ? "lunch" : null;
                var actor = op.C % 7 == 0 ? StateActor.Supervisor : StateActor.Agent;
                var decision = w.ChangeAgentState(agents[op.A % agents.Count], target, code, actor);
                return decision.Outcome is DecisionOutcome.Applied or DecisionOutcome.Deferred;
            }

            case OpKind.Accept:
            case OpKind.Reject:
            {
                if (Pick(w, op.A, r => r.Offer is not null) is not { } id)
                {
                    return false;
                }

                var who = op.C % 6 == 0 ? agent : w.Interactions[id].Offer!.AgentId;
                return w.Act(id, op.Kind == OpKind.Accept ? new AcceptOffer(who) : new RejectOffer(who)).Applied;
            }

            case OpKind.Advance:
                w.AdvanceTo(w.Now.AddSeconds(1 + (op.B % 40)));
                return true;

            case OpKind.CustomerHangUp:
            {
                var id = op.C % 6 == 0 ? Pick(w, op.A, _ => true) : Pick(w, op.A, r => !r.IsOver);
                // A caller hangs up (telephony); a chat's customer leaves (the web chat), or, wrongly, reports a leg.
                return id is not null && (w.Interactions[id].Media == MediaType.Chat && op.B % 5 != 0
                    ? w.CustomerLeaves(id).Applied
                    : w.ReportLeg(id, "L1", LegEventKind.Ended).Applied);
            }

            case OpKind.AgentLegDropped:
            {
                var legs = w.Created
                    .SelectMany(id => w.Interactions[id].Legs.Where(l => l.Party == PartyKind.Agent && l.IsActive).Select(l => (id, l.Id)))
                    .ToList();
                if (legs.Count == 0)
                {
                    return false;
                }

                var (interactionId, legId) = legs[op.A % legs.Count];
                return w.ReportLeg(interactionId, legId, LegEventKind.Ended).Applied;
            }

            case OpKind.AgentEnd:
            {
                if (Pick(w, op.A, r => !r.IsOver && r.Participants.Count > 0) is not { } id)
                {
                    return false;
                }

                var participants = w.Interactions[id].Participants;
                var who = op.C % 6 == 0 ? agent : participants[op.B % participants.Count];
                return w.Act(id, new EndCall(who)).Applied;
            }

            case OpKind.Hold:
            case OpKind.Resume:
            case OpKind.CompleteConsult:
            case OpKind.CancelConsult:
            case OpKind.Conference:
            {
                var needsConsult = op.Kind is OpKind.CompleteConsult or OpKind.CancelConsult or OpKind.Conference;
                if (Pick(w, op.A, r => !r.IsOver && r.Handler is not null && (!needsConsult || r.Consult is not null)) is not { } id)
                {
                    return false;
                }

                var who = op.C % 6 == 0 ? agent : w.Interactions[id].Handler!;
                InteractionCommand command = op.Kind switch
                {
                    OpKind.Hold => new HoldCall(who),
                    OpKind.Resume => new ResumeCall(who),
                    OpKind.CompleteConsult => new CompleteConsult(who),
                    OpKind.CancelConsult => new CancelConsult(who),
                    _ => new StartConference(who),
                };
                return w.Act(id, command).Applied;
            }

            case OpKind.TransferToAgent:
            case OpKind.TransferToQueue:
            case OpKind.ConsultAgent:
            case OpKind.ConsultQueue:
            {
                if (Pick(w, op.A, r => !r.IsOver && r.Handler is not null) is not { } id)
                {
                    return false;
                }

                var who = op.C % 8 == 0 ? agents[op.C % agents.Count] : w.Interactions[id].Handler!;
                var target = op.Kind is OpKind.TransferToAgent or OpKind.ConsultAgent
                    ? new TransferTarget(TargetKind.Agent, agent)
                    : new TransferTarget(TargetKind.Queue, op.B % 5 == 4 ? RoutingWorld.MissingQueue : queues[op.B % queues.Count]);
                InteractionCommand command = op.Kind is OpKind.TransferToAgent or OpKind.TransferToQueue
                    ? new Transfer(who, target)
                    : new StartConsult(who, target);
                return w.Act(id, command).Applied;
            }

            case OpKind.WrapUp:
            {
                var items = w.Created
                    .SelectMany(id => w.Interactions[id].WrapUps.Where(u => u.IsOpen || op.C % 5 == 0).Select(u => (id, u.AgentId)))
                    .ToList();
                if (items.Count == 0)
                {
                    return false;
                }

                var (interactionId, agentId) = items[op.A % items.Count];
                var policyCodes = w.Interactions[interactionId].Policy.TransactionCodes;
                IReadOnlyList<string> codes = (op.B % 4) switch
                {
                    0 => [],
                    1 => policyCodes.Count > 0 ? [policyCodes[0]] : [],
                    2 => ["bogus"],
                    _ => policyCodes,
                };
                return w.Act(interactionId, new SaveWrapUp(agentId, codes, op.C % 2 == 0 ? null : "notes")).Applied;
            }

            case OpKind.Random:
            {
                if (Pick(w, op.A, _ => true) is not { } id)
                {
                    return false;
                }

                var other = agents[(op.B + 1) % agents.Count];
                InteractionCommand command = (op.C % 12) switch
                {
                    0 => new AcceptOffer(agent),
                    1 => new RejectOffer(agent),
                    2 => new HoldCall(agent),
                    3 => new ResumeCall(agent),
                    4 => new EndCall(agent),
                    5 => new Transfer(agent, new TransferTarget(TargetKind.Agent, other)),
                    6 => new Transfer(agent, new TransferTarget(TargetKind.Queue, op.B % 2 == 0 ? RoutingWorld.MissingQueue : queues[op.B % queues.Count])),
                    7 => new StartConsult(agent, new TransferTarget(TargetKind.Agent, op.B % 3 == 0 ? agent : other)),
                    8 => new CompleteConsult(agent),
                    9 => new CancelConsult(agent),
                    10 => new StartConference(agent),
                    _ => new SaveWrapUp(agent, ["bogus"], null),
                };
                return w.Act(id, command).Applied;
            }

            default:
                throw new InvalidOperationException($"Unknown step {op.Kind}.");
        }
    }

    /// <summary>0-9, but mostly the default 5, so that equal priorities (where arrival order decides) are common.</summary>
    private static int Priority(int choice) => choice % 3 == 0 ? choice % 10 : WaitingWorkDefault;

    private const int WaitingWorkDefault = Switchboard.Domain.Routing.WaitingWork.DefaultPriority;

    /// <summary>The <paramref name="index"/>-th (modulo) created interaction whose record matches, or null.</summary>
    private static string? Pick(RoutingWorld w, int index, Func<InteractionRecord, bool> match)
    {
        var ids = w.Created.Where(id => match(w.Interactions[id])).ToList();
        return ids.Count == 0 ? null : ids[index % ids.Count];
    }
}
