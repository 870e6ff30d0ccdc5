using System.ComponentModel.DataAnnotations;

namespace Switchboard.Grains.Tenancy;

/// <summary>Section <c>Tenancy</c>.</summary>
public sealed class TenancyOptions
{
    public const string Section = "Tenancy";

    /// <summary>
    /// How long a silo may reuse a tenant's status codes for its agents' state changes before reading them again (the
    /// tenant's own setting is the one every silo follows); a change of the codes is acknowledged only once this long has
    /// passed, so every state change that starts after the acknowledgement checks the new codes. 0 reads them on every change.
    /// </summary>
    [Range(0, 5000)]
    public int StatusCodeCacheMilliseconds { get; set; } = 500;

    public TimeSpan StatusCodeCache => TimeSpan.FromMilliseconds(StatusCodeCacheMilliseconds);
}
