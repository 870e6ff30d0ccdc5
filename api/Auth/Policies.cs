namespace Switchboard.Api.Auth;

/// <summary>Authorization policies; agent keys are further limited to their own agent in the handlers.</summary>
public static class Policies
{
    /// <summary>The operator key only.</summary>
    public const string Operator = "operator";

    /// <summary>Any tenant key.</summary>
    public const string AnyTenantKey = "tenant";

    /// <summary>Tenant admins.</summary>
    public const string Admin = "admin";

    /// <summary>Admins and supervisors.</summary>
    public const string Supervisor = "supervisor";

    /// <summary>Admins, supervisors and integrations: readers of the whole tenant.</summary>
    public const string TenantReader = "tenant-reader";

    /// <summary>Admins and integrations (a carrier or gateway): report call-leg events.</summary>
    public const string Telephony = "telephony";
}
