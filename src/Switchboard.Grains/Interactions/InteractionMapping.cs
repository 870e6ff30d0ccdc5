using Switchboard.Contracts.Crm;
using Switchboard.Contracts.Interactions;
using Switchboard.Domain.Interactions;
using Switchboard.Domain.Routing;

namespace Switchboard.Grains.Interactions;

/// <summary>Between the domain record and the wire views and commands.</summary>
internal static class InteractionMapping
{
    public static InteractionView ToView(this InteractionRecord r) => new(
        r.Id,
        r.Media,
        r.Direction,
        r.State,
        r.QueueId,
        r.Priority,
        r.From,
        r.To,
        r.CreatedAt,
        r.EndedAt,
        r.Handler,
        r.Participants,
        r.Conference,
        [.. r.Legs.Select(l => new LegView(l.Id, l.Line, l.Party, l.Address, l.State, l.StartedAt, l.EndedAt))],
        r.Offer is { } o ? new OfferView(o.AgentId, o.QueueId, o.Purpose, o.OfferedAt, o.ExpiresAt, o.PhoneLegId, o.Routing?.ToView()) : null,
        r.Consult is { } c ? new ConsultView(c.Target.Kind, c.Target.Id, c.LegId, c.AgentId, c.StartedAt) : null,
        [.. r.WrapUps.Select(w => new WrapUpView(w.AgentId, w.CodeRequired, w.StartedAt, w.Deadline, w.Codes, w.Notes, w.CompletedAt, w.TimedOut, w.AllowedCodes ?? r.Policy.TransactionCodes))],
        r.TransactionCodes,
        [.. r.Timeline.Select(e => new TimelineEntry(e.Sequence, e.At, e.Type, e.Actor, e.Details))],
        r.CustomerName,
        r.Customer is { } link ? link.ToView() : null,
        [.. r.Cobrowse.Select(ToView)],
        r.RelatedInteractionId);

    public static RoutingExplanationView ToView(this RoutingExplanation e) =>
        new(e.Strategy, e.Eligible, e.IdleSeconds, e.SkillLevel, e.Load, e.Position, e.Preferred, [.. e.Skipped.Select(s => new SkippedMemberView(s.AgentId, s.Reason))], e.SkippedMore);

    public static RoutingExplanation ToDomain(this RoutingExplanationView v) =>
        new(v.Strategy, v.Eligible, v.IdleSeconds, v.SkillLevel, v.Load, v.Position, v.Preferred, [.. v.Skipped.Select(s => new SkippedMember(s.AgentId, s.Reason))], v.SkippedMore);

    public static CobrowseView ToView(this CobrowseSession s) =>
        new(s.SessionId, s.AgentId, s.State, s.StartedAt, s.ExpiresAt, s.JoinedAt, s.EndedAt, s.EndReason);

    public static InteractionCustomerView ToView(this CustomerLink link) =>
        new(link.CustomerId, link.Name, link.CaseNumber, [.. link.OpenCases.Select(c => new CaseSummary(c.Number, c.Subject, c.Status))], link.ByHand);

    public static CustomerLink ToDomain(this InteractionCustomerView view) =>
        new(view.CustomerId, view.Name, view.CaseNumber, [.. view.OpenCases.Select(c => new OpenCase(c.Number, c.Subject, c.Status))], view.ByHand);

    public static RoutingPolicy ToDomain(this QueuePolicy p) => new(
        TimeSpan.FromSeconds(p.OfferTimeoutSeconds),
        p.TransactionCodes,
        p.CodeRequired,
        p.MaxWrapUpSeconds is { } max ? TimeSpan.FromSeconds(max) : null,
        p.RejectAgentState);

    public static InteractionCommand ToCommand(this InteractionAction a) => a.Kind switch
    {
        InteractionActionKind.Accept => new AcceptOffer(a.AgentId),
        InteractionActionKind.Reject => new RejectOffer(a.AgentId),
        InteractionActionKind.Hold => new HoldCall(a.AgentId),
        InteractionActionKind.Resume => new ResumeCall(a.AgentId),
        InteractionActionKind.End => new EndCall(a.AgentId),
        InteractionActionKind.Transfer => new Transfer(a.AgentId, Target(a)),
        InteractionActionKind.Consult => new StartConsult(a.AgentId, Target(a)),
        InteractionActionKind.CompleteConsult => new CompleteConsult(a.AgentId),
        InteractionActionKind.CancelConsult => new CancelConsult(a.AgentId),
        InteractionActionKind.Conference => new StartConference(a.AgentId),
        InteractionActionKind.WrapUp => new SaveWrapUp(a.AgentId, a.Codes ?? [], a.Notes),
        _ => throw new ArgumentOutOfRangeException(nameof(a), a.Kind, "Unknown interaction action."),
    };

    public static InteractionOutcome ToOutcome(this DecisionKind kind) => kind switch
    {
        DecisionKind.Applied => InteractionOutcome.Applied,
        DecisionKind.Unchanged => InteractionOutcome.Unchanged,
        DecisionKind.NotAllowed => InteractionOutcome.NotAllowed,
        DecisionKind.NotParticipant => InteractionOutcome.NotParticipant,
        DecisionKind.NotFound => InteractionOutcome.NotFound,
        _ => InteractionOutcome.Invalid,
    };

    private static TransferTarget Target(InteractionAction a) =>
        new(a.TargetKind ?? throw new ArgumentException("A transfer or consult needs a target.", nameof(a)), a.TargetId ?? string.Empty);
}
