using Switchboard.Domain.Reports;

namespace Switchboard.Grains.Agents;

/// <summary>
/// The agent's part of the tenant's event history: each state change is appended once it is stored, at least once (an
/// entry appended again has the same id and is kept once). What is known appended is written with the next change;
/// entries not known appended stay in the row (never dropped for the history pages) and are appended again on activation,
/// with the last one appended, whose time and code are those of the state the next one leaves.
/// </summary>
public sealed partial class AgentGrain
{
    /// <summary>The audit sequence through which this activation knows entries to be in the history.</summary>
    private long recordedThrough = -1;

    private long RecordedThrough => recordedThrough < 0 ? recordedThrough = state.State.RecordedThrough : recordedThrough;

    private async Task RecordHistory()
    {
        var through = RecordedThrough;
        var trail = state.State.RecentHistory;
        if (trail.Count == 0 || trail[^1].Sequence <= through)
        {
            return;
        }

        try
        {
            await eventHistory.Append(tenantId, AgentHistory.Of(agentId, trail.Select(e => e.ToDomain()), through));
            recordedThrough = trail[^1].Sequence;
        }
        catch (Exception exception)
        {
            AgentLog.HistoryNotRecorded(logger, exception, tenantId, agentId);
        }
    }
}
