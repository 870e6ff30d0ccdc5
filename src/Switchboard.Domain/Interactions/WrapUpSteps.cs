namespace Switchboard.Domain.Interactions;

/// <summary>Wrap-up: opened when an agent's part ends, closed by saving codes, by the limit, or at once when not required.</summary>
internal static class WrapUpSteps
{
    /// <summary>
    /// The agent's part is over: it goes to WrapUp. Agents who handled the call owe the queue's codes when they are
    /// required; anyone else (a consulted agent) and calls without required codes complete wrap-up at once.
    /// </summary>
    public static void Open(InteractionDraft draft, string agentId)
    {
        draft.Effect(new EndAgentWork(agentId));
        if (draft.WrapUps.Any(w => w.AgentId == agentId && w.IsOpen))
        {
            return;
        }

        var required = draft.Policy.CodeRequired && draft.HandledBy.Contains(agentId);
        var deadline = draft.Policy.MaxWrapUp is { } max ? draft.Now + max : (DateTimeOffset?)null;
        var item = new WrapUpItem(agentId, required, draft.Now, deadline, [], null, required ? null : draft.Now, TimedOut: false, draft.Policy.TransactionCodes);
        draft.WrapUps.Add(item);
        if (!required)
        {
            draft.Effect(new CompleteAgentWrapUp(agentId));
        }
    }

    public static InteractionDecision Save(InteractionDraft draft, SaveWrapUp command)
    {
        var record = draft.Original;
        var index = draft.WrapUps.FindLastIndex(w => w.AgentId == command.AgentId);
        if (index < 0)
        {
            return record.Participants.Contains(command.AgentId) || record.Offer?.AgentId == command.AgentId
                ? InteractionMachine.NotAllowed(record, "Wrap-up starts when the agent's part of the call ends.")
                : InteractionMachine.NotParticipant(record, $"Agent '{command.AgentId}' has no part in interaction '{record.Id}'.");
        }

        var item = draft.WrapUps[index];
        // Optional codes may still be saved once, after a wrap-up that completed at once.
        var optionalAfterwards = !item.CodeRequired && !item.TimedOut && item.Codes.Count == 0 && item.Notes is null;
        if (!item.IsOpen && !optionalAfterwards)
        {
            return InteractionMachine.NotAllowed(record, $"Agent '{command.AgentId}' has already completed wrap-up of interaction '{record.Id}'.");
        }

        var codesOfQueue = item.AllowedCodes ?? record.Policy.TransactionCodes;
        var unknown = command.Codes.Where(c => !codesOfQueue.Contains(c, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
        {
            var allowed = codesOfQueue.Count == 0 ? "none" : string.Join(", ", codesOfQueue);
            return InteractionMachine.Invalid(record, $"Transaction code(s) {string.Join(", ", unknown)} do not belong to the queue (allowed: {allowed}).");
        }

        if (item.CodeRequired && command.Codes.Count == 0)
        {
            return InteractionMachine.Invalid(record, "This queue requires a transaction code to complete wrap-up.");
        }

        var codes = command.Codes.Distinct(StringComparer.Ordinal).ToList();
        draft.WrapUps[index] = item with { Codes = codes, Notes = command.Notes, CompletedAt = item.CompletedAt ?? draft.Now };
        if (item.IsOpen)
        {
            draft.Effect(new CompleteAgentWrapUp(command.AgentId));
        }

        draft.Event("wrap-up-saved", ("agent", command.AgentId), ("codes", string.Join(",", codes)));
        SettleIfDone(draft);
        return draft.Applied();
    }

    public static bool ExpireWrapUps(InteractionDraft draft)
    {
        var changed = false;
        for (var i = 0; i < draft.WrapUps.Count; i++)
        {
            var item = draft.WrapUps[i];
            if (item.IsOpen && item.Deadline is { } deadline && draft.Now >= deadline)
            {
                draft.WrapUps[i] = item with { CompletedAt = draft.Now, TimedOut = true };
                draft.Effect(new CompleteAgentWrapUp(item.AgentId));
                draft.Event("wrap-up-timed-out", ("agent", item.AgentId));
                changed = true;
            }
        }

        if (changed)
        {
            SettleIfDone(draft);
        }

        return changed;
    }

    /// <summary>An ended interaction whose every wrap-up is done is wrapped up.</summary>
    public static void SettleIfDone(InteractionDraft draft)
    {
        if (draft.State == InteractionState.Ended && draft.WrapUps.All(w => !w.IsOpen))
        {
            draft.State = InteractionState.WrappedUp;
            draft.Event("wrapped-up");
        }
    }
}
