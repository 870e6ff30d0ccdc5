using Switchboard.Contracts.Agents;
using Switchboard.Domain.Agents;
using Switchboard.Domain.Queues;
using Switchboard.Domain.Routing;
using Switchboard.Domain.Tenancy;

namespace Switchboard.Grains.Agents;

/// <summary>
/// Offers: the agent holds at most one (routed or direct), persisted so that a failure never lets a second one in,
/// until it is accepted (the work starts), rejected, not answered in time, or withdrawn.
/// </summary>
public sealed partial class AgentGrain
{
    /// <summary>
    /// The longest an offer can be open (twice the longest offer timeout a queue may set, 300 s: an accept that rings the
    /// agent's phone gives it as long again; and a margin). A held offer older than this is a leftover of a failure
    /// between the agent agreeing and the interaction recording it: the agent lets it go rather than be blocked by it for ever.
    /// </summary>
    internal static readonly TimeSpan HeldOfferLimit = TimeSpan.FromSeconds(630);

    /// <summary>The routed offer last declined for better work in another queue (see <see cref="WorkPreference"/>).</summary>
    private DeclinedOffer? declined;

    public async Task<SkipReason?> TryHoldOffer(OfferHold hold, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(hold);
        await ReleaseStaleOffer();
        var current = state.State;
        if (current.HeldOffer?.InteractionId == hold.InteractionId)
        {
            return null;
        }

        if (!current.Exists)
        {
            return SkipReason.Unknown;
        }

        var rule = await Utilization(cancellationToken);
        var capacity = CapacityOf(current);
        var active = current.ActiveMedia();
        var status = current.ToStatus();
        if (RoutingEligibility.WhyNot(status, active, current.HeldOffer is not null, hold.Media, hold.Routed, capacity, rule, CallsOnHold(current)) is { } why)
        {
            return why;
        }

        var now = time.GetUtcNow();
        if (hold.QueueId is { } queueId && WorkPreference.LooksElsewhere(hold.InteractionId, hold.Routed, current.Queues.Count, declined, now))
        {
            // Better work in another queue, of a medium the agent may take now: say no, and tell that queue to offer it.
            // Should it not within the window, every queue hears from the agent again, and this work offered again is then taken.
            var offered = new QueueHead(queueId, hold.InteractionId, hold.Priority, hold.EnqueuedAt);
            var heads = await Task.WhenAll(current.Queues.Keys.Where(q => q != queueId).Select(q => Router(q).PeekHead(cancellationToken)));
            var others = heads
                .Where(h => h is not null && RoutingEligibility.CanTake(status, active, holdsOffer: false, h.Media, routed: true, capacity, rule))
                .Select(h => new QueueHead(h!.QueueId, h.InteractionId, h.Priority, h.EnqueuedAt));
            if (WorkPreference.BetterElsewhere(offered, others) is { } better && Readiness(state.State, rule) is { Media.Count: > 0 } ready)
            {
                declined = WorkPreference.Decline(declined, hold.InteractionId, now);
                Router(better.QueueId).MemberReady(agentId, ready with { Version = NextNoticeVersion() }).Ignore();
                var key = this.GetPrimaryKeyString();
                deadlines.Schedule("agent-preference/" + key, now + WorkPreference.Window, grains => grains.GetGrain<IAgentGrain>(key).RenotifyQueues());
                return SkipReason.BetterWorkElsewhere;
            }
        }

        declined = null;
        await Persist(s => s.HeldOffer = new HeldOfferRecord(hold.InteractionId, hold.QueueId, hold.Routed, now));
        WatchHeldOffer();
        return null;
    }

    public async Task ReleaseOffer(string interactionId, CancellationToken cancellationToken = default)
    {
        if (state.State.HeldOffer?.InteractionId == interactionId)
        {
            var now = time.GetUtcNow();
            await Persist(s =>
            {
                s.HeldOffer = null;
                s.LastOfferEndedAt = now;
            });
        }
    }

    public async Task WithdrawHold(string interactionId, CancellationToken cancellationToken = default)
    {
        if (state.State.HeldOffer?.InteractionId == interactionId)
        {
            await Persist(s => s.HeldOffer = null);
        }
    }

    public Task OfferNotAnswered(string interactionId, CancellationToken cancellationToken = default) =>
        EndOffer(interactionId, AgentState.Break, SystemReasonCodes.NoAnswer, "offer not answered in time");

    public Task OfferRejected(string interactionId, AgentState? then, CancellationToken cancellationToken = default) =>
        then is { } state
            ? EndOffer(interactionId, state, state == AgentState.Available ? null : SystemReasonCodes.Rejected, "offer rejected")
            : ReleaseOffer(interactionId, cancellationToken);

    public async Task ReleaseStaleOffer()
    {
        if (state.State.HeldOffer is { } held && time.GetUtcNow() - held.At >= HeldOfferLimit)
        {
            AgentLog.StaleOfferReleased(logger, tenantId, agentId, held.InteractionId);
            await ReleaseOffer(held.InteractionId);
        }
    }

    /// <summary>An offer this agent holds ends unanswered or rejected: released, and the agent moved by the system.</summary>
    private async Task EndOffer(string interactionId, AgentState then, string? code, string reason)
    {
        if (state.State.HeldOffer?.InteractionId != interactionId)
        {
            return;
        }

        var now = time.GetUtcNow();
        var decision = AgentStateMachine.Decide(state.State.ToStatus(), new ChangeState(then, code, StateActor.System, null, reason), StatusCodeCatalog.Empty, now);
        await Commit(decision.Changed ? decision : new AgentDecision(DecisionOutcome.Unchanged, state.State.ToStatus(), null), s =>
        {
            s.HeldOffer = null;
            s.LastOfferEndedAt = now;
        });
    }

    /// <summary>Schedules the check that lets a held offer lapse at <see cref="HeldOfferLimit"/> (see there).</summary>
    private void WatchHeldOffer()
    {
        if (state.State.HeldOffer is { } held)
        {
            var key = this.GetPrimaryKeyString();
            deadlines.Schedule("agent-offer/" + key, held.At + HeldOfferLimit, grains => grains.GetGrain<IAgentGrain>(key).ReleaseStaleOffer());
        }
    }
}
