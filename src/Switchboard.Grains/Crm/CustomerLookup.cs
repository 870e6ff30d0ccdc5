using Switchboard.Contracts;
using Switchboard.Contracts.Crm;

namespace Switchboard.Grains.Crm;

/// <summary>Finds the customer of a phone or email: the one that holds it and still lists it (a claim left by a crash is passed over).</summary>
public static class CustomerLookup
{
    public static async Task<CustomerCard?> Find(IGrainFactory grains, string tenantId, CustomerContact contact, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(contact);
        var claim = await grains.GetGrain<ICustomerContactGrain>(GrainKeys.CustomerContact(tenantId, contact)).GetOwner(cancellationToken);
        if (claim is null || await grains.GetGrain<ICustomerGrain>(GrainKeys.Customer(tenantId, claim.CustomerId)).GetCard(cancellationToken) is not { } card)
        {
            return null;
        }

        var details = card.Customer.Details;
        var listed = contact.Kind == CustomerContactKind.Phone
            ? details.Phones.Contains(contact.Value, StringComparer.Ordinal)
            : details.Emails.Any(e => string.Equals(e, contact.Value, StringComparison.OrdinalIgnoreCase));
        return listed ? card : null;
    }
}
