namespace Switchboard.Contracts;

/// <summary>Grain keys. Every key starts with the tenant id; ids never contain '/', so keys split unambiguously.</summary>
public static class GrainKeys
{
    public const char Separator = '/';

    public static string Agent(string tenantId, string agentId) => $"{tenantId}{Separator}{agentId}";

    public static string AgentHistoryPage(string tenantId, string agentId, long page) => $"{tenantId}{Separator}{agentId}{Separator}{page}";

    public static string Queue(string tenantId, string queueId) => $"{tenantId}{Separator}{queueId}";

    public static string Interaction(string tenantId, string interactionId) => $"{tenantId}{Separator}{interactionId}";

    /// <summary>The list index of the interactions a tenant created in the UTC hour of <paramref name="createdAt"/>.</summary>
    public static string InteractionIndex(string tenantId, DateTimeOffset createdAt) =>
        $"{tenantId}{Separator}{createdAt.UtcDateTime.ToString("yyyyMMddHH", System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>Splits a key made by one of the methods above.</summary>
    public static string[] Split(string key) => key.Split(Separator);
}
