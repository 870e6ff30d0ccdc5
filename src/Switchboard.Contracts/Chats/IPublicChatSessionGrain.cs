namespace Switchboard.Contracts.Chats;

/// <summary>
/// A web chat as its customer reaches it: which tenant and entry point it belongs to and the hash of the customer token
/// that opens it. Keyed by the interaction id alone (random, unguessable), since the customer's routes name only that.
/// </summary>
[Alias("Switchboard.IPublicChatSessionGrain")]
public interface IPublicChatSessionGrain : IGrainWithStringKey
{
    /// <summary>Records the session (once; the same again is harmless).</summary>
    [Alias("Open")]
    Task Open(PublicChatSession session, CancellationToken cancellationToken = default);

    /// <summary>The session, or null when none was opened with this id.</summary>
    [Alias("Get"), ReadOnly]
    Task<PublicChatSession?> Get(CancellationToken cancellationToken = default);
}

/// <summary>
/// A web chat session: its tenant, entry point, the SHA-256 of its customer token, when the token expires, and the
/// origins allowed when it was opened (used should the entry point be deleted while the chat goes on).
/// </summary>
[GenerateSerializer, Immutable, Alias("Switchboard.PublicChatSession")]
public sealed record PublicChatSession(
    [property: Id(0)] string TenantId,
    [property: Id(1)] string EntryPointId,
    [property: Id(2)] byte[] TokenHash,
    [property: Id(3)] DateTimeOffset ExpiresAt,
    [property: Id(4)] IReadOnlyList<string> AllowedOrigins);
