using Switchboard.Contracts.Agents;
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

    /// <summary>The append under way, if any; a change stored meanwhile is appended right after it.</summary>
    private Task recording = Task.CompletedTask;

    private bool recordAgain;

    /// <summary>
    /// Appends what the row holds and the history does not, without holding up the change's caller: the entry is safe in
    /// the row already, and the state change answers as fast as its one storage write.
    /// </summary>
    private void RecordHistorySoon()
    {
        if (!recording.IsCompleted)
        {
            recordAgain = true;
            return;
        }

        recording = RecordWhileChanged();
    }

    private async Task RecordWhileChanged()
    {
        do
        {
            recordAgain = false;
            await RecordHistory();
        }
        while (recordAgain);
    }

    /// <summary>
    /// The audit sequence through which the row is known stored. A change waiting on its write is already in the state
    /// (the write may yet fail and be undone): the append, which runs beside other requests, stops before it.
    /// </summary>
    private long savedThrough = -1;

    /// <summary>After a successful write (or on activation, as read): every entry of the row is stored.</summary>
    private void Saved() => savedThrough = state.State.RecentHistory.Count > 0 ? state.State.RecentHistory[^1].Sequence : 0;

    private async Task RecordHistory()
    {
        var through = RecordedThrough;
        var saved = savedThrough;
        var trail = state.State.RecentHistory.Where(e => e.Sequence <= saved).ToList();
        if (trail.Count == 0 || trail[^1].Sequence <= through)
        {
            return;
        }

        try
        {
            await eventHistory.Append(tenantId, AgentHistory.Of(agentId, trail.Select(e => e.ToDomain()), through));
            recordedThrough = trail[^1].Sequence;
            historyRetry = TimeSpan.Zero;
        }
        catch (Exception exception)
        {
            AgentLog.HistoryNotRecorded(logger, exception, tenantId, agentId);
            AppendLater();
        }
    }

    public Task AppendHistory()
    {
        RecordHistorySoon();
        return Task.CompletedTask;
    }

    /// <summary>How long the agent waits before it appends again after a failed append; doubled on each failure.</summary>
    internal static readonly TimeSpan FirstHistoryRetry = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan LongestHistoryRetry = TimeSpan.FromMinutes(5);

    private TimeSpan historyRetry;

    /// <summary>
    /// A failed append is tried again on the business clock, so an agent that changes nothing for hours is not missing
    /// from reports for that long (its next activation tries too).
    /// </summary>
    private void AppendLater()
    {
        historyRetry = historyRetry == TimeSpan.Zero ? FirstHistoryRetry : TimeSpan.FromTicks(Math.Min(historyRetry.Ticks * 2, LongestHistoryRetry.Ticks));
        var key = this.GetPrimaryKeyString();
        deadlines.Schedule("agent-history/" + key, time.GetUtcNow() + historyRetry, grains => grains.GetGrain<IAgentGrain>(key).AppendHistory());
    }
}
