namespace Switchboard.Domain.Queues;

/// <summary>The kind of work a queue carries and an interaction is.</summary>
/// <remarks>Persisted as numbers: never renumber one that has shipped.</remarks>
public enum MediaType
{
    Voice = 0,
    Chat = 1,
    Email = 2,
    Voicemail = 3,
}
