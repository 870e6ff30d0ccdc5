using Switchboard.Contracts;
using Switchboard.Contracts.Tenancy;

namespace Switchboard.Grains.Tenancy;

/// <summary>A tenant and its configuration. Read on every agent state change, so reads are read-only and interleave.</summary>
public sealed class TenantGrain(
    [PersistentState("tenant", StorageNames.Default)] IPersistentState<TenantState> state,
    [FromKeyedServices(SwitchboardClock.ServiceKey)] TimeProvider time) : Grain, ITenantGrain
{
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

    public Task<IReadOnlyList<StatusCodeItem>> GetStatusCodes(CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<StatusCodeItem>>(state.State.StatusCodes);

    public Task SetStatusCodes(IReadOnlyList<StatusCodeItem> items, CancellationToken cancellationToken = default) =>
        state.WriteAsync(this, s => s.StatusCodes = [.. items]);

    public Task<IReadOnlyList<TransactionCodeItem>> GetTransactionCodes(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<TransactionCodeItem>>(state.State.TransactionCodes);

    public Task SetTransactionCodes(IReadOnlyList<TransactionCodeItem> items, CancellationToken cancellationToken = default) =>
        state.WriteAsync(this, s => s.TransactionCodes = [.. items]);
}
