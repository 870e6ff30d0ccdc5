namespace Switchboard.Api.Auth;

internal static class ClaimNames
{
    public const string Tenant = "sb:tenant";
    public const string KeyId = "sb:key";
    public const string AgentId = "sb:agent";
}
