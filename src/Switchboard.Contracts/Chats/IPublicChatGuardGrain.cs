namespace Switchboard.Contracts.Chats;

/// <summary>
/// How many web chats one client address has open in a tenant, so that one address cannot open chats without end.
/// Keyed by <see cref="GrainKeys.PublicChatGuard"/>. In memory: a restart forgets the count, which only an abuser notices.
/// </summary>
[Alias("Switchboard.IPublicChatGuardGrain")]
public interface IPublicChatGuardGrain : IGrainWithStringKey
{
    /// <summary>
    /// Counts <paramref name="interactionId"/> as opened by the address if fewer than <paramref name="maxOpen"/> of its
    /// chats are still open; false (counting nothing) otherwise.
    /// </summary>
    [Alias("TryReserve")]
    Task<bool> TryReserve(string interactionId, int maxOpen, CancellationToken cancellationToken = default);

    /// <summary>Forgets a reservation whose chat was not created after all.</summary>
    [Alias("Release")]
    Task Release(string interactionId, CancellationToken cancellationToken = default);
}
