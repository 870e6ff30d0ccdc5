using System.Globalization;

namespace Switchboard.Domain.Interactions;

/// <summary>
/// Co-browse sessions on an interaction: started by its handling agent while it is in progress, at most one open at a
/// time, joined once by the customer before the code expires, ended by the agent, by the code expiring unused, or with
/// the interaction.
/// </summary>
internal static class CobrowseSteps
{
    public const string StartedEvent = "cobrowse-started";
    public const string JoinedEvent = "cobrowse-joined";
    public const string EndedEvent = "cobrowse-ended";

    public static InteractionDecision Start(InteractionDraft draft, StartCobrowse start)
    {
        var record = draft.Original;
        if (RequireHandler(record, start.AgentId) is { } refusal)
        {
            return refusal;
        }

        if (record.State is not (InteractionState.Connected or InteractionState.OnHold) || record.Handler is not { } handler)
        {
            return InteractionMachine.NotAllowed(record, $"Co-browse starts only while the interaction is in progress; it is {record.State}.");
        }

        // A code that expired unused ends its session first, so it never blocks a new one.
        Expire(draft);
        if (draft.Cobrowse.FirstOrDefault(s => s.IsOpen) is { } open)
        {
            return InteractionMachine.NotAllowed(record,
                $"Co-browse session '{open.SessionId}' is open already; end it first (one open session per interaction).");
        }

        if (record.Cobrowse.Any(s => s.SessionId == start.SessionId))
        {
            return InteractionMachine.Invalid(record, $"Co-browse session '{start.SessionId}' exists already.");
        }

        var expiresAt = draft.Now + CobrowseRules.CodeLifetime;
        draft.Cobrowse.Add(new CobrowseSession(start.SessionId, handler, CobrowseState.Waiting, draft.Now, expiresAt));
        draft.Event(StartedEvent, ("sessionId", start.SessionId), ("agent", handler),
            ("expiresAt", expiresAt.ToString("O", CultureInfo.InvariantCulture)));
        return draft.Applied();
    }

    public static InteractionDecision Join(InteractionDraft draft, JoinCobrowse join)
    {
        var record = draft.Original;
        var index = draft.Cobrowse.FindIndex(s => s.SessionId == join.SessionId);
        if (index < 0)
        {
            return UnknownSession(record, join.SessionId);
        }

        var session = draft.Cobrowse[index];
        if (session.State != CobrowseState.Waiting || draft.Now >= session.ExpiresAt)
        {
            return InteractionMachine.NotAllowed(record, $"Co-browse session '{session.SessionId}' cannot be joined: it is {(session.State == CobrowseState.Waiting ? "expired" : session.State.ToString())}.");
        }

        draft.Cobrowse[index] = session with { State = CobrowseState.Active, JoinedAt = draft.Now };
        draft.Event(JoinedEvent, ("sessionId", session.SessionId));
        return draft.Applied();
    }

    /// <summary>Ends the session; ending one that has ended changes nothing (not an error).</summary>
    public static InteractionDecision End(InteractionDraft draft, EndCobrowse end)
    {
        var record = draft.Original;
        if (RequireHandler(record, end.AgentId) is { } refusal)
        {
            return refusal;
        }

        var index = draft.Cobrowse.FindIndex(s => s.SessionId == end.SessionId);
        if (index < 0)
        {
            return UnknownSession(record, end.SessionId);
        }

        if (!draft.Cobrowse[index].IsOpen)
        {
            return InteractionMachine.Unchanged(record, $"Co-browse session '{end.SessionId}' has ended already.");
        }

        Close(draft, index, "agent");
        return draft.Applied();
    }

    /// <summary>Ends sessions whose code expired before the customer joined; true if any did.</summary>
    public static bool Expire(InteractionDraft draft)
    {
        var changed = false;
        for (var i = 0; i < draft.Cobrowse.Count; i++)
        {
            if (draft.Cobrowse[i] is { State: CobrowseState.Waiting } waiting && draft.Now >= waiting.ExpiresAt)
            {
                Close(draft, i, "expired");
                changed = true;
            }
        }

        return changed;
    }

    /// <summary>Once the interaction is over, its open session ends with it.</summary>
    public static bool CloseWithInteraction(InteractionDraft draft)
    {
        var changed = false;
        for (var i = 0; i < draft.Cobrowse.Count; i++)
        {
            if (draft.Cobrowse[i].IsOpen)
            {
                Close(draft, i, "interaction-ended");
                changed = true;
            }
        }

        return changed;
    }

    /// <summary>
    /// An agent acts only on interactions it handles (403 otherwise, whatever their state, so an agent learns nothing of
    /// others' work); no agent (an admin, supervisor or integration key) acts for the handler.
    /// </summary>
    private static InteractionDecision? RequireHandler(InteractionRecord record, string? agentId) =>
        agentId is null || string.Equals(record.Handler, agentId, StringComparison.Ordinal)
            ? null
            : InteractionMachine.NotParticipant(record, $"Agent '{agentId}' is not handling interaction '{record.Id}'.");

    private static InteractionDecision UnknownSession(InteractionRecord record, string sessionId) =>
        new(DecisionKind.NotFound, record, [], $"Interaction '{record.Id}' has no co-browse session '{sessionId}'.");

    private static void Close(InteractionDraft draft, int index, string reason)
    {
        var session = draft.Cobrowse[index];
        draft.Cobrowse[index] = session with { State = CobrowseState.Ended, EndedAt = draft.Now, EndReason = reason };
        draft.Event(EndedEvent, ("sessionId", session.SessionId), ("reason", reason));
    }
}
