using System.ComponentModel.DataAnnotations;

namespace Switchboard.Grains.Tenancy;

/// <summary>Section <c>Tenancy</c>.</summary>
public sealed class TenancyOptions
{
    public const string Section = "Tenancy";

    /// <summary>
    /// How long a silo reuses a tenant's status codes for its agents' state changes before reading them again; a change
    /// of the codes is acknowledged only once this long has passed, so no silo can accept a code after its removal was
    /// acknowledged. 0 reads them on every change.
    /// </summary>
    [Range(0, 5000)]
    public int StatusCodeCacheMilliseconds { get; set; } = 500;

    public TimeSpan StatusCodeCache => TimeSpan.FromMilliseconds(StatusCodeCacheMilliseconds);
}
