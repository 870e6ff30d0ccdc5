using Switchboard.Contracts.Interactions;
using Switchboard.Domain.Interactions;

namespace Switchboard.Grains.Interactions;

/// <summary>
/// The outbox: the effects a stored change asks for (queue and agent calls, telephony), carried out in order after the
/// write, and again after a failure until each has been done.
/// </summary>
public sealed partial class InteractionGrain
{
    /// <summary>
    /// Runs the outbox in order. Each effect is idempotent for this interaction, so running one twice after a failure is
    /// harmless; the first that fails stays in the outbox with everything after it, for the reminder to retry.
    /// </summary>
    private async Task RunPendingEffects()
    {
        var pending = state.State.PendingEffects;
        var done = 0;
        try
        {
            for (; done < pending.Count; done++)
            {
                await Execute(pending[done]);
            }
        }
        catch (Exception exception)
        {
            // In order or not at all: a later effect run before an earlier one failed (complete a wrap-up before the
            // work ended) would leave the agent stuck. The failed one and all after it wait for the reminder.
            InteractionLog.EffectFailed(logger, exception, tenantId, interactionId, pending[done].GetType().Name);
        }

        // Kept in memory only: the next write persists the shorter outbox; until then a replay is harmless.
        state.State.PendingEffects = [.. pending.Skip(done)];
        if (emailCaseToLink is { } found)
        {
            emailCaseToLink = null;
            await LinkEmailCase(found.Case, found.AgentId);
        }
    }

    private Task Execute(InteractionEffect effect) => effect switch
    {
        EnqueueWork e => Enqueue(e),
        LeaveQueue e => Queue(e.QueueId).Withdraw(interactionId),
        ReleaseOffer e => Agent(e.AgentId).ReleaseOffer(interactionId),
        MarkNoAnswer e => Agent(e.AgentId).OfferNotAnswered(interactionId),
        MarkRejected e => Agent(e.AgentId).OfferRejected(interactionId, e.State),
        StartAgentWork e => Agent(e.AgentId).StartWork(interactionId, e.Media),
        EndAgentWork e => Agent(e.AgentId).EndWork(interactionId),
        CompleteAgentWrapUp e => Agent(e.AgentId).CompleteWrapUpFor(interactionId),
        DialLeg e => telephony.Dial(tenantId, interactionId, new TelephonyLeg(e.LegId, e.Party, e.Address), e.Sequence),
        BridgeLegs e => telephony.Bridge(tenantId, interactionId, [.. e.LegIds.Select(Bridged)], e.Sequence),
        HangUpLeg e => telephony.HangUp(tenantId, interactionId, e.LegId, e.Sequence),
        UpdateCaseLink e => TellCase(e),
        FollowEmailCase e => FindEmailCase(e),
        HoldAgentLine e => Agent(e.AgentId).PutCallOnHold(interactionId),
        _ => throw new ArgumentOutOfRangeException(nameof(effect), effect.GetType().Name, "Unknown effect."),
    };

    /// <summary>A leg to bridge, with who it is (legs are never removed from the record, nor change party or address).</summary>
    private TelephonyLeg Bridged(string legId)
    {
        var leg = state.State.Record!.Legs.First(l => l.Id == legId);
        return new TelephonyLeg(leg.Id, leg.Party, leg.Address, MovedFrom: leg.MovedFrom is { } from ? new TelephonyLegOrigin(from.InteractionId, from.LegId) : null);
    }

    private Task Enqueue(EnqueueWork effect) =>
        Queue(effect.QueueId).Enqueue(interactionId, effect.Priority, effect.EnqueuedAt, effect.Requeue, effect.Sequence, state.State.Record!.PreferredAgentId);

    /// <summary>
    /// While the interaction waits in a queue it tells the queue so again on activation and on each reminder tick
    /// (idempotent there): the enqueue is one way, and this is what makes sure no queued work is lost with a message.
    /// </summary>
    private Task ConfirmQueued()
    {
        var record = state.State.Record!;
        if (record.State == InteractionState.Queued && record.QueueId is { } queueId)
        {
            return Enqueue(new EnqueueWork(queueId, record.Priority, record.QueuedAt ?? record.CreatedAt, Requeue: true, record.QueueSequence));
        }

        return record.Consult is { Target.Kind: TargetKind.Queue, AgentId: null } consult && record.Offer is null
            ? Enqueue(new EnqueueWork(consult.Target.Id, record.Priority, consult.StartedAt, Requeue: true))
            : Task.CompletedTask;
    }
}
