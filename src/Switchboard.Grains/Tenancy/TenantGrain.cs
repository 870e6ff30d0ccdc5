using Microsoft.Extensions.Options;
using Switchboard.Contracts;
using Switchboard.Contracts.Tenancy;

namespace Switchboard.Grains.Tenancy;

/// <summary>A tenant and its configuration. Its status codes are read by every silo's agents (see <see cref="StatusCodeCatalogs"/>).</summary>
public sealed class TenantGrain(
    [PersistentState("tenant", StorageNames.Default)] IPersistentState<TenantState> state,
    [FromKeyedServices(SwitchboardClock.ServiceKey)] TimeProvider time,
    IOptions<TenancyOptions> options) : Grain, ITenantGrain
{
    /// <summary>The status codes as last stored: what readers get, also while a change of them is being written.</summary>
    private IReadOnlyList<StatusCodeItem>? storedStatusCodes;

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

    public Task<IReadOnlyList<StatusCodeItem>> GetStatusCodes(CancellationToken cancellationToken = default) =>
        Task.FromResult(storedStatusCodes ??= state.State.StatusCodes);

    /// <summary>
    /// Stores the codes, then waits out the time a silo may still use a copy read before (real time, not the business
    /// clock: the copies expire in real time), so that when this returns every state change checks the new codes.
    /// Reads interleave meanwhile and get the stored codes.
    /// </summary>
    public async Task SetStatusCodes(IReadOnlyList<StatusCodeItem> items, CancellationToken cancellationToken = default)
    {
        storedStatusCodes ??= state.State.StatusCodes;
        await state.WriteAsync(this, s => s.StatusCodes = [.. items]);
        storedStatusCodes = state.State.StatusCodes;
        if (options.Value.StatusCodeCache > TimeSpan.Zero)
        {
            await Task.Delay(options.Value.StatusCodeCache, CancellationToken.None);
        }
    }

    public Task<IReadOnlyList<TransactionCodeItem>> GetTransactionCodes(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<TransactionCodeItem>>(state.State.TransactionCodes);

    public Task SetTransactionCodes(IReadOnlyList<TransactionCodeItem> items, CancellationToken cancellationToken = default) =>
        state.WriteAsync(this, s => s.TransactionCodes = [.. items]);
}
