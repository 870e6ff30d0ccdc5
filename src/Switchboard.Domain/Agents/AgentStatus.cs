namespace Switchboard.Domain.Agents;

/// <summary>An agent's current presence: what the console timer and the router read.</summary>
/// <param name="State">The current state.</param>
/// <param name="ReasonCode">The status code the state was entered with, if any.</param>
/// <param name="Since">When the current state started (the console timer).</param>
/// <param name="Version">Increases by one with every change; equals the number of audit entries.</param>
/// <param name="Next">A state requested while busy or in wrap-up, applied when the work ends.</param>
/// <param name="ResumeState">The state the agent was in before the work started.</param>
/// <param name="ResumeReasonCode">The code of <paramref name="ResumeState"/>.</param>
/// <param name="ActiveWork">Ids of the work items the agent is handling.</param>
public sealed record AgentStatus(
    AgentState State,
    string? ReasonCode,
    DateTimeOffset Since,
    long Version,
    RequestedState? Next,
    AgentState? ResumeState,
    string? ResumeReasonCode,
    IReadOnlyList<string> ActiveWork)
{
    /// <summary>A new agent: logged out, no history.</summary>
    public static AgentStatus Initial(DateTimeOffset now) => new(AgentState.LoggedOut, null, now, 0, null, null, null, []);
}
