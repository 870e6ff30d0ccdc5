using Switchboard.Contracts.Auth;

namespace Switchboard.Api.Auth;

/// <summary>Role names in claims and policies.</summary>
public static class Roles
{
    public const string Operator = "operator";
    public const string Admin = "admin";
    public const string Supervisor = "supervisor";
    public const string Agent = "agent";
    public const string Integration = "integration";

    /// <summary>The roles that manage webhooks (and the carrier's side): they are the ones alerted about endpoints.</summary>
    public static readonly string[] Integrators = [Admin, Integration];

    public static string Name(ApiKeyRole role) => role switch
    {
        ApiKeyRole.Admin => Admin,
        ApiKeyRole.Supervisor => Supervisor,
        ApiKeyRole.Agent => Agent,
        ApiKeyRole.Integration => Integration,
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    public static bool TryParse(string? name, out ApiKeyRole role)
    {
        role = default;
        switch (name)
        {
            case Admin: role = ApiKeyRole.Admin; return true;
            case Supervisor: role = ApiKeyRole.Supervisor; return true;
            case Agent: role = ApiKeyRole.Agent; return true;
            case Integration: role = ApiKeyRole.Integration; return true;
            default: return false;
        }
    }
}
