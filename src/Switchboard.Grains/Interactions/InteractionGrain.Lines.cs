using Switchboard.Contracts.Interactions;
using Switchboard.Domain.Interactions;

namespace Switchboard.Grains.Interactions;

/// <summary>
/// Merge lines: the agent's two calls become one. The call that stays decides first, so that the other call gives up
/// its party only to a call that takes it; the other call then ends, handing over its party's leg, which joins this one.
/// Only the call that stays calls the other, never the reverse, so the two never wait on each other for one merge.
/// </summary>
public sealed partial class InteractionGrain
{
    public async Task<InteractionResult> MergeLines(string agentId, string otherInteractionId, CancellationToken cancellationToken = default)
    {
        if (state.State.Record is not { } record)
        {
            return NotFound();
        }

        var check = InteractionMachine.Decide(record, new Domain.Interactions.MergeLines(agentId, otherInteractionId, "", ""), time.GetUtcNow());
        if (!check.Applied)
        {
            return Result(check);
        }

        // One merge of the agent's lines at a time: two calls asked to merge into each other at once never wait on each other.
        if (!await Agent(agentId).TryStartMerge(interactionId, cancellationToken))
        {
            return new InteractionResult(InteractionOutcome.NotAllowed, record.ToView(), $"Another merge of agent '{agentId}''s lines is in progress.");
        }

        try
        {
            var other = GrainFactory.GetGrain<IInteractionGrain>(Contracts.GrainKeys.Interaction(tenantId, otherInteractionId));
            var handed = await other.HandOverLine(agentId, interactionId, cancellationToken);
            if (handed is not { Result.Outcome: InteractionOutcome.Applied, LegId: { } legId, Address: { } address })
            {
                var (outcome, field) = handed.Result.Outcome is InteractionOutcome.NotFound or InteractionOutcome.NotParticipant or InteractionOutcome.Invalid
                    ? (InteractionOutcome.Invalid, OtherCallField)
                    : (InteractionOutcome.NotAllowed, (string?)null);
                return new InteractionResult(outcome, record.ToView(), $"Cannot merge with '{otherInteractionId}': {handed.Result.Detail}", field);
            }

            var decision = InteractionMachine.Decide(record, new Domain.Interactions.MergeLines(agentId, otherInteractionId, legId, address), time.GetUtcNow());
            try
            {
                // The other call is over: this one is the agent's only call, and it talks on it.
                await Agent(agentId).TakeLine(interactionId, cancellationToken);
                await Commit(decision);
            }
            catch
            {
                // The party left the other call and this one could not take it: it is hung up rather than left with nobody.
                await telephony.HangUp(tenantId, otherInteractionId, legId, int.MaxValue);
                throw;
            }

            return Result(decision);
        }
        finally
        {
            await Agent(agentId).EndMerge(interactionId, CancellationToken.None);
        }
    }

    public async Task<LineHandOver> HandOverLine(string agentId, string intoInteractionId, CancellationToken cancellationToken = default)
    {
        if (state.State.Record is not { } record)
        {
            return new LineHandOver(NotFound());
        }

        var decision = InteractionMachine.Decide(record, new Domain.Interactions.HandOverLine(agentId, intoInteractionId), time.GetUtcNow());
        if (!decision.Applied)
        {
            return new LineHandOver(Result(decision));
        }

        var party = record.Legs.First(l => l.Party == PartyKind.Customer && l.IsActive);
        await Commit(decision);
        return new LineHandOver(Result(decision), party.Id, party.Address);
    }

    /// <summary>The field of a merge request that names the other call.</summary>
    private const string OtherCallField = "interactionId";
}
