using System.Globalization;
using Switchboard.Domain.Agents;

namespace Switchboard.Domain.Reports;

/// <summary>The history events of an agent's audit trail: one per state change, with the state left and how long it lasted.</summary>
public static class AgentHistory
{
    /// <summary>
    /// The events of the entries after sequence <paramref name="recordedThrough"/> of an audit trail in order; the
    /// transition before each (if the trail still has it) tells the code of the state left and when it began.
    /// </summary>
    public static IReadOnlyList<HistoryEvent> Of(string agentId, IEnumerable<StateAuditEntry> trail, long recordedThrough)
    {
        ArgumentNullException.ThrowIfNull(trail);
        var events = new List<HistoryEvent>();
        StateAuditEntry? previous = null;
        foreach (var entry in trail)
        {
            if (entry.Kind != AuditEntryKind.Transition)
            {
                continue;
            }

            if (entry.Sequence > recordedThrough)
            {
                events.Add(new HistoryEvent(
                    EventId(agentId, entry.Sequence),
                    entry.At,
                    HistoryTypes.AgentState,
                    agentId,
                    State: entry.To.ToString(),
                    Code: entry.ReasonCode,
                    FromState: entry.From.ToString(),
                    FromCode: previous?.ReasonCode,
                    Seconds: previous is null ? null : Math.Max(0, (entry.At - previous.At).TotalSeconds)));
            }

            previous = entry;
        }

        return events;
    }

    public static string EventId(string agentId, long sequence) => "a:" + agentId + ":" + sequence.ToString(CultureInfo.InvariantCulture);
}
