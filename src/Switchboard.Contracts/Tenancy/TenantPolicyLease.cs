namespace Switchboard.Contracts.Tenancy;

/// <summary>
/// A tenant's rules as a silo may reuse them for its agents (status codes for state changes, the utilization rule for
/// offers): for at most <paramref name="TrustFor"/> from when the read began. The tenant sets that time and waits it out
/// before acknowledging a change of either.
/// </summary>
/// <param name="Items">The status codes.</param>
/// <param name="TrustFor">How long the copy may be used; zero: for this change only.</param>
/// <param name="Utilization">Which work blocks which; null: the default rule.</param>
[GenerateSerializer, Immutable, Alias("Switchboard.TenantPolicyLease")]
public sealed record TenantPolicyLease(
    [property: Id(0)] IReadOnlyList<StatusCodeItem> Items,
    [property: Id(1)] TimeSpan TrustFor,
    [property: Id(2)] UtilizationSettings? Utilization);
