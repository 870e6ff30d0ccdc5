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

        state.State.Info = new TenantInfo(this.GetPrimaryKeyString(), name, time.GetUtcNow());
        await state.WriteOrRollbackAsync(() => state.State.Info = null);
        return true;
    }

    public Task<TenantInfo?> Get(CancellationToken cancellationToken = default) => Task.FromResult(state.State.Info);

    public Task<IReadOnlyList<StatusCodeItem>> GetStatusCodes(CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<StatusCodeItem>>(state.State.StatusCodes);

    public async Task SetStatusCodes(IReadOnlyList<StatusCodeItem> items, CancellationToken cancellationToken = default)
    {
        var previous = state.State.StatusCodes;
        state.State.StatusCodes = [.. items];
        await state.WriteOrRollbackAsync(() => state.State.StatusCodes = previous);
    }

    public Task<IReadOnlyList<TransactionCodeItem>> GetTransactionCodes(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<TransactionCodeItem>>(state.State.TransactionCodes);

    public async Task SetTransactionCodes(IReadOnlyList<TransactionCodeItem> items, CancellationToken cancellationToken = default)
    {
        var previous = state.State.TransactionCodes;
        state.State.TransactionCodes = [.. items];
        await state.WriteOrRollbackAsync(() => state.State.TransactionCodes = previous);
    }
}
