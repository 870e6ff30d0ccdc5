namespace Switchboard.Domain.Interactions;

/// <summary>Who wrote a chat message.</summary>
/// <remarks>Persisted as numbers: never renumber one that has shipped.</remarks>
public enum ChatSender
{
    Customer = 0,
    Agent = 1,

    /// <summary>Switchboard itself: an entry point's welcome.</summary>
    System = 2,
}
