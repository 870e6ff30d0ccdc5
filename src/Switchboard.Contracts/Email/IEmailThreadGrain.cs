namespace Switchboard.Contracts.Email;

/// <summary>
/// The messages of one email interaction, oldest first, keyed like the interaction (<see cref="GrainKeys.Interaction"/>).
/// A message is kept once by its Message-ID, so a gateway that delivers it again changes nothing.
/// </summary>
[Alias("Switchboard.IEmailThreadGrain")]
public interface IEmailThreadGrain : IGrainWithStringKey
{
    /// <summary>Adds a message; false when one with its Message-ID is there already or the thread is full (nothing changes).</summary>
    [Alias("Add")]
    Task<bool> Add(EmailMessage message, CancellationToken cancellationToken = default);

    [Alias("List"), ReadOnly]
    Task<IReadOnlyList<EmailMessage>> List(CancellationToken cancellationToken = default);
}
