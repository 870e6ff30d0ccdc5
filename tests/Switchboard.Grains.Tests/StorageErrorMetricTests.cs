using System.Diagnostics.Metrics;
using Switchboard.Contracts;
using Switchboard.Domain.Agents;
using Switchboard.Grains.Agents;
using Switchboard.Grains.Telemetry;

namespace Switchboard.Grains.Tests;

/// <summary>Operators see storage failing: every failed grain state write counts on <c>switchboard.storage.errors</c>.</summary>
[Collection(ClusterCollection.Name)]
public sealed class StorageErrorMetricTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_failed_state_write_counts_as_a_storage_error()
    {
        var tenant = TestIds.Tenant();
        var agent = await fixture.Client.AvailableAgent(tenant, "a1");
        long writes = 0;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == SwitchboardMetrics.MeterName && instrument.Name == "switchboard.storage.errors")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag is { Key: "operation", Value: "write" })
                {
                    Interlocked.Add(ref writes, value);
                }
            }
        });
        listener.Start();

        using (var fault = fixture.Faults.FailWrites(GrainKeys.Agent(tenant, "a1"), "agent", count: 1, when: s => s is AgentGrainState { State: AgentState.Break }))
        {
            await Assert.ThrowsAnyAsync<Exception>(() => agent.ChangeState(AgentTestHelpers.Request(AgentState.Break)));
            Assert.Equal(1, fault.Injected);
        }

        Assert.Equal(1, Interlocked.Read(ref writes));
        await agent.SetState(AgentState.Offline);
    }
}
