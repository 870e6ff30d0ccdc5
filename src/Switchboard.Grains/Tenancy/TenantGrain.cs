using System.Diagnostics;
using Microsoft.Extensions.Options;
using Switchboard.Contracts;
using Switchboard.Contracts.Agents;
using Switchboard.Contracts.Queues;
using Switchboard.Contracts.Tenancy;

namespace Switchboard.Grains.Tenancy;

/// <summary>
/// A tenant and its configuration. Its status codes and utilization rule are leased to every silo's agents (see
/// <see cref="TenantPolicies"/>).
/// </summary>
public sealed class TenantGrain(
    [PersistentState("tenant", StorageNames.Default)] IPersistentState<TenantState> state,
    [FromKeyedServices(SwitchboardClock.ServiceKey)] TimeProvider time,
    IOptions<TenancyOptions> options) : Grain, ITenantGrain
{
    /// <summary>The status codes as last stored: what readers get, also while a change of them is being written.</summary>
    private IReadOnlyList<StatusCodeItem>? storedStatusCodes;

    /// <summary>The utilization rule as last stored (null: default), likewise.</summary>
    private UtilizationSettings? storedUtilization;

    private bool utilizationLoaded;

    /// <summary>How long a silo may reuse a lease: one value for every silo, this activation's.</summary>
    private TimeSpan LeaseTime => options.Value.StatusCodeCache;

    public async Task<bool> Create(string name, CancellationToken cancellationToken = default)
    {
        if (state.State.Info is not null)
        {
            return false;
        }

        var info = new TenantInfo(this.GetPrimaryKeyString(), name, time.GetUtcNow());
        await state.WriteAsync(this, s => s.Info = info);
        return true;
    }

    public Task<TenantInfo?> Get(CancellationToken cancellationToken = default) => Task.FromResult(state.State.Info);

    public Task<TenantSettings> GetSettings(CancellationToken cancellationToken = default) =>
        Task.FromResult(state.State.Settings ?? TenantSettings.Default);

    public async Task SetSettings(TenantSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings == (state.State.Settings ?? TenantSettings.Default))
        {
            return;
        }

        await state.WriteAsync(this, s => s.Settings = settings);

        // Each queue's live figures start their day at the new midnight.
        var roster = GrainFactory.GetGrain<IQueueRosterGrain>(this.GetPrimaryKeyString());
        string? after = null;
        do
        {
            var page = await roster.List(after, 500, CancellationToken.None);
            foreach (var queue in page.Items)
            {
                GrainFactory.GetGrain<Contracts.Reports.IQueueFiguresGrain>(GrainKeys.Queue(this.GetPrimaryKeyString(), queue.Id)).SettingsChanged().Ignore();
            }

            after = page.NextAfter;
        }
        while (after is not null);
    }

    public Task<IReadOnlyList<StatusCodeItem>> GetStatusCodes(CancellationToken cancellationToken = default) =>
        Task.FromResult(storedStatusCodes ??= state.State.StatusCodes);

    public Task<TenantPolicyLease> LeasePolicies(CancellationToken cancellationToken = default) =>
        Task.FromResult(new TenantPolicyLease(storedStatusCodes ??= state.State.StatusCodes, LeaseTime, StoredUtilization));

    public Task<UtilizationSettings?> GetUtilization(CancellationToken cancellationToken = default) => Task.FromResult(StoredUtilization);

    /// <summary>
    /// Stores the rule and waits out the leases of the rule from before (as <see cref="SetStatusCodes"/> does), then asks
    /// every agent (one way) to tell its queues again what it may be offered: an agent a queue thought busy may now take
    /// that queue's work. An agent that may take less finds out at its next offer, which it refuses.
    /// </summary>
    public async Task SetUtilization(UtilizationSettings settings, CancellationToken cancellationToken = default)
    {
        _ = StoredUtilization;
        await state.WriteAsync(this, s => s.Utilization = settings);
        storedUtilization = state.State.Utilization;
        await WaitOutLeases();

        var roster = GrainFactory.GetGrain<IAgentRosterGrain>(this.GetPrimaryKeyString());
        string? after = null;
        do
        {
            // Not the caller's token: once the rule is stored every agent must hear of it, even if the caller left.
            var page = await roster.List(after, 500, CancellationToken.None);
            foreach (var agent in page.Items)
            {
                GrainFactory.GetGrain<IAgentGrain>(GrainKeys.Agent(this.GetPrimaryKeyString(), agent.Id)).RenotifyQueues().Ignore();
            }

            after = page.NextAfter;
        }
        while (after is not null);
    }

    private UtilizationSettings? StoredUtilization
    {
        get
        {
            if (!utilizationLoaded)
            {
                (storedUtilization, utilizationLoaded) = (state.State.Utilization, true);
            }

            return storedUtilization;
        }
    }

    /// <summary>
    /// Stores the codes, then waits out every lease of the codes from before (real time, not the business clock: leases
    /// run out in real time), so that every state change that starts after this returns checks the new codes. Reads and
    /// leases interleave meanwhile and get the stored codes.
    /// </summary>
    public async Task SetStatusCodes(IReadOnlyList<StatusCodeItem> items, CancellationToken cancellationToken = default)
    {
        storedStatusCodes ??= state.State.StatusCodes;
        await state.WriteAsync(this, s => s.StatusCodes = [.. items]);
        storedStatusCodes = state.State.StatusCodes;
        await WaitOutLeases();
    }

    /// <summary>Waits (real time: leases run out in real time) until no lease handed out before now can still be used.</summary>
    private async Task WaitOutLeases()
    {
        var leasesOut = Stopwatch.GetTimestamp() + (long)(LeaseTime.TotalSeconds * Stopwatch.Frequency);

        // A timer may fire a tick early or late: wait again for whatever is left.
        while (Stopwatch.GetTimestamp() < leasesOut)
        {
            await Task.Delay(TimeSpan.FromSeconds((double)(leasesOut - Stopwatch.GetTimestamp()) / Stopwatch.Frequency + 0.001), CancellationToken.None);
        }
    }

    public Task<IReadOnlyList<TransactionCodeItem>> GetTransactionCodes(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<TransactionCodeItem>>(state.State.TransactionCodes);

    public Task SetTransactionCodes(IReadOnlyList<TransactionCodeItem> items, CancellationToken cancellationToken = default) =>
        state.WriteAsync(this, s => s.TransactionCodes = [.. items]);
}
