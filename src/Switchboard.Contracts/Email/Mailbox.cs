namespace Switchboard.Contracts.Email;

/// <summary>
/// An address customers write to, and the queue its mail is offered from. <see cref="Address"/> is stored as compared
/// (lower case); <see cref="DisplayName"/> is the name replies go out under.
/// </summary>
[GenerateSerializer, Immutable, Alias("Switchboard.Mailbox")]
public sealed record Mailbox(
    [property: Id(0)] string Id,
    [property: Id(1)] string Address,
    [property: Id(2)] string QueueId,
    [property: Id(3)] string DisplayName,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] DateTimeOffset UpdatedAt);

/// <summary>How a mailbox write went.</summary>
[GenerateSerializer, Alias("Switchboard.MailboxWriteOutcome")]
public enum MailboxWriteOutcome
{
    Created = 0,
    Updated = 1,

    /// <summary>Another mailbox of the tenant has the address (<see cref="MailboxWriteResult.ConflictingId"/>).</summary>
    AddressTaken = 2,

    /// <summary>The queue does not exist.</summary>
    QueueMissing = 3,

    /// <summary>The queue carries another medium than email.</summary>
    QueueNotEmail = 4,

    /// <summary>The tenant has as many mailboxes as it may.</summary>
    Full = 5,
}

/// <summary>A mailbox write's outcome, the mailbox as stored (when written) and the mailbox holding the address (when taken).</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.MailboxWriteResult")]
public sealed record MailboxWriteResult(
    [property: Id(0)] MailboxWriteOutcome Outcome,
    [property: Id(1)] Mailbox? Mailbox,
    [property: Id(2)] string? ConflictingId = null);
