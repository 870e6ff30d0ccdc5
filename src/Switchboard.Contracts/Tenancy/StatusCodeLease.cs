namespace Switchboard.Contracts.Tenancy;

/// <summary>
/// A tenant's status codes as a silo may reuse them for its agents' state changes: for at most <paramref name="TrustFor"/>
/// from when the read began. The tenant sets that time and waits it out before acknowledging a change of its codes.
/// </summary>
/// <param name="Items">The codes.</param>
/// <param name="TrustFor">How long the copy may be used; zero: for this change only.</param>
[GenerateSerializer, Immutable, Alias("Switchboard.StatusCodeLease")]
public sealed record StatusCodeLease(
    [property: Id(0)] IReadOnlyList<StatusCodeItem> Items,
    [property: Id(1)] TimeSpan TrustFor);
