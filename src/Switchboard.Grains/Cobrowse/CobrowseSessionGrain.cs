using Switchboard.Contracts;
using Switchboard.Contracts.Cobrowse;

namespace Switchboard.Grains.Cobrowse;

/// <summary>A joined co-browse session (see <see cref="ICobrowseSessionGrain"/>); written once, when the customer joins.</summary>
[CollectionAgeLimit(Minutes = 10)]
public sealed class CobrowseSessionGrain(
    [PersistentState("cobrowse-session", StorageNames.Default)] IPersistentState<CobrowseSessionState> state) : Grain, ICobrowseSessionGrain
{
    public async Task Open(CobrowseCustomer customer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(customer);
        // Only a redeemed code leads here, once; again only after a join that failed on our side gave the code back,
        // whose token the customer never received: the new token replaces it.
        if (state.State.Customer != customer)
        {
            await state.WriteAsync(this, s => s.Customer = customer);
        }
    }

    public Task<CobrowseCustomer?> Get(CancellationToken cancellationToken = default) => Task.FromResult(state.State.Customer);
}
