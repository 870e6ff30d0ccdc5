using Switchboard.Contracts.Reports;
using Switchboard.Domain.Reports;

namespace Switchboard.Grains.Tests;

/// <summary>Appends to the event history that fail while a test asks, per tenant, shared by every silo.</summary>
public sealed class HistoryFaults
{
    private readonly Lock gate = new();
    private readonly HashSet<string> failing = new(StringComparer.Ordinal);

    public void Fail(string tenantId)
    {
        lock (gate)
        {
            failing.Add(tenantId);
        }
    }

    public void Heal(string tenantId)
    {
        lock (gate)
        {
            failing.Remove(tenantId);
        }
    }

    public bool Fails(string tenantId)
    {
        lock (gate)
        {
            return failing.Contains(tenantId);
        }
    }
}

/// <summary>The silos' event history with <see cref="HistoryFaults"/> in front of its appends.</summary>
internal sealed class FaultInjectingHistory(IEventHistoryStore inner, HistoryFaults faults) : IEventHistoryStore
{
    public Task Append(string tenantId, IReadOnlyList<HistoryEvent> events, CancellationToken cancellationToken = default) =>
        faults.Fails(tenantId) ? throw new InjectedStorageFaultException() : inner.Append(tenantId, events, cancellationToken);

    public IAsyncEnumerable<HistoryEvent> Read(
        string tenantId, DateTimeOffset from, DateTimeOffset to, HistoryFilter? filter = null, CancellationToken cancellationToken = default) =>
        inner.Read(tenantId, from, to, filter, cancellationToken);

    public Task Prune(DateTimeOffset before, CancellationToken cancellationToken = default) => inner.Prune(before, cancellationToken);
}
