namespace Switchboard.Contracts.Tenancy;

/// <summary>A tenant's general settings.</summary>
/// <param name="TimeZone">The IANA time zone its days and report periods are counted in.</param>
[GenerateSerializer, Immutable, Alias("Switchboard.TenantSettings")]
public sealed record TenantSettings([property: Id(0)] string TimeZone)
{
    public const string DefaultTimeZone = "UTC";

    public static TenantSettings Default { get; } = new(DefaultTimeZone);
}
