namespace Switchboard.Contracts;

/// <summary>Grain keys. Every key starts with the tenant id; ids never contain '/', so keys split unambiguously.</summary>
public static class GrainKeys
{
    public const char Separator = '/';

    public static string Agent(string tenantId, string agentId) => $"{tenantId}{Separator}{agentId}";

    public static string AgentHistoryPage(string tenantId, string agentId, long page) => $"{tenantId}{Separator}{agentId}{Separator}{page}";

    public static string Queue(string tenantId, string queueId) => $"{tenantId}{Separator}{queueId}";

    public static string Broadcast(string tenantId, string broadcastId) => $"{tenantId}{Separator}{broadcastId}";

    public static string AlertInbox(string tenantId, string agentId) => $"{tenantId}{Separator}{agentId}";

    public static string PlatformChange(string tenantId, string changeId) => $"{tenantId}{Separator}{changeId}";

    public static string Interaction(string tenantId, string interactionId) => $"{tenantId}{Separator}{interactionId}";

    public static string Faq(string tenantId, string faqId) => $"{tenantId}{Separator}{faqId}";

    public static string Customer(string tenantId, string customerId) => $"{tenantId}{Separator}{customerId}";

    /// <summary>
    /// A phone or email of a tenant's customers: its compared form hashed (hex SHA-256), since addresses hold characters
    /// that grain and table keys do not take.
    /// </summary>
    public static string CustomerContact(string tenantId, Crm.CustomerContact contact) =>
        $"{tenantId}{Separator}{(contact.Kind == Crm.CustomerContactKind.Phone ? "phone" : "email")}{Separator}{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(contact.Value)))}";

    public static string CustomerDirectoryShard(string tenantId, int shard) => $"{tenantId}{Separator}{shard}";

    public static string Case(string tenantId, long number) => $"{tenantId}{Separator}{number}";

    public static string CaseLogPage(string tenantId, long number, Crm.CaseLogKind kind, long page) =>
        $"{tenantId}{Separator}{number}{Separator}{(kind == Crm.CaseLogKind.Notes ? "notes" : "history")}{Separator}{page}";

    public static string CaseDirectoryShard(string tenantId, int shard) => $"{tenantId}{Separator}{shard}";

    public static string CrmTask(string tenantId, string taskId) => $"{tenantId}{Separator}{taskId}";

    public static string CrmTaskDirectoryShard(string tenantId, int shard) => $"{tenantId}{Separator}{shard}";

    public static string WebhookEndpoint(string tenantId, string endpointId) => $"{tenantId}{Separator}{endpointId}";

    public static string WebhookDelivery(string tenantId, string endpointId, long sequence) => $"{tenantId}{Separator}{endpointId}{Separator}{sequence}";

    /// <summary>The web chats opened from one client address (<paramref name="addressHash"/>: hex SHA-256 of the address).</summary>
    public static string PublicChatGuard(string tenantId, string addressHash) => $"{tenantId}{Separator}{addressHash}";

    /// <summary>
    /// A web chat session as its customer reaches it: the interaction id alone, the one key without a tenant (the
    /// customer's routes name only the chat; interaction ids are random and unique across tenants).
    /// </summary>
    public static string PublicChatSession(string interactionId) => interactionId;

    /// <summary>
    /// A co-browse join code, the customer's only handle: no tenant (the code is unique among unexpired codes of every
    /// tenant); the prefix keeps it apart from any other key.
    /// </summary>
    public static string CobrowseCode(string code) => $"cobrowse-code{Separator}{code}";

    /// <summary>The join codes tried from one client address (<paramref name="addressHash"/>: hex SHA-256 of the address), across tenants.</summary>
    public static string CobrowseGuard(string addressHash) => $"cobrowse-guard{Separator}{addressHash}";

    /// <summary>A joined co-browse session as its customer reaches it: the session id alone (random, unique across tenants).</summary>
    public static string CobrowseSession(string sessionId) => sessionId;

    /// <summary>Page <paramref name="page"/> (from 0) of a chat's transcript.</summary>
    public static string TranscriptPage(string tenantId, string interactionId, long page) => $"{tenantId}{Separator}{interactionId}{Separator}{page}";

    /// <summary>
    /// The record of one Idempotency-Key sent with one tenant API key (<paramref name="keyHash"/>: the hex SHA-256 of the
    /// header value, so any header text makes a safe key).
    /// </summary>
    public static string Idempotency(string tenantId, string apiKeyId, string keyHash) => $"{tenantId}{Separator}{apiKeyId}{Separator}{keyHash}";

    /// <summary>The record of one Idempotency-Key sent with the operator key; no tenant id starts with '_'.</summary>
    public static string OperatorIdempotency(string keyHash) => $"{OperatorScope}{Separator}{keyHash}";

    private const string OperatorScope = "_operator";

    /// <summary>How many list-index grains share one hour of a tenant's interactions (so that no one grain is busy or big).</summary>
    public const int InteractionIndexShards = 16;

    /// <summary>
    /// The list-index shard of the interactions a tenant created in the UTC hour of <paramref name="createdAt"/>;
    /// an interaction's shard is <see cref="InteractionIndexShard"/> of its id.
    /// </summary>
    public static string InteractionIndex(string tenantId, DateTimeOffset createdAt, int shard) =>
        $"{tenantId}{Separator}{createdAt.UtcDateTime.ToString("yyyyMMddHH", System.Globalization.CultureInfo.InvariantCulture)}-{shard:D2}";

    /// <summary>A tenant's in-memory event history of the UTC day of <paramref name="at"/>.</summary>
    public static string HistoryDay(string tenantId, DateTimeOffset at) =>
        $"{tenantId}{Separator}{at.UtcDateTime.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>A stable shard for an interaction id (FNV-1a: the same in every process, unlike string hash codes).</summary>
    public static int InteractionIndexShard(string interactionId)
    {
        ArgumentNullException.ThrowIfNull(interactionId);
        var hash = 2166136261u;
        foreach (var c in interactionId)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % InteractionIndexShards);
    }

    /// <summary>Splits a key made by one of the methods above.</summary>
    public static string[] Split(string key) => key.Split(Separator);
}
