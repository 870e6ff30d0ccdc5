namespace Switchboard.Contracts.Email;

/// <summary>One attempt's outcome: taken, or failed for now (try again) or for good, with what the server or network said.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.EmailSendOutcome")]
public sealed record EmailSendOutcome([property: Id(0)] bool Sent, [property: Id(1)] bool Permanent, [property: Id(2)] string Answer);

/// <summary>A reply as it goes out: the kept message, its whole text and HTML, and which attempt this is.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.EmailOutgoing")]
public sealed record EmailOutgoing(
    [property: Id(0)] EmailMessage Reply,
    [property: Id(1)] string Text,
    [property: Id(2)] string? Html,
    [property: Id(3)] int Attempt);

/// <summary>
/// Sends replies through SMTP away from their conversation (a stateless worker), so a slow server never holds the
/// conversation; each attempt's outcome goes back to the conversation with <see cref="IEmailThreadGrain.Delivered"/>.
/// </summary>
[Alias("Switchboard.IEmailReplySenderGrain")]
public interface IEmailReplySenderGrain : IGrainWithIntegerKey
{
    [Alias("Send"), OneWay]
    Task Send(string threadKey, EmailOutgoing outgoing);
}
