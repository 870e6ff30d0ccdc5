namespace Switchboard.Api.Live;

/// <summary>Route keys inside a tenant feed: which local topic subscriptions an event goes to.</summary>
public static class LiveRoutes
{
    /// <summary>Every sink of a tenant-wide topic (supervisors' <c>directory</c> and <c>alerts</c>, everyone's <c>platform</c>).</summary>
    public const string All = "*";

    /// <summary>
    /// Admin and integration keys' <c>alerts</c>: every broadcast, and the alerts for admins (a webhook disabled). An agent's
    /// alerts route is its id, so this one starts with what no id can.
    /// </summary>
    public const string Admins = "*admins";

    public static string Agent(string agentId) => "agent/" + agentId;

    public static string DirectoryGroup(string? group) => "directory/" + (group ?? "");

    public const string DirectoryAll = "directory*";

    /// <summary>The customer's socket of a web chat.</summary>
    public static string Chat(string interactionId) => "chat/" + interactionId;
}
