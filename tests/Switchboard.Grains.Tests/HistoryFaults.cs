using System.Runtime.CompilerServices;
using Switchboard.Contracts.Reports;
using Switchboard.Domain.Reports;

namespace Switchboard.Grains.Tests;

/// <summary>Appends to the event history, or reads of it, that fail while a test asks, per tenant, shared by every silo.</summary>
public sealed class HistoryFaults
{
    private readonly Lock gate = new();
    private readonly HashSet<string> failing = new(StringComparer.Ordinal);
    private readonly HashSet<string> failingReads = new(StringComparer.Ordinal);

    public void Fail(string tenantId)
    {
        lock (gate)
        {
            failing.Add(tenantId);
        }
    }

    public void FailReads(string tenantId)
    {
        lock (gate)
        {
            failingReads.Add(tenantId);
        }
    }

    public void Heal(string tenantId)
    {
        lock (gate)
        {
            failing.Remove(tenantId);
            failingReads.Remove(tenantId);
        }
    }

    public bool Fails(string tenantId)
    {
        lock (gate)
        {
            return failing.Contains(tenantId);
        }
    }

    public bool ReadsFail(string tenantId)
    {
        lock (gate)
        {
            return failingReads.Contains(tenantId);
        }
    }
}

/// <summary>The silos' event history with <see cref="HistoryFaults"/> in front of its appends and reads.</summary>
internal sealed class FaultInjectingHistory(IEventHistoryStore inner, HistoryFaults faults) : IEventHistoryStore
{
    public Task Append(string tenantId, IReadOnlyList<HistoryEvent> events, CancellationToken cancellationToken = default) =>
        faults.Fails(tenantId) ? throw new InjectedStorageFaultException() : inner.Append(tenantId, events, cancellationToken);

    public async IAsyncEnumerable<HistoryEvent> Read(
        string tenantId, DateTimeOffset from, DateTimeOffset to, HistoryFilter? filter = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var read = 0;
        await foreach (var e in inner.Read(tenantId, from, to, filter, cancellationToken))
        {
            if (read++ > 0 && faults.ReadsFail(tenantId))
            {
                throw new InjectedStorageFaultException(); // part way: what was read must not count
            }

            yield return e;
        }

        if (faults.ReadsFail(tenantId))
        {
            throw new InjectedStorageFaultException();
        }
    }

    public Task Prune(DateTimeOffset before, CancellationToken cancellationToken = default) => inner.Prune(before, cancellationToken);
}
