namespace Switchboard.Contracts.Email;

/// <summary>
/// A tenant's mailboxes, keyed by tenant id: at most a hundred small records, so one grain holds them and answers which
/// mailbox an inbound message's address belongs to without a search.
/// </summary>
[Alias("Switchboard.IMailboxDirectoryGrain")]
public interface IMailboxDirectoryGrain : IGrainWithStringKey
{
    /// <summary>
    /// Creates or replaces a mailbox (its address given as compared, lower case). Refused, with nothing changed, when
    /// another mailbox has the address, the queue does not exist or carries another medium, or the tenant is full.
    /// </summary>
    [Alias("Put")]
    Task<MailboxWriteResult> Put(string mailboxId, string address, string queueId, string displayName, CancellationToken cancellationToken = default);

    [Alias("Get"), ReadOnly]
    Task<Mailbox?> Get(string mailboxId, CancellationToken cancellationToken = default);

    /// <summary>The mailbox with this address (compared in lower case), if any.</summary>
    [Alias("FindByAddress"), ReadOnly]
    Task<Mailbox?> FindByAddress(string address, CancellationToken cancellationToken = default);

    /// <summary>Up to <paramref name="max"/> mailboxes by id (ordinal), after <paramref name="afterId"/> when given.</summary>
    [Alias("List"), ReadOnly]
    Task<IReadOnlyList<Mailbox>> List(string? afterId, int max, CancellationToken cancellationToken = default);

    /// <summary>Removes a mailbox; false if there was none.</summary>
    [Alias("Delete")]
    Task<bool> Delete(string mailboxId, CancellationToken cancellationToken = default);
}
