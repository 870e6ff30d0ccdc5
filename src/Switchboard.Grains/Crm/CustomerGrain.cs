using Switchboard.Contracts;
using Switchboard.Contracts.Crm;
using Switchboard.Domain.Crm;

namespace Switchboard.Grains.Crm;

/// <summary>
/// One customer. A write claims the phones and emails it adds before it is stored (so two customers never share one),
/// lists the name in the directory, stores the customer, and only then lets go of what it removed. A write that fails
/// lets go of what it claimed; one cut short by a crash leaves a claim or an entry without its customer, which later
/// writes take over and reads pass over.
/// </summary>
public sealed class CustomerGrain(
    [PersistentState("customer", StorageNames.Default)] IPersistentState<CustomerState> state,
    [FromKeyedServices(SwitchboardClock.ServiceKey)] TimeProvider time) : Grain, ICustomerGrain
{
    /// <summary>How old a claim must be before a customer that does not list it loses it: a create in flight lists it soon.</summary>
    private static readonly TimeSpan StaleClaimAge = TimeSpan.FromMinutes(1);

    private string tenantId = "";
    private string customerId = "";

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var parts = GrainKeys.Split(this.GetPrimaryKeyString());
        (tenantId, customerId) = (parts[0], parts[1]);
        return Task.CompletedTask;
    }

    public Task<Customer?> Get(CancellationToken cancellationToken = default) => Task.FromResult(state.State.Customer);

    public Task<CustomerCard?> GetCard(CancellationToken cancellationToken = default) =>
        Task.FromResult(state.State.Customer is { } customer
            ? new CustomerCard(customer, [.. state.State.OpenCases.OrderByDescending(c => c.Number).Take(CaseRules.ScreenPopCases)])
            : null);

    public async Task NoteCase(CaseSummary summary, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var index = state.State.OpenCases.FindIndex(c => c.Number == summary.Number);
        var open = CaseRules.IsOpen(summary.Status);
        // Kept while the customer is deleted too: its cases still change, and one created again with its id is about them.
        if (open ? index >= 0 && state.State.OpenCases[index] == summary : index < 0)
        {
            return;
        }

        await state.WriteAsync(this, s =>
        {
            if (index >= 0)
            {
                s.OpenCases.RemoveAt(index);
            }

            if (open)
            {
                s.OpenCases.Add(summary);
                s.OpenCases = [.. s.OpenCases.OrderByDescending(c => c.Number).Take(CaseRules.OpenCasesKept)];
            }
        });
    }

    public async Task<CustomerWriteResult> Create(CustomerDetails details, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (state.State.Customer is { } existing)
        {
            return new CustomerWriteResult(CustomerWriteOutcome.AlreadyExists, existing);
        }

        if (await ClaimAll(Contacts(details), cancellationToken) is { } taken)
        {
            return taken;
        }

        var now = time.GetUtcNow();
        var customer = new Customer(customerId, details, now, now);
        try
        {
            if (!await Shard.Put(Entry(customer), cancellationToken))
            {
                await ReleaseAll(Contacts(details));
                return new CustomerWriteResult(CustomerWriteOutcome.DirectoryFull, null);
            }

            await state.WriteAsync(this, s => s.Customer = customer);
        }
        catch
        {
            // Nothing of it stays: its contacts and its directory entry go with the write that failed.
            await ReleaseAll(Contacts(details));
            await Shard.Remove(customerId, CancellationToken.None);
            throw;
        }

        return new CustomerWriteResult(CustomerWriteOutcome.Created, customer);
    }

    public async Task<CustomerWriteResult> Update(CustomerPatch patch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(patch);
        if (state.State.Customer is not { } current)
        {
            return new CustomerWriteResult(CustomerWriteOutcome.NotFound, null);
        }

        var old = current.Details;
        var details = new CustomerDetails(
            patch.Name ?? old.Name,
            patch.Phones ?? old.Phones,
            patch.Emails ?? old.Emails,
            patch.Company is null ? old.Company : patch.Company.Length == 0 ? null : patch.Company,
            patch.ExternalIds ?? old.ExternalIds,
            patch.Fields ?? old.Fields);
        var before = Contacts(old);
        var after = Contacts(details);
        var added = after.Except(before).ToList();
        if (await ClaimAll(added, cancellationToken) is { } taken)
        {
            return taken;
        }

        var customer = current with { Details = details, UpdatedAt = time.GetUtcNow() };
        try
        {
            await Shard.Put(Entry(customer), cancellationToken);
            await state.WriteAsync(this, s => s.Customer = customer);
        }
        catch
        {
            // As it was: the contacts claimed for the change are let go, and the directory names it as before.
            await ReleaseAll(added);
            await Shard.Put(Entry(current), CancellationToken.None);
            throw;
        }

        await ReleaseAll(before.Except(after));
        return new CustomerWriteResult(CustomerWriteOutcome.Updated, customer);
    }

    public async Task<CustomerWriteResult> Delete(CancellationToken cancellationToken = default)
    {
        if (state.State.Customer is not { } current)
        {
            return new CustomerWriteResult(CustomerWriteOutcome.NotFound, null);
        }

        await state.WriteAsync(this, s => s.Customer = null);
        await ReleaseAll(Contacts(current.Details));
        await Shard.Remove(customerId, CancellationToken.None);
        return new CustomerWriteResult(CustomerWriteOutcome.Deleted, current);
    }

    /// <summary>The phones and emails of a customer in the form they are compared in.</summary>
    public static IReadOnlyList<CustomerContact> Contacts(CustomerDetails details) =>
    [
        .. details.Phones.Select(p => new CustomerContact(CustomerContactKind.Phone, p)),
        .. details.Emails.Select(e => new CustomerContact(CustomerContactKind.Email, e.ToLowerInvariant())),
    ];

    /// <summary>
    /// Claims each contact in turn; at the first one another customer holds (and still lists), lets go of those claimed
    /// here and answers which customer holds it. Null when all are this customer's.
    /// </summary>
    private async Task<CustomerWriteResult?> ClaimAll(IReadOnlyList<CustomerContact> contacts, CancellationToken cancellationToken)
    {
        var claimed = new List<CustomerContact>(contacts.Count);
        foreach (var contact in contacts)
        {
            var grain = Contact(contact);
            var claim = await grain.Claim(customerId, cancellationToken);
            if (claim.CustomerId == customerId || (await IsStale(claim, contact, cancellationToken) && await grain.TakeOver(claim.CustomerId, customerId, cancellationToken)))
            {
                claimed.Add(contact);
                continue;
            }

            await ReleaseAll(claimed);
            return new CustomerWriteResult(CustomerWriteOutcome.ContactTaken, null, contact, claim.CustomerId);
        }

        return null;
    }

    /// <summary>A claim left by a write that did not finish: old enough, and its customer does not list the contact.</summary>
    private async Task<bool> IsStale(CustomerContactClaim claim, CustomerContact contact, CancellationToken cancellationToken)
    {
        if (time.GetUtcNow() - claim.Since < StaleClaimAge)
        {
            return false;
        }

        var holder = await GrainFactory.GetGrain<ICustomerGrain>(GrainKeys.Customer(tenantId, claim.CustomerId)).Get(cancellationToken);
        return holder is null || !Contacts(holder.Details).Contains(contact);
    }

    private async Task ReleaseAll(IEnumerable<CustomerContact> contacts)
    {
        foreach (var contact in contacts)
        {
            await Contact(contact).Release(customerId, CancellationToken.None);
        }
    }

    private static CustomerEntry Entry(Customer customer) => new(customer.Id, customer.Details.Name, customer.Details.Company);

    private ICustomerContactGrain Contact(CustomerContact contact) => GrainFactory.GetGrain<ICustomerContactGrain>(GrainKeys.CustomerContact(tenantId, contact));

    private ICustomerDirectoryShardGrain Shard =>
        GrainFactory.GetGrain<ICustomerDirectoryShardGrain>(GrainKeys.CustomerDirectoryShard(tenantId, CustomerDirectory.ShardOf(customerId)));
}

[GenerateSerializer, Alias("Switchboard.Grains.CustomerState")]
public sealed class CustomerState
{
    [Id(0)] public Customer? Customer { get; set; }

    /// <summary>Its open cases (at most <see cref="CaseRules.OpenCasesKept"/>, the newest), as each case last reported.</summary>
    [Id(1)] public List<CaseSummary> OpenCases { get; set; } = [];
}
