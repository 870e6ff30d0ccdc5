using Switchboard.Contracts.Queues;
using Switchboard.Domain.Queues;

namespace Switchboard.Api.Models;

/// <summary>A queue in the list; GET the queue for all its settings.</summary>
public sealed record QueueSummary(string Id, string Name, MediaType Media, RoutingStrategy Strategy)
{
    public static QueueSummary From(QueueRosterEntry entry) => new(entry.Id, entry.Name, entry.Media, entry.Strategy);
}
