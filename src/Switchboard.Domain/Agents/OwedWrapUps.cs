namespace Switchboard.Domain.Agents;

/// <summary>
/// The wrap-ups an agent owes: one for each piece of work that ended and whose wrap-up is not complete. An agent with
/// several chats may finish one while others go on (it stays Busy); it enters WrapUp when its last work ends, and leaves
/// it only once it owes nothing, so no chat goes without its wrap-up. Pure, like the state machine.
/// </summary>
public static class OwedWrapUps
{
    /// <summary>What is owed once <paramref name="workId"/> ended.</summary>
    public static IReadOnlyList<string> AfterEnd(IReadOnlyList<string> owed, string workId)
    {
        ArgumentNullException.ThrowIfNull(owed);
        return owed.Contains(workId, StringComparer.Ordinal) ? owed : [.. owed, workId];
    }

    /// <summary>
    /// What is owed once the wrap-up of <paramref name="workId"/> completed, and whether the agent now leaves WrapUp
    /// (it is in WrapUp and owes nothing more). Null when that wrap-up is not owed (a replay): nothing changes.
    /// </summary>
    public static (IReadOnlyList<string> Owed, bool LeaveWrapUp)? AfterComplete(IReadOnlyList<string> owed, string workId, AgentState state)
    {
        ArgumentNullException.ThrowIfNull(owed);
        if (!owed.Contains(workId, StringComparer.Ordinal))
        {
            return null;
        }

        IReadOnlyList<string> rest = [.. owed.Where(w => !string.Equals(w, workId, StringComparison.Ordinal))];
        return (rest, state == AgentState.WrapUp && rest.Count == 0);
    }
}
