using System.ComponentModel.DataAnnotations;

namespace Switchboard.Api.Auth;

/// <summary>Section <c>Auth</c>.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>The operator key: creates tenants (<c>POST /v1/tenants</c>). Empty: generated and printed in Development, disabled otherwise.</summary>
    [MaxLength(256)]
    public string? OperatorKey { get; set; }

    /// <summary>The admin key of the <c>dev</c> tenant seeded in Development. Empty: generated and printed at start-up.</summary>
    [MaxLength(256)]
    public string? DevAdminKey { get; set; }

    /// <summary>How long an API host trusts a key it has checked. Revocation through this host is immediate; through another host it takes up to this long.</summary>
    [Range(0, 300)]
    public int KeyCacheSeconds { get; set; } = 5;
}
