using Switchboard.Contracts;
using Switchboard.Contracts.Crm;

namespace Switchboard.Grains.Crm;

/// <summary>One phone or email of a tenant: the customer that holds it. Claimed first come, first served.</summary>
[CollectionAgeLimit(Minutes = 2)]
public sealed class CustomerContactGrain(
    [PersistentState("contact", StorageNames.Default)] IPersistentState<CustomerContactState> state,
    [FromKeyedServices(SwitchboardClock.ServiceKey)] TimeProvider time) : Grain, ICustomerContactGrain
{
    public async Task<CustomerContactClaim> Claim(string customerId, CancellationToken cancellationToken = default)
    {
        if (state.State.Claim is { } held)
        {
            return held;
        }

        var claim = new CustomerContactClaim(customerId, time.GetUtcNow());
        await state.WriteAsync(this, s => s.Claim = claim);
        return claim;
    }

    public async Task<bool> TakeOver(string staleOwner, string customerId, CancellationToken cancellationToken = default)
    {
        if (state.State.Claim?.CustomerId != staleOwner)
        {
            return false;
        }

        await state.WriteAsync(this, s => s.Claim = new CustomerContactClaim(customerId, time.GetUtcNow()));
        return true;
    }

    public Task Release(string customerId, CancellationToken cancellationToken = default) =>
        state.State.Claim?.CustomerId == customerId ? state.WriteAsync(this, s => s.Claim = null) : Task.CompletedTask;

    public Task<CustomerContactClaim?> GetOwner(CancellationToken cancellationToken = default) => Task.FromResult(state.State.Claim);
}

[GenerateSerializer, Alias("Switchboard.Grains.CustomerContactState")]
public sealed class CustomerContactState
{
    [Id(0)] public CustomerContactClaim? Claim { get; set; }
}
